package org.carereview.consult.triage;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.submission.QuarantineReason;
import org.carereview.consult.core.submission.SubmissionDraft;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.SubmissionStatus;
import org.carereview.consult.core.submission.Submissions;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staff tag, assign, move, note and act in bulk; every change is kept, and views, changes and exports are audited. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageActionsTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AccountService accounts;

    @Inject
    DataSource dataSource;

    @Inject
    Submissions submissions;

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    org.carereview.consult.core.submission.Quarantine quarantine;

    String reviewer;
    String reviewerId;
    String admin;

    @Override
    public Map<String, String> getProperties() {
        return TriageFixture.properties();
    }

    @BeforeAll
    void setUp() {
        reviewer = TriageFixture.staff(http, accounts, "act.reviewer@example.org", Role.REVIEWER);
        reviewerId = TestSql.column(dataSource, "SELECT id FROM account WHERE email = 'act.reviewer@example.org'").get(0);
        admin = TriageFixture.admin(http);
    }

    private String newAdvice(String text) {
        return (String) TriageFixture.advice(http, text, List.of("SUPPORT")).get("id");
    }

    private Map<String, Object> patch(String id, Map<String, Object> body, String token) {
        return http.toBlocking().retrieve(HttpRequest.PATCH(TriageFixture.QUEUE + "/" + id, body).bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
    }

    private HttpClientResponseException refused(MutableHttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request, String.class));
    }

    @Test
    void aReviewerTagsAssignsAndMovesASubmissionAndEveryChangeIsInItsHistory() {
        String id = newAdvice("Support for kinship carers should not depend on a court order.");
        patch(id, Map.of("status", "IN_REVIEW", "assignee", reviewerId), reviewer);
        Map<String, Object> after = patch(id, Map.of("status", "ACTIONED", "themes", List.of("strengthening_families", "CARE"),
                "dilemmas", List.of("HELP_AND_PROTECTION")), reviewer);

        assertEquals("ACTIONED", after.get("status"));
        assertEquals(reviewerId, after.get("assignee"));
        assertEquals(List.of("CARE", "STRENGTHENING_FAMILIES"), after.get("themes"));
        List<?> history = (List<?>) after.get("history");
        assertEquals(List.of("status:NEW>IN_REVIEW", "assignee:null>" + reviewerId, "status:IN_REVIEW>ACTIONED",
                "themes:SUPPORT>CARE,STRENGTHENING_FAMILIES", "dilemmas:null>HELP_AND_PROTECTION"), history.stream()
                .map(h -> (Map<?, ?>) h).map(h -> h.get("field") + ":" + h.get("oldValue") + ">" + h.get("newValue")).toList());
        assertTrue(history.stream().allMatch(h -> reviewerId.equals(((Map<?, ?>) h).get("changedBy"))));
        assertEquals(2, TestSql.count(dataSource, "SELECT count(*) FROM audit_event WHERE action = 'CHANGE' "
                + "AND submission_id = ?::uuid AND actor_id = ?::uuid", id, reviewerId));
    }

    @Test
    void aStatusMoveOutsideTheRulesIs409AndAnUnknownStatusOrThemeIs422() {
        String id = newAdvice("Every child should have an advocate.");
        HttpClientResponseException skip = refused(HttpRequest.PATCH(TriageFixture.QUEUE + "/" + id,
                Map.of("status", "ACTIONED")).bearerAuth(reviewer));
        assertEquals(HttpStatus.CONFLICT, skip.getStatus());
        assertTrue(skip.getResponse().getBody(String.class).orElseThrow().contains("status-change-not-allowed"));

        HttpClientResponseException invalid = refused(HttpRequest.PATCH(TriageFixture.QUEUE + "/" + id,
                Map.of("status", "DONE", "themes", List.of("HAPPINESS"), "assignee", "nobody")).bearerAuth(reviewer));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, invalid.getStatus());
        String problem = invalid.getResponse().getBody(String.class).orElseThrow();
        for (String field : List.of("status", "themes", "assignee")) {
            assertTrue(problem.contains("\"field\":\"" + field + "\""), problem);
        }
        HttpClientResponseException wrongType = refused(HttpRequest.PATCH(TriageFixture.QUEUE + "/" + id,
                Map.of("themes", "CARE")).bearerAuth(reviewer));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, wrongType.getStatus());
        HttpClientResponseException unreadable = refused(HttpRequest.PATCH(TriageFixture.QUEUE + "/" + id, "{not json")
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(reviewer));
        assertEquals(HttpStatus.BAD_REQUEST, unreadable.getStatus());
        assertEquals(List.of("NEW"), TestSql.column(dataSource, "SELECT status FROM submission WHERE id = ?::uuid", id));
    }

    @Test
    void assigningToSomeoneWhoIsNotStaffIs422() {
        String id = newAdvice("Listen to children before decisions are made.");
        String contributor = accounts.contributorFor("act.contributor@example.org").toString();
        HttpClientResponseException e = refused(HttpRequest.PATCH(TriageFixture.QUEUE + "/" + id,
                Map.of("assignee", contributor)).bearerAuth(reviewer));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
    }

    @Test
    void notesAreAddedAndShownInOrder() {
        String id = newAdvice("Care leavers need a home, not a room.");
        HttpClientResponseException empty = refused(HttpRequest.POST(TriageFixture.QUEUE + "/" + id + "/notes",
                Map.of("text", "   ")).bearerAuth(reviewer));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, empty.getStatus());
        var created = http.toBlocking().exchange(HttpRequest.POST(TriageFixture.QUEUE + "/" + id + "/notes",
                Map.of("text", "Links to the housing evidence")).bearerAuth(reviewer), Map.class);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        http.toBlocking().exchange(HttpRequest.POST(TriageFixture.QUEUE + "/" + id + "/notes",
                Map.of("text", "Quote for the report?")).bearerAuth(admin));
        Map<?, ?> page = http.toBlocking().retrieve(HttpRequest.GET(TriageFixture.QUEUE + "/" + id).bearerAuth(reviewer), Map.class);
        assertEquals(List.of("Links to the housing evidence", "Quote for the report?"), ((List<?>) page.get("notes")).stream()
                .map(n -> ((Map<?, ?>) n).get("text")).toList());
    }

    @Test
    void bulkActionsChangeEveryEligibleSubmissionAndSayWhichWereSkipped() {
        String a = newAdvice("Bulk one about family support.");
        String b = newAdvice("Bulk two about family support.");
        String fresh = newAdvice("Bulk three, not yet read.");
        patch(a, Map.of("status", "IN_REVIEW"), reviewer);
        patch(b, Map.of("status", "IN_REVIEW"), reviewer);
        Map<String, Object> body = new HashMap<>();
        body.put("ids", List.of(a, b, fresh));
        body.put("status", "ARCHIVED");
        body.put("assignee", reviewerId);
        body.put("addThemes", List.of("DELIVERY"));
        Map<?, ?> result = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/triage/bulk", body).bearerAuth(reviewer), Map.class);
        assertEquals(List.of(a, b), result.get("updated"));
        assertEquals(List.of(Map.of("id", fresh, "reason", "status-change-not-allowed")), result.get("skipped"));
        assertEquals(List.of("ARCHIVED|{DELIVERY,SUPPORT}|" + reviewerId, "ARCHIVED|{DELIVERY,SUPPORT}|" + reviewerId),
                TestSql.column(dataSource, "SELECT status || '|' || themes::text || '|' || assignee_id FROM submission "
                        + "WHERE id IN (?::uuid, ?::uuid)", a, b));
        assertEquals(List.of("NEW|{SUPPORT}"), TestSql.column(dataSource, "SELECT status || '|' || themes::text "
                + "FROM submission WHERE id = ?::uuid", fresh), "a skipped submission is left as it was");
        HttpClientResponseException none = refused(HttpRequest.POST("/api/v1/triage/bulk", Map.of("ids", List.of()))
                .bearerAuth(reviewer));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, none.getStatus());
    }

    @Test
    void aBulkAssignmentSkipsAFlaggedSubmissionTheAssigneeMayNotSeeAndStillChangesTheRest() {
        String ordinary = newAdvice("Bulk assign: an ordinary answer about support.");
        String flagged = newAdvice("Bulk assign: my stepdad hits me when mum is out.");
        assertEquals(List.of("true"), TestSql.column(dataSource, "SELECT safeguarding::text FROM submission WHERE id = ?::uuid",
                flagged));
        Map<String, Object> body = new HashMap<>();
        body.put("ids", List.of(ordinary, flagged));
        body.put("assignee", reviewerId);

        Map<?, ?> result = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/triage/bulk", body).bearerAuth(admin), Map.class);

        assertEquals(List.of(ordinary), result.get("updated"));
        assertEquals(List.of(Map.of("id", flagged, "reason", "not-assignable")), result.get("skipped"));
        assertEquals(List.of(reviewerId), TestSql.column(dataSource, "SELECT assignee_id::text FROM submission "
                + "WHERE id = ?::uuid", ordinary));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ?::uuid "
                + "AND assignee_id IS NOT NULL", flagged));
    }

    @Test
    void viewsChangesAndExportsAreAuditedWithIdsOnlyAndAdministratorsReadTheTrail() {
        String id = newAdvice("Audit me: the words of this answer must never reach the audit log.");
        http.toBlocking().retrieve(HttpRequest.GET(TriageFixture.QUEUE + "/" + id).bearerAuth(reviewer));
        patch(id, Map.of("status", "IN_REVIEW"), reviewer);
        http.toBlocking().retrieve(HttpRequest.GET("/api/v1/triage/export.csv?q=audit").bearerAuth(reviewer));

        Map<?, ?> trail = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/triage/audit?actor=" + reviewerId + "&limit=200")
                .bearerAuth(admin), Map.class);
        List<Map<?, ?>> items = ((List<?>) trail.get("items")).stream().<Map<?, ?>>map(i -> (Map<?, ?>) i).toList();
        assertTrue(items.stream().anyMatch(i -> "VIEW".equals(i.get("action")) && id.equals(i.get("submissionId"))));
        assertTrue(items.stream().anyMatch(i -> "CHANGE".equals(i.get("action")) && id.equals(i.get("submissionId"))
                && "status".equals(i.get("detail"))));
        assertTrue(items.stream().anyMatch(i -> "EXPORT".equals(i.get("action")) && String.valueOf(i.get("detail"))
                .startsWith("csv ")));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM audit_event WHERE detail LIKE '%never reach%'"));

        Map<?, ?> firstPage = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/triage/audit?limit=1").bearerAuth(admin), Map.class);
        Map<?, ?> secondPage = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/triage/audit?limit=1&after="
                + firstPage.get("next")).bearerAuth(admin), Map.class);
        assertFalse(((List<?>) firstPage.get("items")).equals(secondPage.get("items")));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused(HttpRequest.GET("/api/v1/triage/audit?action=LOOK&after=zzz")
                .bearerAuth(admin)).getStatus());
    }

    @Test
    void aQuarantinedSubmissionIsReleasedIntoTheQueueOrDeleted() {
        String held = tx.executeWrite(s -> submissions.create(new SubmissionDraft(SubmissionKind.CALL_FOR_ADVICE,
                SubmissionStatus.QUARANTINED, null, null, Set.of(), Set.of(), "buy cheap watches", QuarantineReason.HONEYPOT))).id().toString();
        String spam = tx.executeWrite(s -> submissions.create(new SubmissionDraft(SubmissionKind.CALL_FOR_ADVICE,
                SubmissionStatus.QUARANTINED, null, null, Set.of(), Set.of(), "more spam", QuarantineReason.TOO_FAST))).id().toString();
        assertEquals(HttpStatus.CONFLICT, refused(HttpRequest.PATCH(TriageFixture.QUEUE + "/" + held,
                Map.of("status", "IN_REVIEW")).bearerAuth(reviewer)).getStatus());

        http.toBlocking().exchange(HttpRequest.POST(TriageFixture.QUEUE + "/" + held + "/release", "").bearerAuth(reviewer));
        http.toBlocking().exchange(HttpRequest.DELETE(TriageFixture.QUEUE + "/" + spam).bearerAuth(reviewer));

        assertEquals(List.of("NEW"), TestSql.column(dataSource, "SELECT status FROM submission WHERE id = ?::uuid", held));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ?::uuid", spam));
        assertEquals(HttpStatus.CONFLICT, refused(HttpRequest.DELETE(TriageFixture.QUEUE + "/" + held).bearerAuth(reviewer))
                .getStatus());
        assertEquals(2, TestSql.count(dataSource, "SELECT count(*) FROM audit_event WHERE action IN ('RELEASE', 'DELETE') "
                + "AND submission_id IN (?::uuid, ?::uuid)", held, spam));
    }

    @Test
    void aFlaggedQuarantinedSubmissionIsHiddenFromReviewersAndOnlyTheLeadReleasesIt() {
        accounts.createStaff("act.quarantine.lead@example.org", Role.SAFEGUARDING_LEAD, TriageFixture.PASSWORD);
        String held = tx.executeWrite(s -> submissions.create(new SubmissionDraft(SubmissionKind.CALL_FOR_ADVICE,
                SubmissionStatus.QUARANTINED, null, null, Set.of(), Set.of(), "he hits me and I want to die",
                QuarantineReason.TOO_FAST))).id().toString();
        assertEquals(List.of("t"), TestSql.column(dataSource, "SELECT safeguarding FROM submission WHERE id = ?::uuid", held),
                "quarantined submissions are screened too");
        assertTrue(quarantine.list(new Viewer(UUID.randomUUID(), Set.of(Role.REVIEWER))).stream()
                .noneMatch(h -> h.id().toString().equals(held)), "a reviewer's list leaves it out");
        assertTrue(quarantine.list(new Viewer(UUID.randomUUID(), Set.of(Role.SAFEGUARDING_LEAD))).stream()
                .anyMatch(h -> h.id().toString().equals(held)), "the lead's list shows it");
        assertEquals(HttpStatus.NOT_FOUND, refused(HttpRequest.POST(TriageFixture.QUEUE + "/" + held + "/release", "")
                .bearerAuth(reviewer)).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, refused(HttpRequest.DELETE(TriageFixture.QUEUE + "/" + held).bearerAuth(reviewer))
                .getStatus());
        String lead = TriageFixture.login(http, "act.quarantine.lead@example.org");
        http.toBlocking().exchange(HttpRequest.POST(TriageFixture.QUEUE + "/" + held + "/release", "").bearerAuth(lead));
        assertEquals(List.of("NEW"), TestSql.column(dataSource, "SELECT status FROM submission WHERE id = ?::uuid", held));
    }

    @Test
    void aReviewerCanFlagAConcernWhichThenAlertsTheLeadAndLeavesTheirView() {
        accounts.createStaff("act.lead@example.org", Role.SAFEGUARDING_LEAD, TriageFixture.PASSWORD);
        String id = newAdvice("I would rather not say what happens at my dad's house.");
        var response = http.toBlocking().exchange(HttpRequest.PATCH(TriageFixture.QUEUE + "/" + id,
                Map.of("safeguarding", true)).bearerAuth(reviewer), Map.class);
        assertEquals(HttpStatus.NO_CONTENT, response.getStatus());
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE template = 'safeguarding-alert' "
                + "AND recipient = 'act.lead@example.org' AND fields->>'link' LIKE ?", "%/staff/triage/" + id));
        assertEquals(HttpStatus.NOT_FOUND, refused(HttpRequest.GET(TriageFixture.QUEUE + "/" + id).bearerAuth(reviewer))
                .getStatus());
        String lead = TriageFixture.login(http, "act.lead@example.org");
        var action = http.toBlocking().exchange(HttpRequest.POST(TriageFixture.QUEUE + "/" + id + "/safeguarding-actions",
                Map.of("action", "Called the local authority's front door; referral made.")).bearerAuth(lead), Map.class);
        assertEquals(HttpStatus.CREATED, action.getStatus());
        Map<?, ?> seen = http.toBlocking().retrieve(HttpRequest.GET(TriageFixture.QUEUE + "/" + id).bearerAuth(lead), Map.class);
        assertEquals("STAFF", ((Map<?, ?>) seen.get("flag")).get("source"));
        assertEquals(1, ((List<?>) seen.get("safeguardingActions")).size());
    }
}
