package org.carereview.consult.triage;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.experts.ApplicationWindow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each role sees exactly what it should; a flagged submission does not exist for a reviewer, on any route. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageVisibilityTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AccountService accounts;

    @Inject
    ApplicationWindow window;

    @Inject
    DataSource dataSource;

    String reviewer;
    String lead;
    String admin;
    String contributor;
    String flaggedId;
    String plainId;
    String applicationId;

    @Override
    public Map<String, String> getProperties() {
        return TriageFixture.properties();
    }

    @BeforeAll
    void setUp() {
        reviewer = TriageFixture.staff(http, accounts, "vis.reviewer@example.org", Role.REVIEWER);
        lead = TriageFixture.staff(http, accounts, "vis.lead@example.org", Role.SAFEGUARDING_LEAD);
        admin = TriageFixture.admin(http);
        accounts.contributorFor("vis.contributor@example.org");
        contributor = (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/magic-link/redeem",
                Map.of("token", magicToken("vis.contributor@example.org"))), Map.class).get("accessToken");
        flaggedId = (String) TriageFixture.advice(http,
                "Nobody listens. My mums boyfriend hits me and I am scared to go home. Placement moves", List.of("SAFETY"))
                .get("id");
        plainId = (String) TriageFixture.advice(http, "How can placement moves be fewer for children in care?",
                List.of("CARE")).get("id");
        TriageFixture.openWindow(window);
        applicationId = (String) TriageFixture.application(http, "vis.applicant@example.org",
                "I lived with foster carers and then in a children's home.").get("id");
    }

    private String magicToken(String email) {
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/magic-link", Map.of("email", email)));
        return TestSql.lastLinkToken(dataSource, "sign-in-link", email);
    }

    private Map<String, Object> get(String path, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private HttpStatus statusOf(MutableHttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request)).getStatus();
    }

    private List<String> idsIn(String query, String token) {
        return TriageFixture.items(get(TriageFixture.QUEUE + query, token)).stream().map(i -> (String) i.get("id")).toList();
    }

    @Test
    void aDisclosureThroughTheAdviceApiIsFlagged() {
        assertEquals(List.of("t"), TestSql.column(dataSource, "SELECT safeguarding FROM submission WHERE id = ?::uuid", flaggedId));
    }

    @Test
    void aReviewerNeverSeesAFlaggedSubmissionInListsSearchesOrByIdOnAnyRoute() {
        assertFalse(idsIn("", reviewer).contains(flaggedId));
        assertTrue(idsIn("", reviewer).contains(plainId));
        assertFalse(idsIn("?q=placement+moves", reviewer).contains(flaggedId));
        assertTrue(idsIn("?q=placement+moves", reviewer).contains(plainId));
        assertEquals(List.of(), idsIn("?safeguarding=true", reviewer));
        assertEquals(HttpStatus.NOT_FOUND, statusOf(HttpRequest.GET(TriageFixture.QUEUE + "/" + flaggedId).bearerAuth(reviewer)));
        assertEquals(HttpStatus.NOT_FOUND, statusOf(HttpRequest.PATCH(TriageFixture.QUEUE + "/" + flaggedId,
                Map.of("status", "IN_REVIEW")).bearerAuth(reviewer)));
        assertEquals(HttpStatus.NOT_FOUND, statusOf(HttpRequest.POST(TriageFixture.QUEUE + "/" + flaggedId + "/notes",
                Map.of("text", "seen?")).bearerAuth(reviewer)));
        assertEquals(HttpStatus.NOT_FOUND, statusOf(HttpRequest.GET("/api/v1/call-for-advice/submissions/" + flaggedId)
                .bearerAuth(reviewer)));
        Map<?, ?> bulk = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/triage/bulk",
                Map.of("ids", List.of(flaggedId), "addThemes", List.of("CARE"))).bearerAuth(reviewer), Map.class);
        assertEquals(List.of(Map.of("id", flaggedId, "reason", "not-found")), bulk.get("skipped"));
    }

    @Test
    void theLeadAndAdministratorsSeeTheFlaggedSubmissionWithWhyItWasFlagged() {
        for (String token : List.of(lead, admin)) {
            assertTrue(idsIn("?safeguarding=true", token).contains(flaggedId));
            Map<String, Object> opened = get(TriageFixture.QUEUE + "/" + flaggedId, token);
            assertEquals(true, opened.get("safeguarding"));
            Map<?, ?> flag = (Map<?, ?>) opened.get("flag");
            assertEquals("SCREENING", flag.get("source"));
            assertTrue(((List<?>) flag.get("matched")).containsAll(List.of("hits me", "scared to go home")));
        }
    }

    @Test
    void aMadeUpIdIs404AndSoIsAChannelRouteGivenAnotherChannelsId() {
        assertEquals(HttpStatus.NOT_FOUND, statusOf(HttpRequest.GET(TriageFixture.QUEUE + "/" + UUID.randomUUID())
                .bearerAuth(admin)));
        assertEquals(HttpStatus.NOT_FOUND, statusOf(HttpRequest.GET("/api/v1/call-for-advice/submissions/" + applicationId)
                .bearerAuth(admin)));
        assertEquals(HttpStatus.NOT_FOUND, statusOf(HttpRequest.GET("/api/v1/experts-by-experience/applications/" + plainId)
                .bearerAuth(admin)));
        assertEquals(HttpStatus.BAD_REQUEST, statusOf(HttpRequest.GET(TriageFixture.QUEUE + "/not-a-uuid").bearerAuth(admin)));
    }

    @Test
    void aReviewersViewOfAnApplicationShowsNoIdentityContactDateOfBirthOrEquality() {
        Map<String, Object> seen = get(TriageFixture.QUEUE + "/" + applicationId, reviewer);
        List<String> fields = ((List<?>) seen.get("details")).stream().map(d -> (String) ((Map<?, ?>) d).get("name")).toList();
        assertTrue(fields.contains("experienceStory"), fields.toString());
        for (String hidden : List.of("name", "preferredName", "dateOfBirth", "email", "phone")) {
            assertFalse(fields.contains(hidden), hidden);
        }
        String raw = http.toBlocking().retrieve(HttpRequest.GET(TriageFixture.QUEUE + "/" + applicationId).bearerAuth(reviewer));
        for (String value : List.of("Jordan Identifiable", "Jojo", "vis.applicant@example.org", "07700", "Prefer not to say")) {
            assertFalse(raw.contains(value), value);
        }
        List<String> adminFields = ((List<?>) get(TriageFixture.QUEUE + "/" + applicationId, admin).get("details")).stream()
                .map(d -> (String) ((Map<?, ?>) d).get("name")).toList();
        assertTrue(adminFields.containsAll(List.of("name", "email", "dateOfBirth")), adminFields.toString());
    }

    @Test
    void contributorsAreForbiddenAndAnonymousCallersMustSignIn() {
        for (String path : List.of(TriageFixture.QUEUE, TriageFixture.QUEUE + "/" + plainId, "/api/v1/triage/export.csv",
                "/api/v1/triage/audit")) {
            assertEquals(HttpStatus.FORBIDDEN, statusOf(HttpRequest.GET(path).bearerAuth(contributor)), path);
            assertEquals(HttpStatus.UNAUTHORIZED, statusOf(HttpRequest.GET(path)), path);
        }
    }

    @Test
    void theLeadCannotExportAndOnlyAdministratorsReadTheAuditTrail() {
        assertEquals(HttpStatus.FORBIDDEN, statusOf(HttpRequest.GET("/api/v1/triage/export.csv").bearerAuth(lead)));
        assertEquals(HttpStatus.FORBIDDEN, statusOf(HttpRequest.GET("/api/v1/triage/audit").bearerAuth(reviewer)));
        assertNotNull(get("/api/v1/triage/audit", admin).get("items"));
    }

    @Test
    void flaggedSubmissionsAreNeverExportedEvenForAnAdministrator() {
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/triage/export.csv").bearerAuth(admin));
        assertTrue(csv.contains(plainId));
        assertFalse(csv.contains(flaggedId));
        assertFalse(csv.contains("scared to go home"));
    }

    @Test
    void aSubmissionWaitingForTheLearnedCheckIsHiddenFromReviewersUntilTheCheckHasReadIt() {
        String waitingId = (String) TriageFixture.advice(http, "Social workers kept changing and I had to tell my story again",
                List.of("CARE")).get("id");
        // As when the model was busy at the moment it was sent: stored, screened by phrases, queued for the model.
        TestSql.execute(dataSource, "INSERT INTO safeguarding_check_queue (submission_id, queued_at) VALUES (?::uuid, now())",
                waitingId);

        assertFalse(idsIn("", reviewer).contains(waitingId));
        assertFalse(idsIn("?q=social+workers", reviewer).contains(waitingId));
        assertEquals(HttpStatus.NOT_FOUND, statusOf(HttpRequest.GET(TriageFixture.QUEUE + "/" + waitingId).bearerAuth(reviewer)));
        assertEquals(HttpStatus.NOT_FOUND, statusOf(HttpRequest.GET("/api/v1/call-for-advice/submissions/" + waitingId)
                .bearerAuth(reviewer)));
        assertFalse(http.toBlocking().retrieve(HttpRequest.GET("/api/v1/triage/export.csv").bearerAuth(admin)).contains(waitingId));
        assertTrue(idsIn("", lead).contains(waitingId));
        assertEquals(waitingId, get(TriageFixture.QUEUE + "/" + waitingId, lead).get("id"));

        // The check has read it and found nothing: it takes it off the queue, and reviewers see it.
        TestSql.execute(dataSource, "DELETE FROM safeguarding_check_queue WHERE submission_id = ?::uuid", waitingId);
        assertTrue(idsIn("", reviewer).contains(waitingId));
        assertEquals(waitingId, get(TriageFixture.QUEUE + "/" + waitingId, reviewer).get("id"));
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/api/v1/call-for-advice/submissions/" + waitingId)
                .bearerAuth(reviewer)).getStatus());
    }
}
