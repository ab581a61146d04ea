package org.carereview.consult.triage;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
import org.junit.jupiter.api.function.Executable;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Subject access and erasure (issue 13 item 4, ADR 0020): a signed-in person downloads everything held about them
 * and erases it; an administrator does both for someone who asks by email or by reference. After an erasure no
 * text-like column of any table holds the person's address or words, and their rows in sealed tables are gone.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubjectRequestsTest implements FreshDatabase {

    static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AccountService accounts;

    @Inject
    ApplicationWindow window;

    @Inject
    DataSource dataSource;

    String admin;
    String reviewer;

    @Override
    public Map<String, String> getProperties() {
        return TriageFixture.properties();
    }

    @BeforeAll
    void setUp() {
        admin = TriageFixture.admin(http);
        reviewer = TriageFixture.staff(http, accounts, "subject.reviewer@example.org", Role.REVIEWER);
        TriageFixture.openWindow(window);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSignedInPersonDownloadsEverythingHeldThenErasesItAndNoColumnAnywhereHoldsTheirAddressOrWords() {
        String email = "erase.me.kq7@example.org";
        String contributor = signIn(email);
        Map<String, Object> advice = post("/api/v1/call-for-advice/submissions", Map.of("respondentType", "CARE_EXPERIENCED",
                "keyQuestions", "Zyxquokka asks what happens at sixteen.", "themes", List.of("CARE"),
                "contactEmail", email, "consentToContact", true, "consentToPublish", false), contributor, "key-kq7-advice");
        Map<String, Object> application = post("/api/v1/experts-by-experience/applications",
                application(email, "Zyxquokka story about moving schools.", "Zyxequality"), contributor, null);
        TestSql.execute(dataSource, "INSERT INTO draft (kind, answers, owner_id, started_at, updated_at, expires_at) "
                + "SELECT 'CALL_FOR_ADVICE', '{\"keyQuestions\": \"Zyxquokka draft\"}'::jsonb, id, now(), now(), "
                + "now() + interval '30 days' FROM account WHERE email = ?", email);

        TestSql.execute(dataSource, "INSERT INTO ebe_score (submission_id, scorer_id, criteria, total, comment, created_at) "
                + "SELECT ?::uuid, id, '{}', 14, 'Zyxquokka scorer comment', now() FROM account "
                + "WHERE password_hash IS NOT NULL LIMIT 1", application.get("id"));
        TestSql.execute(dataSource, "INSERT INTO ebe_decision (submission_id, outcome, note, decided_at) "
                + "VALUES (?::uuid, 'SHORTLISTED', 'Zyxquokka decision note', now())", application.get("id"));
        Map<String, Object> data = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/me/data").bearerAuth(contributor), JSON);
        assertEquals(email, ((Map<String, Object>) data.get("account")).get("email"));
        List<Map<String, Object>> sent = (List<Map<String, Object>>) data.get("submissions");
        assertEquals(2, sent.size());
        String raw = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/me/data").bearerAuth(contributor));
        assertTrue(raw.contains("Zyxquokka asks what happens"), "the advice's answers");
        assertTrue(raw.contains("Zyxquokka story"), "the application's answers");
        assertTrue(raw.contains("Zyxequality"), "the equality answers, opened from their sealed column");
        assertTrue(raw.contains("14 points. Comment: Zyxquokka scorer comment"), "what a scorer wrote about them");
        assertTrue(raw.contains("Shortlisted: we will contact you about the next step. Note: Zyxquokka decision note"),
                "each decision, with its note");
        assertTrue(raw.contains("\"contactEmail\""), "the address left with the advice, and the consents");
        assertTrue(raw.contains("advice-receipt") && raw.contains("ebe-receipt"), "the emails sent to them");
        assertTrue(raw.contains("Zyxquokka draft"), "the draft");
        assertFalse(raw.contains("/sign-in/"), "sign-in links are keys, not data about the person: " + raw);
        assertEquals(1, ((List<?>) data.get("drafts")).size());

        // Withdrawing first keeps a tombstone, the account and the emails; erasing afterwards leaves no address anywhere.
        http.toBlocking().exchange(HttpRequest.DELETE("/api/v1/call-for-advice/submissions/" + advice.get("id"))
                .bearerAuth(contributor));
        HttpResponse<?> erased = http.toBlocking().exchange(HttpRequest.DELETE("/api/v1/me").bearerAuth(contributor));
        assertEquals(HttpStatus.NO_CONTENT, erased.getStatus());

        assertEquals(HttpStatus.UNAUTHORIZED, refused(() -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/me").bearerAuth(contributor))), "the token dies with its account");
        assertNowhere(email, "zyxquokka", "zyxequality", "Jordan Erasable", (String) advice.get("reference"),
                (String) application.get("reference"));
        for (String id : List.of((String) advice.get("id"), (String) application.get("id"))) {
            assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM ebe_equality WHERE submission_id = ?::uuid", id));
            assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM ebe_application WHERE submission_id = ?::uuid", id));
            assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ?::uuid", id));
        }
        assertEquals(3, TestSql.count(dataSource, "SELECT count(*) FROM audit_event WHERE action = 'ERASE' "
                + "AND (submission_id = ?::uuid OR submission_id = ?::uuid OR detail LIKE 'erasure of own account%')",
                advice.get("id"), application.get("id")));
    }

    @Test
    void anAdministratorFindsAnAnonymousRespondentByEmailInAnyCaseExportsAndErasesThem() {
        String email = "anon.asker.zq4@example.org";
        Map<String, Object> advice = post("/api/v1/call-for-advice/submissions", Map.of("respondentType", "PRACTITIONER",
                "keyQuestions", "Zyxwombat wonders about court timescales.", "themes", List.of("DELIVERY"),
                "contactEmail", email, "consentToContact", true, "consentToPublish", true), null, null);
        // Someone else's application names them as a trusted adult: they are forgotten there, the applicant's answers stay.
        Map<String, Object> other = post("/api/v1/experts-by-experience/applications",
                withTrustedAdult(application("other.applicant.zq4@example.org", "Zyxkeep my story.", "Zyxkeepequality"),
                        email), null, null);
        long auditBefore = TestSql.count(dataSource, "SELECT count(*) FROM audit_event");

        String export = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/admin/subject-access",
                Map.of("email", "  Anon.Asker.ZQ4@Example.org ")).bearerAuth(admin));
        assertTrue(export.contains("Zyxwombat wonders"), export);
        assertTrue(export.contains((String) advice.get("reference")), export);

        Map<String, Object> erased = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/admin/erasure",
                Map.of("email", "ANON.asker.zq4@example.org")).bearerAuth(admin), JSON);
        assertEquals(List.of(advice.get("reference")), erased.get("submissions"));
        assertEquals(1, erased.get("accounts"), "giving an address made an account to sign in with; it is gone");
        assertEquals(1, erased.get("mentions"), "the trusted adult in someone else's application");

        assertNowhere(email, "zyxwombat", (String) advice.get("reference"));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM ebe_application WHERE submission_id = ?::uuid "
                + "AND experience_story LIKE 'Zyxkeep%' AND trusted_adult_name IS NULL", other.get("id")));
        List<String> details = TestSql.column(dataSource, "SELECT coalesce(detail, '') FROM audit_event "
                + "WHERE action IN ('SUBJECT_ACCESS', 'ERASE') AND id > ?", auditBefore);
        assertTrue(details.size() >= 3, "the export, the submission erased and the erasure: " + details);
        assertTrue(details.stream().noneMatch(d -> d.contains("@") || d.toLowerCase().contains("zyx")), details.toString());
    }

    @Test
    void anAdministratorErasesADeepDiveParticipantByTheReferenceOnTheirCard() {
        String token = (String) post("/api/v1/deep-dives/areas/camden/links", Map.of(), admin, null).get("token");
        Map<String, Object> card = post("/api/v1/deep-dives/links/" + token + "/feedback", Map.of(
                "participantType", "CARE_EXPERIENCED_YOUNG_PERSON", "whatWorks", "Zyxnarwhal youth club on Fridays.",
                "whatNeedsToChange", "Zyxnarwhal wants fewer changes of social worker."), null, "key-zyxnarwhal");
        String reference = (String) card.get("reference");

        Map<String, Object> found = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/admin/subject-access",
                Map.of("reference", " " + reference.toLowerCase() + " ")).bearerAuth(admin), JSON);
        assertEquals(1, ((List<?>) found.get("submissions")).size());

        Map<String, Object> erased = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/admin/erasure",
                Map.of("reference", reference)).bearerAuth(admin), JSON);
        assertEquals(List.of(reference), erased.get("submissions"));
        assertEquals(1, erased.get("savedResponses"), "the stored answer to the card's Idempotency-Key named it");
        assertNowhere("zyxnarwhal", reference);
    }

    @Test
    void aSubmissionFlaggedForSafeguardingIsKeptForTheLeadWhileTheAccountAndEmailsGo() {
        String email = "flagged.asker@example.org";
        Map<String, Object> advice = post("/api/v1/call-for-advice/submissions", Map.of("respondentType", "CARE_EXPERIENCED",
                "keyQuestions", "My stepdad hits me and I am scared to go home.", "themes", List.of("SAFETY"),
                "contactEmail", email, "consentToContact", true, "consentToPublish", false), null, null);
        assertEquals(List.of("t"), TestSql.column(dataSource, "SELECT safeguarding FROM submission WHERE id = ?::uuid",
                advice.get("id")));

        Map<String, Object> erased = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/admin/erasure",
                Map.of("email", email)).bearerAuth(admin), JSON);
        assertEquals(List.of(), erased.get("submissions"));
        assertEquals(List.of(advice.get("reference")), erased.get("keptForSafeguarding"));
        assertEquals(1, erased.get("accounts"));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ?::uuid AND owner_id IS NULL",
                advice.get("id")), "kept for the lead, no longer tied to an account");
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM account WHERE email = ?", email));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE recipient = ?", email));
    }

    @Test
    void onlyAContributorReachesTheirOwnDataAndOnlyAnAdministratorErasesOthers() {
        String contributor = signIn("refused.contributor@example.org");
        assertEquals(HttpStatus.UNAUTHORIZED, refused(() -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/me/data"))));
        assertEquals(HttpStatus.UNAUTHORIZED, refused(() -> http.toBlocking().exchange(HttpRequest.DELETE("/api/v1/me"))));
        assertEquals(HttpStatus.FORBIDDEN, refused(() -> http.toBlocking()
                .exchange(HttpRequest.DELETE("/api/v1/me").bearerAuth(reviewer))), "staff accounts are closed by an administrator");
        for (String token : List.of(contributor, reviewer)) {
            for (String path : List.of("/api/v1/admin/erasure", "/api/v1/admin/subject-access")) {
                assertEquals(HttpStatus.FORBIDDEN, refused(() -> http.toBlocking().exchange(HttpRequest.POST(path,
                        Map.of("email", "refused.contributor@example.org")).bearerAuth(token))));
            }
        }
        assertEquals(HttpStatus.UNAUTHORIZED, refused(() -> http.toBlocking().exchange(HttpRequest.POST(
                "/api/v1/admin/erasure", Map.of("email", "refused.contributor@example.org")))));
        assertEquals(HttpStatus.CONFLICT, refused(() -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/admin/erasure",
                Map.of("email", "subject.reviewer@example.org")).bearerAuth(admin))), "a staff account is not erased here");
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM account WHERE email = 'refused.contributor@example.org'"));
    }

    @Test
    void aBlankOrMalformedRequestIs422WithAFieldErrorNever500() {
        Map<String, String> both = new HashMap<>(Map.of("email", "a@example.org", "reference", "CFA-2222-3333"));
        for (Object body : List.of(Map.of(), Map.of("email", ""), Map.of("email", "not-an-email"),
                Map.of("reference", "XYZ-1"), Map.of("email", "   "), both)) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                    .exchange(HttpRequest.POST("/api/v1/admin/erasure", body).bearerAuth(admin)));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus(), body.toString());
            assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("\"field\":\""), body.toString());
        }
        HttpClientResponseException empty = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/admin/erasure", "").contentType(MediaType.APPLICATION_JSON)
                        .bearerAuth(admin)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, empty.getStatus());
    }

    /** No text-like column of any table (text, varchar, char, text[], json, jsonb, tsvector) holds any marker. */
    private void assertNowhere(String... markers) {
        List<String> columns = TestSql.column(dataSource, """
                SELECT format('%I.%I', table_name, column_name) FROM information_schema.columns
                WHERE table_schema = current_schema()
                  AND (data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'tsvector')
                       OR (data_type = 'ARRAY' AND udt_name IN ('_text', '_varchar', '_bpchar')))""");
        assertTrue(columns.size() > 50, "every text-like column: " + columns.size());
        List<String> found = new ArrayList<>();
        for (String column : columns) {
            String table = column.substring(0, column.indexOf('.'));
            String name = column.substring(column.indexOf('.') + 1);
            for (String marker : markers) {
                if (TestSql.count(dataSource, "SELECT count(*) FROM " + table + " WHERE strpos(lower(" + name
                        + "::text), lower(?)) > 0", marker) > 0) {
                    found.add(column + " holds " + marker);
                }
            }
        }
        assertEquals(List.of(), found);
    }

    private String signIn(String email) {
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/magic-link", Map.of("email", email)));
        String link = TestSql.lastLinkToken(dataSource, "sign-in-link", email);
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/magic-link/redeem",
                Map.of("token", link)), JSON).get("accessToken");
    }

    private Map<String, Object> post(String path, Object body, String token, String idempotencyKey) {
        return TriageFixture.post(http, path, body, token, idempotencyKey);
    }

    private static Map<String, Object> application(String email, String story, String equality) {
        Map<String, Object> body = new HashMap<>();
        body.put("experiences", List.of("CARE_LEAVER"));
        body.put("name", "Jordan Erasable");
        body.put("dateOfBirth", "2004-05-14");
        body.put("region", "NORTH_WEST");
        body.put("email", email);
        body.put("phone", "07700 900 555");
        body.put("experienceStory", story);
        body.put("motivation", "I want the review to hear what it felt like.");
        body.put("equality", Map.of("ethnicity", equality));
        body.put("consents", Map.of("dataUse", true));
        return body;
    }

    private static Map<String, Object> withTrustedAdult(Map<String, Object> body, String email) {
        body.put("name", "Robin Kept");
        body.put("trustedAdult", Map.of("name", "Sam Trusted", "relationship", "Youth worker", "email", email));
        body.put("consents", Map.of("dataUse", true, "contactTrustedAdult", true));
        return body;
    }

    private static HttpStatus refused(Executable call) {
        return assertThrows(HttpClientResponseException.class, call).getStatus();
    }
}
