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
import org.carereview.consult.core.submission.OwnSubmissions;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.experts.ApplicationWindow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "More like this" with the real sentence model on a real database: alike submissions find each other across
 * channels, and the index never shows anyone a submission the visibility rule hides from them (flagged, withdrawn).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimilarTest implements FreshDatabase {

    static final Instant START = Instant.parse("2027-02-01T09:00:00Z");

    @Inject @Client("/") HttpClient http;
    @Inject AccountService accounts;
    @Inject ApplicationWindow window;
    @Inject OwnSubmissions ownSubmissions;
    @Inject Embeddings embeddings;
    @Inject DataSource dataSource;
    @Inject MutableClock clock;

    String reviewer;
    String lead;
    String admin;
    String changingWorkers;
    String changingWorkersCard;
    String coldFood;
    String flagged;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TriageFixture.properties();
        properties.put(TestClock.PROPERTY, START.toString());
        return properties;
    }

    @BeforeAll
    void setUp() {
        clock.set(START);
        reviewer = TriageFixture.staff(http, accounts, "similar.reviewer@example.org", Role.REVIEWER);
        lead = TriageFixture.staff(http, accounts, "similar.lead@example.org", Role.SAFEGUARDING_LEAD);
        admin = TriageFixture.admin(http);
        window.set("2027-01-20T09:00", "2027-03-01T17:00", null); // open around the test's clock
        changingWorkers = advice("My social worker changed five times in two years. Every time I had to tell my whole "
                + "story again to someone new.");
        changingWorkersCard = card("Nothing, because social workers keep leaving.", "Stop changing our social workers "
                + "every few months so we do not have to explain everything again to a stranger.");
        coldFood = advice("The food in the children's home was cold and there was never enough for seconds.");
        advice("Schools should not move children in care in the middle of their exams.");
        advice("Young people leaving care need somewhere safe to live, not a bed and breakfast.");
        flagged = advice("My social worker keeps changing and my mums boyfriend hits me and I am scared to go home.");
        embedAll();
    }

    @Test
    void anAdviceSubmissionAndADeepDiveCardAboutTheSameThingComeFirstForEachOther() {
        assertEquals(changingWorkersCard, ids(similar(changingWorkers, reviewer)).get(0));
        assertEquals(changingWorkers, ids(similar(changingWorkersCard, reviewer)).get(0));
        Map<String, Object> first = items(similar(changingWorkers, reviewer)).get(0);
        assertEquals("DEEP_DIVE_FEEDBACK", first.get("kind"));
        assertTrue(((String) first.get("reference")).startsWith("DDF-"));
        assertTrue(((String) first.get("snippet")).contains("social workers"), first.toString());
        double similarity = ((Number) first.get("similarity")).doubleValue();
        assertTrue(similarity > 0 && similarity <= 1, first.toString());
    }

    @Test
    void aFlaggedSubmissionNeverAppearsForAReviewerButDoesForTheSafeguardingLead() {
        for (String about : List.of(changingWorkers, changingWorkersCard, coldFood)) {
            assertFalse(ids(similar(about, reviewer)).contains(flagged), "a reviewer was shown the flagged submission");
        }
        assertTrue(ids(similar(changingWorkers, lead)).contains(flagged));
        assertTrue(ids(similar(changingWorkers, admin)).contains(flagged));
        assertEquals(HttpStatus.NOT_FOUND, status(flagged, reviewer), "it does not exist for a reviewer");
        assertFalse(ids(similar(flagged, lead)).isEmpty());
    }

    @Test
    void aWithdrawnSubmissionDisappearsFromTheListsAtOnce() {
        Map<String, Object> application = TriageFixture.application(http, "similar.applicant@example.org",
                "In my children's home the food was cold and there was never enough to eat.");
        String id = (String) application.get("id");
        embedAll();
        clock.set(clock.instant().plusSeconds(120));
        assertTrue(ids(similar(coldFood, reviewer)).contains(id), "the index read the new vector");

        UUID owner = UUID.fromString(TestSql.column(dataSource, "SELECT owner_id::text FROM submission WHERE id = ?::uuid",
                id).get(0));
        ownSubmissions.withdraw(UUID.fromString(id), owner);

        assertFalse(ids(similar(coldFood, reviewer)).contains(id), "the index still holds it; the database says no");
        assertFalse(ids(similar(coldFood, admin)).contains(id));
    }

    @Test
    void aSubmissionWithNoVectorYetSaysWaitingAndJoinsOthersListsOnceEmbedded() {
        String fresh = advice("Children in care should be able to see their brothers and sisters every week.");
        Map<String, Object> waiting = similar(fresh, reviewer);
        assertEquals(true, waiting.get("waiting"));
        assertEquals(List.of(), items(waiting));

        embedAll();
        assertEquals(false, similar(fresh, reviewer).get("waiting"));
        assertFalse(items(similar(fresh, reviewer)).isEmpty());
        clock.set(clock.instant().plusSeconds(120));
        assertTrue(ids(similar(changingWorkers, reviewer)).contains(fresh), "others see it after the refresh interval");
    }

    @Test
    void aMadeUpIdIs404AndEachListIsAuditedAsOneRead() {
        assertEquals(HttpStatus.NOT_FOUND, status(UUID.randomUUID().toString(), reviewer));
        long before = TestSql.count(dataSource, "SELECT count(*) FROM audit_event WHERE action = 'LIST' AND detail = ?",
                "similar to " + coldFood);
        similar(coldFood, reviewer);
        assertEquals(before + 1, TestSql.count(dataSource, "SELECT count(*) FROM audit_event WHERE action = 'LIST' "
                + "AND detail = ?", "similar to " + coldFood));
    }

    private void embedAll() {
        while (embeddings.embedDue() > 0) {
            // the worker's batches
        }
    }

    private String advice(String text) {
        return (String) TriageFixture.advice(http, text, List.of("CARE")).get("id");
    }

    private String card(String works, String change) {
        String token = (String) TriageFixture.post(http, "/api/v1/deep-dives/areas/camden/links", Map.of(), admin, null)
                .get("token");
        return (String) TriageFixture.post(http, "/api/v1/deep-dives/links/" + token + "/feedback", Map.of(
                "participantType", "CARE_EXPERIENCED_YOUNG_PERSON", "whatWorks", works, "whatNeedsToChange", change),
                null, "similar-card-" + UUID.randomUUID()).get("id");
    }

    private Map<String, Object> similar(String id, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(TriageFixture.QUEUE + "/" + id + "/similar").bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
    }

    private HttpStatus status(String id, String token) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.GET(TriageFixture.QUEUE + "/" + id + "/similar").bearerAuth(token))).getStatus();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> similar) {
        Object items = similar.get("items");
        return items == null ? List.of() : (List<Map<String, Object>>) items; // an empty list is left out of the JSON
    }

    private static List<String> ids(Map<String, Object> similar) {
        return items(similar).stream().map(i -> (String) i.get("id")).toList();
    }
}
