package org.carereview.consult.advice;

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
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdviceApiTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    org.carereview.consult.core.redaction.Redactions redactions;

    static Map<String, Object> validBody(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("respondentType", "CARE_EXPERIENCED");
        body.put("keyQuestions", "Why do children move placements so often?");
        body.put("engagementAdvice", "Meet young people where they already are.");
        body.put("resources", "");
        body.put("groupsToSpeakTo", "Children in care councils");
        body.put("themes", List.of("CARE", "SUPPORT"));
        body.put("consentToContact", email != null);
        body.put("consentToPublish", false);
        if (email != null) {
            body.put("contactEmail", email);
        }
        return body;
    }

    @Test
    void aValidSubmissionIsStoredWithAReferenceAndAReceiptIsQueued() {
        HttpResponse<Map<String, Object>> response = http.toBlocking().exchange(
                HttpRequest.POST("/api/v1/call-for-advice/submissions", validBody("Sam@Example.org")),
                Argument.mapOf(String.class, Object.class));
        assertEquals(HttpStatus.CREATED, response.getStatus());
        Map<String, Object> receipt = response.body();
        String reference = (String) receipt.get("reference");
        assertTrue(reference.matches("CFA-[2-9A-Z]{4}-[2-9A-Z]{4}"), reference);
        assertNotNull(receipt.get("submittedAt"));

        String id = (String) receipt.get("id");
        assertEquals(List.of("CALL_FOR_ADVICE|NEW|{CARE,SUPPORT}"), TestSql.column(dataSource,
                "SELECT kind || '|' || status || '|' || themes::text FROM submission WHERE id = ?::uuid", id));
        assertEquals(List.of("CARE_EXPERIENCED|-|Why do children move placements so often?|Meet young people "
                + "where they already are.|-|Children in care councils|sam@example.org|t|f"), TestSql.column(dataSource,
                "SELECT concat_ws('|', respondent_type, coalesce(organisation, '-'), key_questions, "
                + "engagement_advice, coalesce(resources, '-'), groups_to_speak_to, contact_email, "
                + "consent_to_contact, consent_to_publish) FROM advice_submission WHERE submission_id = ?::uuid", id),
                "every answer in its own column");
        assertEquals(List.of(reference), TestSql.column(dataSource,
                "SELECT fields->>'reference' FROM outbox_message WHERE template = 'advice-receipt' AND recipient = ?",
                "sam@example.org"));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM submission s JOIN account a ON a.id = s.owner_id "
                + "WHERE s.id = ?::uuid AND a.email = 'sam@example.org'", id), "the contact address owns it");
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ?::uuid "
                + "AND search_vector @@ plainto_tsquery('english', 'placement')", id), "its text is searchable");
    }

    @Test
    void theRedactionWrittenAtSubmissionIsWhatRedactingItsStoredAnswersAgainGives() {
        Map<String, Object> body = validBody("redact.me@example.org");
        body.put("respondentType", "ORGANISATION");
        body.put("organisation", "Friends of Ana Lopez");
        body.put("keyQuestions", "Ring me on 07700 900123 or write to ana.lopez@example.org about my sister Ana.");
        HttpResponse<Map<String, Object>> response = http.toBlocking().exchange(
                HttpRequest.POST("/api/v1/call-for-advice/submissions", body), Argument.mapOf(String.class, Object.class));
        String id = (String) response.body().get("id");
        String written = TestSql.column(dataSource,
                "SELECT answers::text FROM redacted_answer WHERE submission_id = ?::uuid", id).get(0);
        assertTrue(!written.contains("07700 900123") && !written.contains("ana.lopez@example.org"), written);
        assertEquals(List.of(written), TestSql.column(dataSource,
                "SELECT redacted_text::text FROM submission WHERE id = ?::uuid", id), "the submission's copy");
        assertEquals(List.of("ORGANISATION|Friends of Ana Lopez"), TestSql.column(dataSource,
                "SELECT respondent_type || '|' || organisation FROM advice_submission WHERE submission_id = ?::uuid",
                id));

        redactions.redact(UUID.fromString(id));
        assertEquals(List.of(written), TestSql.column(dataSource,
                "SELECT answers::text FROM redacted_answer WHERE submission_id = ?::uuid", id),
                "the answers the channel passed are the ones it stored, by the same names");
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM account_role r JOIN account a ON a.id = "
                + "r.account_id WHERE a.email = 'redact.me@example.org' AND r.role = 'CONTRIBUTOR'"));
        assertTrue(response.getHeaders().getAll("Set-Cookie").stream().noneMatch(c -> c.startsWith("csrf=")),
                "an API call is given no form token");
    }

    @Test
    void anAnonymousSubmissionNeedsNoEmailAndQueuesNothing() {
        Map<?, ?> receipt = http.toBlocking().retrieve(
                HttpRequest.POST("/api/v1/call-for-advice/submissions", validBody(null)), Map.class);
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ?::uuid AND owner_id IS NOT NULL",
                receipt.get("id")));
    }

    @Test
    void invalidInputAnswers422WithFieldErrorsAndStoresNothing() {
        long before = TestSql.count(dataSource, "SELECT count(*) FROM submission");
        Map<String, Object> body = new HashMap<>();
        body.put("respondentType", "ALIEN");
        body.put("themes", List.of("WEATHER"));
        body.put("contactEmail", "not-an-email");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/call-for-advice/submissions", body)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        String problem = e.getResponse().getBody(String.class).orElseThrow();
        for (String field : List.of("respondentType", "keyQuestions", "themes", "contactEmail")) {
            assertTrue(problem.contains("\"field\":\"" + field + "\""), field + " in " + problem);
        }
        assertEquals(before, TestSql.count(dataSource, "SELECT count(*) FROM submission"));
    }

    @Test
    void controlCharactersAreRefusedButAnyUnicodeRoundTrips() {
        Map<String, Object> bad = validBody(null);
        bad.put("keyQuestions", "bell\u0007");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/call-for-advice/submissions", bad)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());

        String text = "مرحبا 👩🏽‍👧 e\u0301 <script>alert(1)</script>\n\ttabs";
        Map<String, Object> good = validBody(null);
        good.put("keyQuestions", text);
        Map<?, ?> receipt = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/call-for-advice/submissions", good), Map.class);
        assertEquals(List.of(text), TestSql.column(dataSource,
                "SELECT key_questions FROM advice_submission WHERE submission_id = ?::uuid", receipt.get("id")));
    }

    @Test
    void unreadableJsonAnswers400() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/call-for-advice/submissions", "{\"themes\": [")
                        .contentType(MediaType.APPLICATION_JSON)));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
    }

    @Test
    void fiftyParallelPostsWithOneIdempotencyKeyStoreOneSubmission() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = validBody("twin@example.org");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Map<String, Object>>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> http.toBlocking().retrieve(HttpRequest.POST("/api/v1/call-for-advice/submissions", body)
                        .header("Idempotency-Key", key), Argument.mapOf(String.class, Object.class)));
            }
            Set<String> references = new HashSet<>();
            for (Future<Map<String, Object>> f : pool.invokeAll(calls)) {
                references.add((String) f.get().get("reference"));
            }
            assertEquals(1, references.size(), "every answer carries the same reference");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM advice_submission WHERE contact_email = 'twin@example.org'"));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE recipient = 'twin@example.org'"));
    }

    @Test
    void theSameKeyWithADifferentBodyIs422() {
        String key = UUID.randomUUID().toString();
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/call-for-advice/submissions", validBody(null))
                .header("Idempotency-Key", key));
        Map<String, Object> other = validBody(null);
        other.put("keyQuestions", "Something else entirely");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/call-for-advice/submissions", other).header("Idempotency-Key", key)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("idempotency-key-reused"));
    }

    @Test
    void readingASubmissionNeedsATokenAndAnUnknownIdIs404() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/call-for-advice/submissions/" + UUID.randomUUID())));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
    }
}
