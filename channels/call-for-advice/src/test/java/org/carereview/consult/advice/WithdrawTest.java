package org.carereview.consult.advice;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.submission.ChannelContent;
import org.carereview.consult.core.submission.OwnSubmissions;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DELETE /api/v1/call-for-advice/submissions/{id}: the owner withdraws; the answers go, the reference stays. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WithdrawTest implements FreshDatabase {

    static final String CONTENT_COLUMNS = "concat_ws('|', respondent_type, organisation, key_questions, "
            + "engagement_advice, resources, groups_to_speak_to, contact_email)";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    OwnSubmissions ownSubmissions;

    @Test
    void theOwnerWithdrawsAndEveryAnswerIsErasedButTheReferenceAndDateAreKept() {
        Map<String, Object> body = AdviceApiTest.validBody("owner.one@example.org");
        body.put("respondentType", "ORGANISATION");
        body.put("organisation", "Care Leavers Together");
        Map<String, Object> receipt = submit(body);
        String id = (String) receipt.get("id");

        HttpResponse<?> response = delete(id, signIn("owner.one@example.org"));
        assertEquals(HttpStatus.NO_CONTENT, response.getStatus());

        assertEquals(List.of(""), TestSql.column(dataSource,
                "SELECT " + CONTENT_COLUMNS + " FROM advice_submission WHERE submission_id = ?::uuid", id),
                "every content column is null");
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM advice_submission WHERE submission_id = ?::uuid "
                + "AND respondent_type IS NULL AND organisation IS NULL AND key_questions IS NULL "
                + "AND engagement_advice IS NULL AND resources IS NULL AND groups_to_speak_to IS NULL "
                + "AND contact_email IS NULL AND NOT consent_to_contact AND NOT consent_to_publish", id));
        assertEquals(List.of(receipt.get("reference") + "|WITHDRAWN|{}|{}|t|t"), TestSql.column(dataSource,
                "SELECT concat_ws('|', reference, status, themes::text, dilemmas::text, search_vector = ''::tsvector, "
                        + "withdrawn_at IS NOT NULL AND withdrawn_at >= submitted_at) FROM submission WHERE id = ?::uuid", id));
    }

    @Test
    void withdrawingTwiceAnswers204BothTimesAndKeepsTheFirstDate() {
        String id = (String) submit(AdviceApiTest.validBody("twice@example.org")).get("id");
        String bearer = signIn("twice@example.org");
        assertEquals(HttpStatus.NO_CONTENT, delete(id, bearer).getStatus());
        List<String> first = TestSql.column(dataSource, "SELECT withdrawn_at FROM submission WHERE id = ?::uuid", id);
        assertEquals(HttpStatus.NO_CONTENT, delete(id, bearer).getStatus());
        assertEquals(first, TestSql.column(dataSource, "SELECT withdrawn_at FROM submission WHERE id = ?::uuid", id));
    }

    @Test
    void theOwnerCanStillReadTheTombstoneOfAWithdrawnSubmission() {
        Map<String, Object> receipt = submit(AdviceApiTest.validBody("tombstone@example.org"));
        String id = (String) receipt.get("id");
        String bearer = signIn("tombstone@example.org");
        delete(id, bearer);
        Map<?, ?> tombstone = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/call-for-advice/submissions/" + id)
                .bearerAuth(bearer), Map.class);
        assertEquals(receipt.get("reference"), tombstone.get("reference"));
        assertEquals("WITHDRAWN", tombstone.get("status"));
        assertEquals(null, tombstone.get("keyQuestions"));
        assertEquals(null, tombstone.get("respondentType"));
    }

    @Test
    void someoneElsesDeleteIs404AndChangesNothing() {
        String id = (String) submit(AdviceApiTest.validBody("rightful.owner@example.org")).get("id");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> delete(id, signIn("someone.else@example.org")));
        assertNotFoundProblem(e);
        assertEquals(List.of("NEW"), TestSql.column(dataSource, "SELECT status FROM submission WHERE id = ?::uuid", id));
        assertEquals(List.of("Why do children move placements so often?"), TestSql.column(dataSource,
                "SELECT key_questions FROM advice_submission WHERE submission_id = ?::uuid", id));
    }

    @Test
    void anUnknownIdIs404AndNoTokenIs401() {
        String bearer = signIn("nobody.in.particular@example.org");
        assertNotFoundProblem(assertThrows(HttpClientResponseException.class,
                () -> delete(UUID.randomUUID().toString(), bearer)));
        String id = (String) submit(AdviceApiTest.validBody(null)).get("id");
        assertNotFoundProblem(assertThrows(HttpClientResponseException.class, () -> delete(id, bearer)));

        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.DELETE("/api/v1/call-for-advice/submissions/" + id)));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());
    }

    @Test
    void aSubmissionFlaggedForSafeguardingCannotBeWithdrawnByItsOwner() {
        String id = (String) submit(AdviceApiTest.validBody("flagged@example.org")).get("id");
        execute("UPDATE submission SET safeguarding = true WHERE id = ?::uuid", id);
        assertNotFoundProblem(assertThrows(HttpClientResponseException.class,
                () -> delete(id, signIn("flagged@example.org"))));
        assertEquals(List.of("Why do children move placements so often?"), TestSql.column(dataSource,
                "SELECT key_questions FROM advice_submission WHERE submission_id = ?::uuid", id));
    }

    @Test
    void theOwnersListShowsTheTombstoneNewestFirstAndNoDetailsOnceWithdrawn() {
        String older = (String) submit(AdviceApiTest.validBody("lister@example.org")).get("id");
        String newer = (String) submit(AdviceApiTest.validBody("lister@example.org")).get("id");
        UUID owner = UUID.fromString(TestSql.column(dataSource,
                "SELECT id FROM account WHERE email = 'lister@example.org'").get(0));

        List<ChannelContent.Detail> details = ownSubmissions.details(UUID.fromString(older), owner);
        assertEquals("I am care-experienced", details.get(0).value());
        assertTrue(details.stream().anyMatch(d -> d.name().equals("keyQuestions")
                && "Why do children move placements so often?".equals(d.value())));

        ownSubmissions.withdraw(UUID.fromString(older), owner);
        assertEquals(List.of(newer, older), ownSubmissions.ownedBy(owner).stream().map(s -> s.id().toString()).toList());
        assertTrue(ownSubmissions.ownedBy(owner).get(1).withdrawn());
        assertTrue(ownSubmissions.details(UUID.fromString(older), owner).isEmpty());
    }

    private Map<String, Object> submit(Map<String, Object> body) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/v1/call-for-advice/submissions", body),
                Argument.mapOf(String.class, Object.class));
    }

    private String signIn(String email) {
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/magic-link", Map.of("email", email)));
        String token = TestSql.lastLinkToken(dataSource, "sign-in-link", email);
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/magic-link/redeem",
                Map.of("token", token)), Map.class).get("accessToken");
    }

    private HttpResponse<?> delete(String id, String bearer) {
        return http.toBlocking().exchange(HttpRequest.DELETE("/api/v1/call-for-advice/submissions/" + id).bearerAuth(bearer));
    }

    private void execute(String sql, Object... args) {
        TestSql.execute(dataSource, sql, args);
    }

    private static void assertNotFoundProblem(HttpClientResponseException e) {
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }
}
