package org.carereview.consult.deepdives;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.idempotency.Idempotency;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.db.AtOnce;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.carereview.consult.deepdives.DeepDivesTestSupport.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A participant's page has no draft: its one-time form token (or an API client's Idempotency-Key) is what is
 * sent once. The same token twice is one card and one reference; the same token with other answers is not
 * silently dropped.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepDiveSentOnceTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Feedback feedback;

    @Inject
    DataSource dataSource;

    @Inject
    AccountService accounts;

    String token;

    @Override
    public Map<String, String> getProperties() {
        return DeepDivesTestSupport.properties();
    }

    @BeforeAll
    void aLink() {
        String reviewer = DeepDivesTestSupport.staffToken(http, accounts, "once.reviewer@example.org", Role.REVIEWER);
        token = (String) DeepDivesTestSupport.postJson(http, "/areas/darlington/links", Map.of(), reviewer).get("token");
    }

    private static FeedbackInput input(String works) {
        return new FeedbackInput("CARE_EXPERIENCED_YOUNG_PERSON", works, "Fewer moves", List.of("CARE"), List.of(),
                null, null);
    }

    private long cards(String works) {
        return TestSql.count(dataSource, "SELECT count(*) FROM deep_dive_feedback WHERE what_works = ?", works);
    }

    @Test
    void oneFormSentTwiceAtTheSameMomentIsOneCardAndBothGetItsReference() {
        for (int round = 0; round < 5; round++) {
            String works = "Being listened to, round " + round;
            String form = UUID.randomUUID().toString();

            List<FeedbackReceipt> receipts = AtOnce.run(2, () -> feedback.viaLink(token, form, input(works), null));

            assertEquals(receipts.get(0), receipts.get(1));
            assertEquals(1, cards(works));
            assertEquals(List.of(receipts.get(0).id().toString()), TestSql.column(dataSource,
                    "SELECT submission_id FROM sent_from WHERE kind = 'DEEP_DIVE_FEEDBACK' AND source = ?",
                    token + "/" + form));
            assertEquals(Optional.of(receipts.get(0)), feedback.sentVia(token, form, input(works)));
        }
    }

    @Test
    void theSameFormWithOtherAnswersIsRefusedNotSwallowed() {
        String form = UUID.randomUUID().toString();
        feedback.viaLink(token, form, input("First answers"), null);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> feedback.viaLink(token, form, input("Changed after Back"), null));
        assertEquals(422, refused.status().getCode());
        assertTrue(refused.toProblem().type().endsWith("/form-already-sent"), refused.toProblem().type());
        assertEquals(0, cards("Changed after Back"));
    }

    @Test
    void oneIdempotencyKeySentTwiceAtTheSameMomentThroughTheApiIsOneCard() {
        for (int round = 0; round < 3; round++) {
            String works = "Through the API, round " + round;
            String key = UUID.randomUUID().toString();
            Map<String, Object> body = DeepDivesTestSupport.card("CARE_EXPERIENCED_YOUNG_PERSON", works, "Fewer moves",
                    List.of("CARE"), List.of());

            List<Map> receipts = AtOnce.run(2, () -> {
                try {
                    return http.toBlocking().retrieve(HttpRequest.POST(API + "/links/" + token + "/feedback", body)
                            .header(Idempotency.HEADER, key), Map.class);
                } catch (HttpClientResponseException e) {
                    throw new AssertionError(e.getStatus() + " " + e.getResponse().getBody(String.class), e);
                }
            });

            assertEquals(receipts.get(0), receipts.get(1));
            assertEquals(1, cards(works));
            assertEquals(List.of((String) receipts.get(0).get("id")), TestSql.column(dataSource,
                    "SELECT submission_id FROM sent_from WHERE kind = 'DEEP_DIVE_FEEDBACK' AND source = ?",
                    token + "/" + key));
        }
    }
}
