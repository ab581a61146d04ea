package org.carereview.consult.core;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.notifications.Outbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.transaction.TransactionOperations;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The administrators' reads: the audit log (filters, alias, CSV), the retention schedule and stuck emails. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminReadsApiTest implements FreshDatabase {

    static final String ADMIN = "reads.admin@example.org";
    static final String REVIEWER = "reads.reviewer@example.org";
    static final String PASSWORD = "correct horse battery staple";
    static final String CHILD = "sam.jones@school.example.org";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    AccountService accounts;
    @Inject
    DataSource db;
    @Inject
    Outbox outbox;
    @Inject
    TransactionOperations<Connection> transactions;

    UUID reviewerId;
    UUID submissionId;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD);
        properties.put("consult.notifications.scheduler.enabled", "false");
        // Switched on so the schedule can say when it next runs; its first run is 5 minutes after start.
        properties.put("consult.retention.purge.enabled", "true");
        return properties;
    }

    @BeforeAll
    void aReviewerWhoReadThingsOnDifferentDays() {
        AccountView reviewer = accounts.createStaff(REVIEWER, Role.REVIEWER, PASSWORD);
        reviewerId = reviewer.id();
        submissionId = UUID.fromString(TestSql.column(db, "INSERT INTO submission (kind, reference, submitted_at, created_at, updated_at)"
                + " VALUES ('CALL_FOR_ADVICE', 'CFA-AUD1-T001', now(), now(), now()) RETURNING id::text").get(0));
        TestSql.execute(db, "INSERT INTO audit_event (actor_id, action, submission_id, detail, at) VALUES"
                + " (?::uuid, 'VIEW', ?::uuid, 'page', '2026-11-30T23:30:00Z'),"
                + " (?::uuid, 'VIEW', ?::uuid, 'api', '2026-12-01T10:00:00Z')",
                reviewerId.toString(), submissionId.toString(), reviewerId.toString(), submissionId.toString());
        TestSql.execute(db, "INSERT INTO audit_event (actor_id, action, detail, row_count, at) VALUES"
                + " (?::uuid, 'LIST', 'triage status=NEW', 12, '2026-12-01T11:00:00Z')", reviewerId.toString());
    }

    @Test
    void auditFiltersByStaffEmailReferenceActionAndLondonDay() {
        String admin = token(ADMIN);
        List<?> views = items(admin, "/api/v1/admin/audit?actor=" + REVIEWER + "&record=cfa-aud1-t001&action=view"
                + "&from=1%2012%202026&to=2026-12-01");
        assertEquals(1, views.size(), "23:30 UTC on 30 November is not 1 December in London");
        assertEquals("api", ((Map<?, ?>) views.get(0)).get("detail"));

        List<?> lists = items(admin, "/api/v1/admin/audit?actor=" + reviewerId + "&action=LIST");
        assertEquals(1, lists.size());
        assertEquals(12, ((Number) ((Map<?, ?>) lists.get(0)).get("rowCount")).intValue());
        assertEquals(3, items(admin, "/api/v1/triage/audit?submission=" + submissionId + "&actor=" + reviewerId).size()
                + items(admin, "/api/v1/triage/audit?actor=" + reviewerId + "&action=LIST").size(),
                "the old route stays as an alias, with submission as the old name of record");
    }

    @Test
    void auditFiltersItCannotReadAre422NamingTheFieldAndReviewersAreRefused() {
        String admin = token(ADMIN);
        HttpClientResponseException bad = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/admin/audit?from=31%202%202026&record=nobody&actor=x@example.org")
                        .bearerAuth(admin)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, bad.getStatus());
        String body = bad.getResponse().getBody(String.class).orElseThrow();
        for (String field : List.of("from", "record", "actor")) {
            assertTrue(body.contains("\"field\":\"" + field + "\""), field + " in " + body);
        }
        for (String route : List.of("/api/v1/admin/audit", "/api/v1/admin/audit/export.csv", "/api/v1/admin/retention",
                "/api/v1/admin/outbox", "/api/v1/admin/embeddings")) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                    .exchange(HttpRequest.GET(route).bearerAuth(token(REVIEWER))));
            assertEquals(HttpStatus.FORBIDDEN, refused.getStatus(), route);
        }
    }

    @Test
    void theAuditCsvHasEveryMatchingEventAndIsItselfAudited() {
        String admin = token(ADMIN);
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/admin/audit/export.csv?actor=" + REVIEWER)
                .bearerAuth(admin), String.class);
        String[] lines = csv.split("\r\n");
        assertEquals(4, lines.length, csv);
        assertTrue(lines[0].startsWith("\"when (London)\",\"action\",\"staff email\""));
        assertTrue(csv.contains("\"CFA-AUD1-T001\""));
        assertTrue(csv.contains("\"" + REVIEWER + "\""));
        UUID adminId = accounts.staff().stream().filter(a -> a.email().equals(ADMIN)).findFirst().orElseThrow().id();
        List<?> exports = items(admin, "/api/v1/admin/audit?actor=" + adminId + "&action=EXPORT");
        assertFalse(exports.isEmpty());
        Map<?, ?> export = (Map<?, ?>) exports.get(0);
        assertEquals(3, ((Number) export.get("rowCount")).intValue());
        assertEquals("audit actor=" + reviewerId, export.get("detail"), "the filter by id, never the email typed");
    }

    @Test
    void theRetentionScheduleNamesEachKindOfDataItsPeriodAndTheNextPurge() {
        Map<?, ?> schedule = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/admin/retention")
                .bearerAuth(token(ADMIN)), Map.class);
        List<?> kinds = (List<?>) schedule.get("kinds");
        assertTrue(kinds.size() >= 10);
        Map<?, ?> drafts = (Map<?, ?>) kinds.get(0);
        assertEquals("Unfinished answers", drafts.get("kind"));
        assertEquals("30 days after the last save", drafts.get("period"));
        assertNotNull(schedule.get("nextPurge"));
    }

    @Test
    void theEmbeddingsProgressGivesCountsAndNoText() {
        Map<?, ?> progress = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/admin/embeddings")
                .bearerAuth(token(ADMIN)), Map.class);
        assertEquals(0, ((Number) progress.get("embedded")).intValue());
        assertNotNull(progress.get("submissions"));
        assertNotNull(progress.get("waiting"));
    }

    @Test
    void stuckEmailsAreListedByStatusWithRecipientsMasked() {
        UUID failed = transactions.executeWrite(status -> {
            outbox.enqueue("advice-receipt", "alex@example.com", Map.of("reference", "CFA-AUD1-T002"));
            return outbox.enqueue("advice-receipt", CHILD, Map.of("reference", "CFA-AUD1-T001"));
        });
        TestSql.execute(db, "UPDATE outbox_message SET status = 'FAILED_PERMANENTLY', attempts = 5,"
                + " last_error = '550 <" + CHILD + ">: mailbox unavailable' WHERE id = ?::uuid", failed.toString());
        String admin = token(ADMIN);

        String failedJson = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/admin/outbox?status=failed")
                .bearerAuth(admin), String.class);
        assertFalse(failedJson.contains("sam.jones") || failedJson.contains("school.example"), failedJson);
        assertTrue(failedJson.contains("s•••@s•••.org"), failedJson);
        assertTrue(failedJson.contains("mailbox unavailable"));
        assertTrue(failedJson.contains("\"channel\":\"EMAIL\""), "says whether it is an email or a text: " + failedJson);

        Map<?, ?> pending = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/admin/outbox?status=PENDING")
                .bearerAuth(admin), Map.class);
        List<?> items = (List<?>) pending.get("items");
        assertTrue(items.stream().anyMatch(i -> "a•••@e•••.com".equals(((Map<?, ?>) i).get("recipient"))), items.toString());
        assertTrue(items.stream().noneMatch(i -> failed.toString().equals(((Map<?, ?>) i).get("id"))));

        HttpClientResponseException bad = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/admin/outbox?status=LOST").bearerAuth(admin)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, bad.getStatus());
    }

    @Test
    void anAdministratorTriesOneEmailAgainCancelsAnotherAndEachIsAudited() {
        UUID[] ids = transactions.executeWrite(status -> new UUID[]{
                outbox.enqueue("advice-receipt", "retry.one@example.com", Map.of("reference", "CFA-AUD1-R001")),
                outbox.enqueue("advice-receipt", "cancel.one@example.com", Map.of("reference", "CFA-AUD1-C001"))});
        UUID retried = ids[0];
        UUID cancelled = ids[1];
        TestSql.execute(db, "UPDATE outbox_message SET status = 'FAILED_PERMANENTLY', attempts = 180,"
                + " last_error = 'PKIX path building failed' WHERE id = ?::uuid", retried.toString());
        String admin = token(ADMIN);

        assertEquals(HttpStatus.NO_CONTENT, http.toBlocking().exchange(HttpRequest.POST(
                "/api/v1/admin/outbox/" + retried + "/retry", "").bearerAuth(admin)).getStatus());
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM outbox_message WHERE id = ?::uuid AND status = 'CREATED'"
                + " AND attempts = 0", retried.toString()));
        assertEquals(HttpStatus.NO_CONTENT, http.toBlocking().exchange(HttpRequest.POST(
                "/api/v1/admin/outbox/" + cancelled + "/cancel", "").bearerAuth(admin)).getStatus());
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM outbox_message WHERE id = ?::uuid AND status = 'CANCELLED'"
                + " AND fields = '{}'::jsonb", cancelled.toString()));
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM audit_event WHERE action = 'CHANGE' AND detail = ?",
                "outbox-retried id=" + retried));
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM audit_event WHERE action = 'CHANGE' AND detail = ?",
                "outbox-cancelled id=" + cancelled));

        HttpClientResponseException again = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/admin/outbox/" + cancelled + "/retry", "").bearerAuth(admin)));
        assertEquals(HttpStatus.CONFLICT, again.getStatus(), "a cancelled email is never sent");
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/admin/outbox/" + UUID.randomUUID() + "/cancel", "").bearerAuth(admin)));
        assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
        String reviewer = "outbox.reviewer@example.org";
        accounts.createStaff(reviewer, Role.REVIEWER, PASSWORD);
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/admin/outbox/" + retried + "/cancel", "").bearerAuth(token(reviewer))));
        assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM outbox_message WHERE id = ?::uuid AND status = 'CREATED'",
                retried.toString()), "the reviewer changed nothing");
    }

    private List<?> items(String token, String uri) {
        return (List<?>) http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token), Map.class).get("items");
    }

    private String token(String email) {
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/login",
                Map.of("email", email, "password", PASSWORD)), Map.class).get("accessToken");
    }
}
