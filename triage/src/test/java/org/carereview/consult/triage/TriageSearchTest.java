package org.carereview.consult.triage;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.SubmissionDraft;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.Submissions;
import org.carereview.consult.core.submission.Theme;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Full-text search finds words by their stem and ranks; filters and keyset pages hold together. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageSearchTest implements FreshDatabase {

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
    String fosteringOnce;
    String fosteringThrice;
    String camdenSafety;

    @Override
    public Map<String, String> getProperties() {
        return TriageFixture.properties();
    }

    private String create(SubmissionKind kind, String text, Set<Theme> themes, Set<Dilemma> dilemmas, String areaSlug) {
        UUID area = areaSlug == null ? null
                : UUID.fromString(TestSql.column(dataSource, "SELECT id FROM area WHERE slug = ?", areaSlug).get(0));
        return tx.executeWrite(s -> submissions.create(SubmissionDraft.of(kind, null, area, themes, dilemmas, text)))
                .id().toString();
    }

    @BeforeAll
    void setUp() {
        reviewer = TriageFixture.staff(http, accounts, "search.reviewer@example.org", Role.REVIEWER);
        fosteringOnce = create(SubmissionKind.CALL_FOR_ADVICE,
                "Fostering should come with training and respite for the whole household.", Set.of(Theme.CARE), Set.of(), null);
        fosteringThrice = create(SubmissionKind.CALL_FOR_ADVICE, "Fostering, fostering, fostering: recruit more foster "
                + "families and keep them, because fostering is how most children in care live.", Set.of(Theme.CARE),
                Set.of(), null);
        camdenSafety = create(SubmissionKind.DEEP_DIVE_FEEDBACK, "Social workers in the <b>duty team</b> are stretched.",
                Set.of(Theme.SAFETY), Set.of(Dilemma.HELP_AND_PROTECTION), "camden");
        create(SubmissionKind.DEEP_DIVE_FEEDBACK, "Families in Enfield want one worker they know.", Set.of(Theme.SUPPORT),
                Set.of(), "enfield");
        for (int i = 0; i < 7; i++) {
            create(SubmissionKind.CALL_FOR_ADVICE, "Advice number " + i + " about education and school moves.",
                    Set.of(Theme.SUPPORT), Set.of(), null);
        }
    }

    private Map<String, Object> page(String query) {
        return http.toBlocking().retrieve(HttpRequest.GET(TriageFixture.QUEUE + query).bearerAuth(reviewer),
                Argument.mapOf(String.class, Object.class));
    }

    private List<String> ids(String query) {
        return TriageFixture.items(page(query)).stream().map(i -> (String) i.get("id")).toList();
    }

    private static String q(String words) {
        return URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    @Test
    void searchFindsWordsByTheirStem() {
        List<String> found = ids("?q=fostered");
        assertTrue(found.containsAll(List.of(fosteringOnce, fosteringThrice)), found.toString());
        assertEquals(2, found.size());
    }

    @Test
    void searchRanksTheSubmissionThatIsMostAboutTheWordsFirst() {
        List<Map<String, Object>> items = TriageFixture.items(page("?q=fostering"));
        assertEquals(List.of(fosteringThrice, fosteringOnce), items.stream().map(i -> i.get("id")).toList());
        assertTrue(((Number) items.get(0).get("rank")).doubleValue() > ((Number) items.get(1).get("rank")).doubleValue());
        assertEquals(List.of(fosteringOnce, fosteringThrice), ids("?q=fostering&sort=oldest"));
    }

    @Test
    void snippetsMarkTheMatchesAsPlainTextPartsSoPagesCanEscapeThemAndKeepWhatThePersonTyped() {
        Map<String, Object> item = TriageFixture.items(page("?q=" + q("duty team"))).get(0);
        assertEquals(camdenSafety, item.get("id"));
        List<?> parts = (List<?>) item.get("snippet");
        assertTrue(parts.contains(Map.of("text", "duty", "match", true)), parts.toString());
        String joined = parts.stream().map(p -> (String) ((Map<?, ?>) p).get("text")).reduce("", String::concat);
        assertTrue(joined.startsWith("Social workers in the <b>duty team</b> are stretched"),
                "what looks like markup is kept as the text the person typed (parts are plain text, escaped by pages): "
                        + joined);
        assertNull(TriageFixture.items(page("")).get(0).get("snippet"));
    }

    @Test
    void webSearchSyntaxWorksAndNoSearchTextCausesAnError() {
        assertEquals(List.of(fosteringOnce), ids("?q=" + q("fostering -recruit")));
        assertEquals(List.of(camdenSafety), ids("?q=" + q("\"duty team\"")));
        for (String odd : List.of("!!!", "&|", "'", "\"", "(", ":*", "\\")) {
            assertEquals(List.of(), ids("?q=" + q(odd)), odd);
        }
    }

    @Test
    void filtersCombineByKindStatusThemeDilemmaAreaAndDate() {
        assertEquals(List.of(camdenSafety), ids("?area=camden&theme=SAFETY&status=NEW"));
        assertEquals(List.of(camdenSafety), ids("?dilemma=HELP_AND_PROTECTION"));
        assertEquals(2, ids("?kind=DEEP_DIVE_FEEDBACK").size());
        assertEquals(List.of(), ids("?area=camden&status=ARCHIVED"));
        TriageFixture.execute(dataSource, "UPDATE submission SET submitted_at = '2027-01-10T12:00:00Z' WHERE id = ?::uuid",
                UUID.fromString(fosteringOnce));
        assertEquals(List.of(fosteringOnce), ids("?from=2027-01-10&to=2027-01-10"));
        assertEquals(List.of(), ids("?from=2027-01-11&to=2027-01-31"));
    }

    @Test
    void badFiltersAre422NamingTheParameter() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> page(
                "?kind=LETTER&status=LOST&theme=X&area=Not%20A%20Slug&from=yesterday&limit=0x10&safeguarding=maybe"));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        String problem = e.getResponse().getBody(String.class).orElseThrow();
        for (String field : List.of("kind", "status", "theme", "area", "from", "safeguarding")) {
            assertTrue(problem.contains("\"field\":\"" + field + "\""), field + " in " + problem);
        }
        for (String query : List.of("?area=atlantis", "?limit=500", "?after=garbage", "?sort=relevance",
                "?q=x&sort=sideways", "?from=2027-02-01&to=2027-01-01")) {
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, assertThrows(HttpClientResponseException.class,
                    () -> page(query)).getStatus(), query);
        }
    }

    @Test
    void keysetPagesWalkEverySubmissionOnceInOrder() {
        List<String> all = ids("?limit=200");
        for (String sort : List.of("newest", "oldest")) {
            List<String> walked = new ArrayList<>();
            String next = null;
            do {
                Map<String, Object> page = page("?limit=3&sort=" + sort + (next == null ? "" : "&after=" + next));
                TriageFixture.items(page).forEach(i -> walked.add((String) i.get("id")));
                next = (String) page.get("next");
            } while (next != null);
            assertEquals(all.size(), walked.size(), sort);
            assertEquals(all.size(), Set.copyOf(walked).size(), sort);
        }
        List<String> relevance = new ArrayList<>();
        String next = null;
        do {
            Map<String, Object> page = page("?q=school&limit=2" + (next == null ? "" : "&after=" + next));
            TriageFixture.items(page).forEach(i -> relevance.add((String) i.get("id")));
            next = (String) page.get("next");
        } while (next != null);
        assertEquals(7, Set.copyOf(relevance).size());
        assertFalse(relevance.contains(fosteringOnce));
        HttpClientResponseException wrongSort = assertThrows(HttpClientResponseException.class, () -> page(
                "?sort=oldest&after=" + page("?q=school&limit=2").get("next")));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, wrongSort.getStatus());
    }
}
