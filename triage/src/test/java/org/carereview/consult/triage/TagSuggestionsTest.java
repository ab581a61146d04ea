package org.carereview.consult.triage;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.embedding.Embeddings;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.triage.tagging.SuggestionMaker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Suggested themes with the real sentence model (ADR 0035): made for untagged submissions from what staff have
 * tagged, shown with the sentence that matched and similar tagged submissions, and a tag only when a person accepts.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TagSuggestionsTest implements FreshDatabase {

    static final List<String> WORKFORCE = List.of(
            "Our social worker left after four months and the next one was an agency worker who stayed six weeks.",
            "Social workers have forty cases each, so they leave, and the ones who stay are too tired to visit.",
            "The council cannot keep social workers: every team I have worked in has half its posts filled by agency staff.");
    static final List<String> FAMILIES = List.of(
            "My mum needed help with her drinking and our rent, not someone taking us away from her.",
            "Early help for parents, like a family support worker who comes every week, would keep more children at home.",
            "If my dad had got help when he lost his job we would never have gone into care.");

    @Inject @Client("/") HttpClient http;
    @Inject DataSource dataSource;
    @Inject AccountService accounts;
    @Inject Embeddings embeddings;
    @Inject SuggestionMaker maker;

    String admin;
    String reviewer;
    final List<String> workforce = new ArrayList<>();
    String untagged;
    String another;

    @Override
    public Map<String, String> getProperties() {
        return TriageFixture.properties();
    }

    @BeforeAll
    void staffHaveTaggedSomeAndTwoAreUntagged() {
        admin = TriageFixture.admin(http);
        reviewer = TriageFixture.staff(http, accounts, "suggestions.reviewer@example.org", Role.REVIEWER);
        WORKFORCE.forEach(t -> workforce.add(id(TriageFixture.advice(http, t, List.of("DELIVERY")))));
        FAMILIES.forEach(t -> TriageFixture.advice(http, t, List.of("STRENGTHENING_FAMILIES")));
        untagged = id(TriageFixture.advice(http, "i have had 6 social workers in 2 years. every time one leaves i have "
                + "to tell my story again to someone new", List.of()));
        another = id(TriageFixture.advice(http, "Parents should get help early, before things go wrong, so that "
                + "children can stay at home with them.", List.of()));
        while (embeddings.embedDue() > 0) {
            // every answer embedded, as the background worker would
        }
        while (maker.makeDue() > 0) {
            // every untagged submission read, as the background job would
        }
    }

    @Test
    void anUntaggedSubmissionIsSuggestedTheThemeOfTheTaggedOnesItIsLikeWithTheSentenceThatMatched() {
        List<Map<String, Object>> suggestions = suggestions(untagged, reviewer);
        Map<String, Object> delivery = find(suggestions, "DELIVERY");
        assertEquals("OPEN", delivery.get("state"));
        assertTrue(((Number) delivery.get("confidence")).doubleValue() > 0.1);
        String sentence = (String) delivery.get("sentence");
        assertTrue(!sentence.isBlank() && "i have had 6 social workers in 2 years. every time one leaves i have to tell my story again to someone new"
                .contains(sentence.strip()), sentence);
        List<?> similar = (List<?>) delivery.get("similarIds");
        assertFalse(similar.isEmpty(), "the tagged submissions like it are named");
        similar.forEach(id -> assertTrue(workforce.contains(id), "only submissions tagged Delivery: " + id));
        assertEquals(0, TestSql.count(dataSource, "SELECT cardinality(themes) FROM submission WHERE id = ?::uuid", untagged),
                "nothing is tagged without a person");
    }

    @Test
    void acceptingASuggestionTagsItAndTheHistorySaysItWasSuggestedAndWhoAccepted() {
        String code = (String) suggestions(another, reviewer).get(0).get("code");
        decide(another, "theme", code, "accept", reviewer);
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ?::uuid AND themes = ARRAY[?]::text[]",
                another, code));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM submission_change WHERE submission_id = ?::uuid "
                + "AND field = 'themes' AND via = 'SUGGESTION' AND new_value = ?", another, code));
        assertEquals("ACCEPTED", find(suggestions(another, reviewer), code).get("state"));
        HttpClientResponseException again = assertThrows(HttpClientResponseException.class,
                () -> decide(another, "theme", code, "accept", reviewer));
        assertEquals(HttpStatus.CONFLICT, again.getStatus(), "a suggestion is decided once");
    }

    @Test
    void aRejectedSuggestionStaysRejectedAndTagsNothing() {
        List<Map<String, Object>> open = suggestions(untagged, admin).stream().filter(s -> "OPEN".equals(s.get("state"))
                && !"DELIVERY".equals(s.get("code"))).toList();
        assertFalse(open.isEmpty(), "more than one theme is suggested");
        String code = (String) open.get(0).get("code");
        String frame = ((String) open.get(0).get("frame")).toLowerCase();
        decide(untagged, frame, code, "reject", admin);
        maker.makeDue();
        assertEquals("REJECTED", find(suggestions(untagged, admin), code).get("state"));
        assertFalse(TestSql.column(dataSource, "SELECT themes::text FROM submission WHERE id = ?::uuid", untagged)
                .get(0).contains(code));
    }

    @Test
    void badFramesAndCodesAre422sAndAnotherPersonsUnknownSubmissionIs404() {
        for (String[] wrong : List.of(new String[] {"colour", "CARE"}, new String[] {"theme", "HAPPINESS"})) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> decide(untagged, wrong[0], wrong[1], "accept", reviewer));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        }
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> suggestions("00000000-0000-0000-0000-000000000000", reviewer));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
    }

    private List<Map<String, Object>> suggestions(String id, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(TriageFixture.QUEUE + "/" + id + "/suggestions").bearerAuth(token),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private void decide(String id, String frame, String code, String decision, String token) {
        http.toBlocking().exchange(HttpRequest.POST(TriageFixture.QUEUE + "/" + id + "/suggestions/" + frame + "/" + code
                + "/" + decision, "").bearerAuth(token));
    }

    private static Map<String, Object> find(List<Map<String, Object>> suggestions, String code) {
        return suggestions.stream().filter(s -> code.equals(s.get("code"))).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not suggested: " + suggestions));
    }

    private static String id(Map<String, Object> created) {
        return (String) created.get("id");
    }
}
