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
import org.carereview.consult.core.redaction.Redactions;
import org.carereview.consult.core.submission.OwnSubmissions;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.experts.ApplicationWindow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redaction at submission (ADR 22): every channel keeps a redacted copy in the submission's own transaction,
 * reviewers' exports read it, the lead and administrators read the originals, and staff corrections are kept,
 * audited and undone.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedactionTest implements FreshDatabase {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);
    private static final String ANSWER = "My social worker Sarah never rings back. Ring me on 07700 900123 or "
            + "sam.taylor@example.org, we stayed at Beechwood for two years near LS6 1AB.";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AccountService accounts;

    @Inject
    DataSource dataSource;

    @Inject
    Redactions redactions;

    @Inject
    OwnSubmissions ownSubmissions;

    @Inject
    ApplicationWindow window;

    @Inject
    Embeddings embeddings;

    String reviewer;
    String admin;

    @Override
    public Map<String, String> getProperties() {
        return TriageFixture.properties();
    }

    @BeforeAll
    void setUp() {
        reviewer = TriageFixture.staff(http, accounts, "redaction.reviewer@example.org", Role.REVIEWER);
        admin = TriageFixture.admin(http);
        TriageFixture.openWindow(window);
    }

    @Test
    void everyChannelKeepsARedactedCopyWhenTheSubmissionIsSent() {
        String advice = (String) TriageFixture.advice(http, ANSWER, List.of("SUPPORT")).get("id");
        String application = (String) TriageFixture.application(http, "redacted.applicant@example.org",
                "I was moved six times. My foster carer Jo Khan helped me most. Call 07700 900456.").get("id");
        String token = (String) post("/api/v1/deep-dives/areas/camden/links", Map.of(), admin, null).get("token");
        String card = (String) post("/api/v1/deep-dives/links/" + token + "/feedback", Map.of(
                "participantType", "CARE_EXPERIENCED_YOUNG_PERSON", "whatWorks", "Aisha my key worker listens.",
                "whatNeedsToChange", "Email me at aisha.fan@example.org about it."), null, "key-redaction-card").get("id");

        assertEquals("My social worker [name] never rings back. Ring me on [phone] or [email], we stayed at Beechwood "
                + "for two years near [postcode].", stored(advice, "keyQuestions"));
        assertEquals("I was moved six times. My foster carer [name] helped me most. Call [phone].",
                stored(application, "experienceStory"));
        assertEquals("[name] my key worker listens.", stored(card, "whatWorks"));
        assertEquals("Email me at [email] about it.", stored(card, "whatNeedsToChange"));
        for (String id : List.of(advice, application, card)) {
            assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM embedding_due WHERE submission_id = "
                    + "?::uuid", id), "queued with the submission");
            assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM answer_embedding WHERE submission_id = "
                    + "?::uuid", id), "nothing embedded in the request");
        }
        while (embeddings.embedDue() > 0) {
            // the worker's batches
        }
        assertEquals(List.of("whatNeedsToChange", "whatWorks"), TestSql.column(dataSource, "SELECT field FROM "
                + "answer_embedding WHERE submission_id = ?::uuid AND state = 'DONE' ORDER BY field", card),
                "one vector per answer");
    }

    @Test
    void reviewersExportTheRedactedAnswersAndAdministratorsTheOriginals() {
        TriageFixture.advice(http, ANSWER, List.of("SAFETY"));

        String reviewers = csv(reviewer, "SAFETY");
        assertTrue(reviewers.contains("My social worker [name] never rings back. Ring me on [phone] or [email]"), reviewers);
        for (String detail : List.of("Sarah", "07700", "sam.taylor", "LS6 1AB")) {
            assertFalse(reviewers.contains(detail), detail + " reached a reviewer's export");
        }
        assertTrue(csv(admin, "SAFETY").contains(ANSWER), "administrators export what was written");
    }

    @Test
    void staffTakeOutWhatTheRulesMissedKeepWhatTheyTookWronglyAndUndoEitherAllAudited() {
        String id = (String) TriageFixture.advice(http, ANSWER, List.of("CARE")).get("id");
        String path = "/api/v1/triage/submissions/" + id + "/redaction";
        long changesBefore = TestSql.count(dataSource, "SELECT count(*) FROM audit_event WHERE action = 'REDACTION_CHANGE'");

        Map<String, Object> page = get(path, reviewer);
        Map<String, Object> field = field(page, "keyQuestions");
        assertEquals(ANSWER, field.get("original"));
        assertEquals(4, ((List<?>) field.get("takenOut")).size(), field.toString());

        while (embeddings.embedDue() > 0) {
            // the worker's batches
        }
        assertEquals(List.of("DONE"), embedding(id));
        field = field(post(path + "/corrections", Map.of("field", "keyQuestions", "action", "REDACT", "kind", "PLACEMENT",
                "words", "beechwood"), reviewer, null), "keyQuestions");
        assertEquals(List.of("WAITING"), embedding(id), "the corrected text is embedded again");
        assertTrue(((String) field.get("redacted")).contains("we stayed at [placement] for two years"), field.toString());
        assertTrue(csv(reviewer, "CARE").contains("at [placement] for two"), "the export reads the correction");

        int sarah = ANSWER.indexOf("Sarah");
        field = field(post(path + "/corrections", Map.of("field", "keyQuestions", "action", "KEEP", "start", sarah),
                reviewer, null), "keyQuestions");
        assertTrue(((String) field.get("redacted")).startsWith("My social worker Sarah never"), field.toString());
        assertEquals(2, ((List<?>) field.get("corrections")).size());

        field = field(delete(path + "/corrections/keyQuestions/1", reviewer), "keyQuestions");
        assertTrue(((String) field.get("redacted")).startsWith("My social worker [name] never"), "the keep is undone");
        assertEquals(1, ((List<?>) field.get("corrections")).size(), "the placement is still taken out");

        redactions.sweep(100);
        assertTrue(stored(id, "keyQuestions").contains("at [placement] for"), "redacting again keeps corrections");
        List<String> details = TestSql.column(dataSource, "SELECT detail FROM audit_event WHERE action = "
                + "'REDACTION_CHANGE' AND submission_id = ?::uuid ORDER BY id", id);
        assertEquals(3, details.size() , details.toString());
        assertEquals(changesBefore + 3, TestSql.count(dataSource,
                "SELECT count(*) FROM audit_event WHERE action = 'REDACTION_CHANGE'"));
        assertTrue(details.stream().noneMatch(d -> d.toLowerCase().contains("beechwood") || d.contains("Sarah")),
                "the audit names kinds, never the words: " + details);
    }

    @Test
    void aCorrectionThatCannotApplyIsRefusedPlainly() {
        String id = (String) TriageFixture.advice(http, ANSWER, List.of("DELIVERY")).get("id");
        String path = "/api/v1/triage/submissions/" + id + "/redaction/corrections";
        assertRefused(path, Map.of("field", "keyQuestions", "action", "REDACT", "kind", "NAME", "words", "Rumpelstiltskin"),
                "words");
        assertRefused(path, Map.of("field", "keyQuestions", "action", "REDACT", "kind", "PET", "words", "Sarah"), "kind");
        assertRefused(path, Map.of("field", "keyQuestions", "action", "KEEP", "start", 3), "start");
        assertRefused(path, Map.of("field", "contactEmail", "action", "KEEP", "start", 0), "field");
        assertRefused(path, Map.of("field", "keyQuestions", "action", "SHRED"), "action");
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class,
                () -> get("/api/v1/triage/submissions/" + UUID.randomUUID() + "/redaction", reviewer));
        assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
    }

    @Test
    void aSubmissionSentBeforeRedactionBeganIsExportedAsNotYetRedactedUntilTheSweepRedactsIt() {
        String id = (String) TriageFixture.advice(http, ANSWER, List.of("ACCOUNTABILITY")).get("id");
        TestSql.execute(dataSource, "DELETE FROM redacted_answer WHERE submission_id = ?::uuid", id);
        TestSql.execute(dataSource, "UPDATE submission SET redacted_text = NULL WHERE id = ?::uuid", id);

        String before = csv(reviewer, "ACCOUNTABILITY");
        assertTrue(before.contains(TriageExport.NOT_YET_REDACTED) && !before.contains("Sarah"), before);

        assertTrue(redactions.sweep(100) >= 1);
        assertTrue(csv(reviewer, "ACCOUNTABILITY").contains("My social worker [name] never"));
    }

    @Test
    void withdrawingASubmissionForgetsItsRedactedCopy() {
        Map<String, Object> application = TriageFixture.application(http, "withdrawing.redacted@example.org",
                "Zyxwithdrawn story about my placement.");
        UUID id = UUID.fromString((String) application.get("id"));
        UUID owner = UUID.fromString(TestSql.column(dataSource, "SELECT owner_id::text FROM submission WHERE id = ?",
                id).get(0));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM redacted_answer WHERE submission_id = ?", id));

        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM embedding_due WHERE submission_id = ?", id),
                "its answers wait for their vectors");

        ownSubmissions.withdraw(id, owner);

        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM redacted_answer WHERE submission_id = ?", id));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM embedding_due WHERE submission_id = ?", id),
                "its embeddings go with it");
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ? AND redacted_text IS NOT NULL",
                id));
    }

    private List<String> embedding(String id) {
        return TestSql.column(dataSource, "SELECT state FROM answer_embedding WHERE submission_id = ?::uuid "
                + "AND field = 'keyQuestions'", id);
    }

    private String stored(String id, String field) {
        return TestSql.column(dataSource, "SELECT answers ->> ? FROM redacted_answer WHERE submission_id = ?::uuid",
                field, id).get(0);
    }

    private String csv(String token, String theme) {
        return new String(http.toBlocking().retrieve(HttpRequest.GET("/api/v1/triage/export.csv?theme=" + theme)
                .bearerAuth(token), byte[].class), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(Map<String, Object> page, String name) {
        return ((List<Map<String, Object>>) page.get("fields")).stream().filter(f -> name.equals(f.get("name")))
                .findFirst().orElseThrow();
    }

    private void assertRefused(String path, Map<String, Object> body, String field) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> post(path, body, reviewer, null));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus(), body.toString());
        String problem = e.getResponse().getBody(String.class).orElse("");
        assertTrue(problem.contains("\"" + field + "\""), problem);
    }

    private Map<String, Object> get(String path, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), JSON);
    }

    private Map<String, Object> delete(String path, String token) {
        return http.toBlocking().retrieve(HttpRequest.DELETE(path).bearerAuth(token), JSON);
    }

    private Map<String, Object> post(String path, Object body, String token, String idempotencyKey) {
        return TriageFixture.post(http, path, body, token, idempotencyKey);
    }
}
