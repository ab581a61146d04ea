package org.carereview.consult.triage;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.submission.SubmissionDraft;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.Submissions;
import org.carereview.consult.db.FreshDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A search that matches more rows than are ranked is ranked among its newest matches (ADR 0009), whether they
 * are found by walking the recency index (a word in most rows) or week by week (a word in a few rows);
 * newest-first still finds every match, and the page says the ranking was capped.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageRankCapTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AccountService accounts;

    @Inject
    Submissions submissions;

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    DataSource dataSource;

    String reviewer;
    List<String> byAge = new ArrayList<>();
    List<String> ombudsman = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TriageFixture.properties());
        properties.put("consult.triage.rank-candidates", "3");
        return properties;
    }

    @BeforeAll
    void setUp() {
        reviewer = TriageFixture.staff(http, accounts, "common.reviewer@example.org", Role.REVIEWER);
        Instant start = Instant.parse("2027-01-01T00:00:00Z");
        for (int i = 0; i < 8; i++) {
            byAge.add(submit(i == 0 ? "care care care care care, about care and more care" : "Children in care, entry " + i,
                    start.plusSeconds(3600L * i)));
        }
        // A word in 6 of 44 rows (under a fifth: found week by week), one a week; the oldest says it most.
        Instant weeks = Instant.parse("2026-10-01T12:00:00Z");
        for (int i = 0; i < 6; i++) {
            String text = switch (i) {
                case 0 -> "The ombudsman, the ombudsman, the ombudsman and the ombudsman again";
                case 4 -> "I went to the ombudsman and the ombudsman listened";
                default -> "I went to the ombudsman, week " + i;
            };
            ombudsman.add(submit(text, weeks.plus(Duration.ofDays(7L * i))));
        }
        for (int i = 0; i < 30; i++) {
            submit("Children in care want a say, entry " + i, weeks.plus(Duration.ofDays(2L * i)));
        }
        TriageFixture.execute(dataSource, "ANALYZE submission");
    }

    private String submit(String text, Instant at) {
        String id = tx.executeWrite(s -> submissions.create(SubmissionDraft.of(SubmissionKind.CALL_FOR_ADVICE, null,
                null, Set.of(), Set.of(), text))).id().toString();
        TriageFixture.execute(dataSource, "UPDATE submission SET submitted_at = ? WHERE id = ?::uuid",
                java.sql.Timestamp.from(at), java.util.UUID.fromString(id));
        return id;
    }

    private Map<String, Object> page(String query) {
        return http.toBlocking().retrieve(HttpRequest.GET(TriageFixture.QUEUE + query).bearerAuth(reviewer),
                Argument.mapOf(String.class, Object.class));
    }

    private List<String> ids(String query) {
        return TriageFixture.items(page(query)).stream().map(i -> (String) i.get("id")).toList();
    }

    @Test
    void aCommonWordIsRankedAmongItsNewestMatchesOnly() {
        List<String> ranked = ids("?q=care");
        assertEquals(Set.of(byAge.get(7), byAge.get(6), byAge.get(5)), Set.copyOf(ranked),
                "the three newest matches, not the oldest one that says care six times");
        assertEquals(3, page("?q=care").get("rankedOnly"));
        assertEquals(38, ids("?q=care&sort=newest&limit=200").size(), "newest-first still pages through every match");
    }

    @Test
    void aWordInAFewRowsIsRankedAmongItsNewestMatchesFoundWeekByWeek() {
        assertEquals(List.of(ombudsman.get(4), ombudsman.get(5), ombudsman.get(3)), ids("?q=ombudsman"),
                "the three newest matches by rank (the one saying it twice first), not the oldest saying it four times");
        assertEquals(3, page("?q=ombudsman").get("rankedOnly"));
        assertEquals(6, ids("?q=ombudsman&sort=newest").size(), "newest-first still pages through every match");
    }

    @Test
    void aSearchMatchingNoMoreThanAreRankedRanksEveryMatchAndSaysNothingOfACap() {
        Map<String, Object> page = page("?q=" + java.net.URLEncoder.encode("ombudsman listened", java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of(ombudsman.get(4)), TriageFixture.items(page).stream().map(i -> i.get("id")).toList());
        assertEquals(null, page.get("rankedOnly"));
    }

    @Test
    void choosesHowToFindCandidatesFromTheEstimatedShareOfMatchingRows() {
        assertEquals(Candidates.Way.EVERY_MATCH, Candidates.way(500, 1_000_000, 500));
        assertEquals(Candidates.Way.NEWEST_BY_WEEK, Candidates.way(4_400, 1_000_000, 500));
        assertEquals(Candidates.Way.NEWEST_BY_WALK, Candidates.way(760_000, 1_000_000, 500));
        assertEquals(Candidates.Way.NEWEST_BY_WALK, Candidates.way(5_000, 0, 500),
                "with no estimate of the table, the walk (whose cost is capped by the candidates) is the safe way");
    }

    @Test
    void takesWiderStepsWhenMatchesAreSpreadThinlyOverTheWeeks() {
        assertEquals(2, Candidates.weeksPerStep(4_400, 64, 500), "69 a week: two weeks hold a quarter of 500");
        assertEquals(1, Candidates.weeksPerStep(40_000, 64, 500));
        assertEquals(16, Candidates.weeksPerStep(600, 104, 500), "6 a week over two years: the widest step");
    }

    @Test
    void aStepCoversItsWeekAndTheWeeksBeforeItSoTheStepsMeetTheOldestWeek() {
        String sql = new Candidates(Candidates.Way.NEWEST_BY_WEEK, 2900, 2836, 3).sql("SELECT s.id FROM submission s WHERE true", 500);
        assertTrue(sql.contains("generate_series(2900, 2836, -3)"), sql);
        assertTrue(sql.contains("&& ARRAY[w.week, w.week - 1, w.week - 2]"), sql);
        assertTrue(sql.endsWith(" LIMIT 500"), sql);
    }
}
