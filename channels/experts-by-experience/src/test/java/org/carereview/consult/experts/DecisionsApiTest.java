package org.carereview.consult.experts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionsApiTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationWindow window;

    @Inject
    AccountService accounts;

    @Inject
    DataSource dataSource;

    @Inject
    org.carereview.consult.core.submission.OwnSubmissions ownSubmissions;

    @Override
    public Map<String, String> getProperties() {
        return ApplicationsTestSupport.properties();
    }

    @BeforeEach
    void open() {
        ApplicationsTestSupport.openWindow(window);
    }

    private String apply(String email) {
        return (String) ApplicationsTestSupport.submit(http, ApplicationsTestSupport.validBody(email)).get("id");
    }

    private Map<?, ?> decide(String admin, String id, String outcome) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/v1/experts-by-experience/applications/" + id + "/decision",
                Map.of("outcome", outcome, "note", "Strong on what needs to change")).bearerAuth(admin), Map.class);
    }

    @Test
    void aShortlistedApplicantIsSelectedEmailedEachTimeAndBecomesAnActiveMember() {
        String admin = ApplicationsTestSupport.adminToken(http);
        String id = apply("chosen.one@example.org");
        assertEquals("SHORTLISTED", decide(admin, id, "SHORTLISTED").get("outcome"));
        assertEquals("SELECTED", decide(admin, id, "SELECTED").get("outcome"));

        assertEquals(List.of("application-outcome-selected", "application-outcome-shortlisted"), TestSql.column(dataSource,
                "SELECT template FROM outbox_message WHERE recipient = 'chosen.one@example.org' "
                        + "AND template LIKE 'application-outcome-%' ORDER BY template"));
        assertEquals(2, TestSql.count(dataSource, "SELECT count(*) FROM ebe_decision WHERE submission_id = ?::uuid", id));

        Map<?, ?> members = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/experts-by-experience/members")
                .bearerAuth(admin), Map.class);
        Map<?, ?> member = ((List<Map<?, ?>>) members.get("items")).stream()
                .filter(m -> id.equals(m.get("id"))).findFirst().orElseThrow();
        assertEquals("ACTIVE", member.get("status"));
        assertEquals("2026-11-23", member.get("effectiveDate"));
    }

    @Test
    void anApplicantWhoGaveOnlyAMobileNumberGetsEachOutcomeByText() {
        String admin = ApplicationsTestSupport.adminToken(http);
        Map<String, Object> body = ApplicationsTestSupport.validBody(null);
        body.put("phone", "+44 7700 900 461");
        Map<String, Object> sent = ApplicationsTestSupport.submit(http, body);
        String id = (String) sent.get("id");

        decide(admin, id, "SHORTLISTED");
        decide(admin, id, "WAITLISTED");

        assertEquals(List.of("application-outcome-shortlisted-sms|SMS", "application-outcome-waitlisted-sms|SMS"),
                TestSql.column(dataSource, "SELECT concat_ws('|', template, channel) FROM outbox_message "
                        + "WHERE recipient = '+447700900461' AND template LIKE 'application-outcome-%' ORDER BY template"));
    }

    @Test
    void aMembershipIsPausedThenEndedWithDatesAndReasonsAndEveryChangeIsKept() {
        String admin = ApplicationsTestSupport.adminToken(http);
        String id = apply("member.changes@example.org");
        decide(admin, id, "SELECTED");
        http.toBlocking().retrieve(HttpRequest.PATCH("/api/v1/experts-by-experience/members/" + id,
                Map.of("status", "PAUSED", "effectiveDate", "2027-03-01", "reason", "Exams")).bearerAuth(admin), Map.class);
        Map<?, ?> ended = http.toBlocking().retrieve(HttpRequest.PATCH("/api/v1/experts-by-experience/members/" + id,
                Map.of("status", "STEPPED_DOWN", "effectiveDate", "2027-06-30", "reason", "Moved on to university"))
                .bearerAuth(admin), Map.class);
        assertEquals("STEPPED_DOWN", ended.get("status"));
        List<?> history = (List<?>) ended.get("history");
        assertEquals(3, history.size(), "selected, paused, stepped down");
        assertEquals("Exams", ((Map<?, ?>) history.get(1)).get("reason"));

        HttpClientResponseException invalid = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.PATCH("/api/v1/experts-by-experience/members/" + id, Map.of("status", "ASLEEP"))
                        .bearerAuth(admin)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, invalid.getStatus());
        String problem = invalid.getResponse().getBody(String.class).orElseThrow();
        for (String field : List.of("status", "effectiveDate", "reason")) {
            assertTrue(problem.contains("\"field\":\"" + field + "\""), field);
        }
    }

    @Test
    void theApplicantSeesWhereTheirApplicationStands() {
        String admin = ApplicationsTestSupport.adminToken(http);
        String id = apply("status.seeker@example.org");
        assertEquals("Received: not decided yet", outcomeSeenBy("status.seeker@example.org", id));
        decide(admin, id, "WAITLISTED");
        assertEquals("On the waiting list", outcomeSeenBy("status.seeker@example.org", id));
    }

    private String outcomeSeenBy(String email, String id) {
        return ownSubmissions.details(java.util.UUID.fromString(id), ownerOf(email)).stream()
                .filter(d -> d.name().equals("outcome")).findFirst().orElseThrow().value();
    }

    private java.util.UUID ownerOf(String email) {
        return java.util.UUID.fromString(TestSql.column(dataSource, "SELECT id FROM account WHERE email = ?", email).get(0));
    }

    @Test
    void aDeclinedApplicationCannotLaterBeSelected() {
        String admin = ApplicationsTestSupport.adminToken(http);
        String id = apply("not.this.time@example.org");
        decide(admin, id, "DECLINED");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> decide(admin, id, "SELECTED"));
        assertEquals(HttpStatus.CONFLICT, e.getStatus());
        assertEquals(List.of("DECLINED"), TestSql.column(dataSource,
                "SELECT outcome FROM ebe_application WHERE submission_id = ?::uuid", id));
    }

    @Test
    void onlyAdministratorsDecideOrSeeMembers() {
        String id = apply("reviewer.cannot@example.org");
        String reviewer = ApplicationsTestSupport.staffToken(http, accounts, "decider.reviewer@example.org", Role.REVIEWER);
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> decide(reviewer, id, "SELECTED"));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
        HttpClientResponseException members = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/experts-by-experience/members").bearerAuth(reviewer)));
        assertEquals(HttpStatus.FORBIDDEN, members.getStatus());
    }
}
