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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A word in more rows than are ranked is ranked among its newest matches (ADR 0009); newest-first still finds all. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageCommonWordTest implements FreshDatabase {

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

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TriageFixture.properties());
        properties.put("consult.triage.rank-candidates", "3");
        return properties;
    }

    @BeforeAll
    void setUp() {
        reviewer = TriageFixture.staff(http, accounts, "common.reviewer@example.org", Role.REVIEWER);
        for (int i = 0; i < 8; i++) {
            String text = i == 0 ? "care care care care care, about care and more care" : "Children in care, entry " + i;
            String id = tx.executeWrite(s -> submissions.create(SubmissionDraft.of(SubmissionKind.CALL_FOR_ADVICE, null,
                    null, Set.of(), Set.of(), text))).id().toString();
            TriageFixture.execute(dataSource, "UPDATE submission SET submitted_at = ? WHERE id = ?::uuid",
                    java.sql.Timestamp.from(Instant.parse("2027-01-01T00:00:00Z").plusSeconds(3600L * i)),
                    java.util.UUID.fromString(id));
            byAge.add(id);
        }
        TriageFixture.execute(dataSource, "ANALYZE submission");
    }

    private List<String> ids(String query) {
        return TriageFixture.items(http.toBlocking().retrieve(HttpRequest.GET(TriageFixture.QUEUE + query)
                .bearerAuth(reviewer), Argument.mapOf(String.class, Object.class))).stream()
                .map(i -> (String) i.get("id")).toList();
    }

    @Test
    void aCommonWordIsRankedAmongItsNewestMatchesOnly() {
        List<String> ranked = ids("?q=care");
        assertEquals(Set.of(byAge.get(7), byAge.get(6), byAge.get(5)), Set.copyOf(ranked),
                "the three newest matches, not the oldest one that says care six times");
        assertEquals(8, ids("?q=care&sort=newest").size(), "newest-first still pages through every match");
    }
}
