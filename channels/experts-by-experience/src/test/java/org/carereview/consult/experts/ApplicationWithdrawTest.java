package org.carereview.consult.experts;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static org.carereview.consult.experts.ApplicationsApiTest.assertProblem;
import static org.carereview.consult.experts.ApplicationsTestSupport.ROUTE;
import static org.carereview.consult.experts.ApplicationsTestSupport.signIn;
import static org.carereview.consult.experts.ApplicationsTestSupport.submit;
import static org.carereview.consult.experts.ApplicationsTestSupport.validBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DELETE /api/v1/experts-by-experience/applications/{id}: the owner withdraws; everything they told us goes. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationWithdrawTest implements FreshDatabase {

    /** Every column of ebe_application that holds something the applicant told us. */
    static final String ERASED = "experiences = '{}' AND name IS NULL AND preferred_name IS NULL "
            + "AND date_of_birth IS NULL AND age_band IS NULL AND region IS NULL AND email IS NULL AND phone IS NULL "
            + "AND trusted_adult_name IS NULL AND trusted_adult_relationship IS NULL AND trusted_adult_email IS NULL "
            + "AND trusted_adult_phone IS NULL AND experience_story IS NULL AND motivation IS NULL "
            + "AND availability IS NULL AND access_needs IS NULL AND support_needs IS NULL "
            + "AND NOT consent_data_use AND NOT consent_contact_trusted_adult";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    ApplicationWindow window;

    @Inject
    OwnSubmissions ownSubmissions;

    @Override
    public Map<String, String> getProperties() {
        return ApplicationsTestSupport.properties();
    }

    @BeforeEach
    void openTheWindow() {
        ApplicationsTestSupport.openWindow(window);
    }

    static Map<String, Object> fullBody(String email) {
        Map<String, Object> body = validBody(email);
        body.put("dateOfBirth", "2012-03-04");
        body.put("phone", "07700 900 123");
        body.put("trustedAdult", Map.of("name", "Pat Carer", "relationship", "Foster carer",
                "email", "pat@example.org", "phone", "0161 496 0000"));
        body.put("accessNeeds", "Large print, please");
        body.put("supportNeeds", "Someone to come with me");
        body.put("equality", Map.of("ethnicity", "White British", "disability", "No"));
        body.put("consents", Map.of("dataUse", true, "contactTrustedAdult", true));
        return body;
    }

    @Test
    void theOwnerWithdrawsAndEveryAnswerAndTheEqualityAnswersAreErasedButTheReferenceIsKept() {
        Map<String, Object> receipt = submit(http, fullBody("withdrawer@example.org"));
        String id = (String) receipt.get("id");
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM ebe_equality WHERE submission_id = ?::uuid", id));

        ExpertsTestClock.CLOCK.advance(Duration.ofHours(1));
        HttpResponse<?> response = delete(id, signIn(http, dataSource, "withdrawer@example.org"));
        assertEquals(HttpStatus.NO_CONTENT, response.getStatus());

        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM ebe_application WHERE submission_id = ?::uuid AND "
                + ERASED, id), "every personal and free-text column is erased");
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM ebe_application WHERE submission_id = ?::uuid "
                + "AND outcome = 'WITHDRAWN' AND outcome_changed_at = '2026-11-23T13:00:00Z'::timestamptz", id));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM ebe_equality WHERE submission_id = ?::uuid", id));
        assertEquals(List.of(receipt.get("reference") + "|WITHDRAWN|t|t"), TestSql.column(dataSource,
                "SELECT concat_ws('|', reference, status, search_vector = ''::tsvector, withdrawn_at IS NOT NULL) "
                        + "FROM submission WHERE id = ?::uuid", id));
    }

    @Test
    void theOwnerCanReadTheTombstoneAndWithdrawingTwiceKeepsTheFirstTime() {
        String id = (String) submit(http, fullBody("twice.withdrawn@example.org")).get("id");
        String bearer = signIn(http, dataSource, "twice.withdrawn@example.org");
        assertEquals(HttpStatus.NO_CONTENT, delete(id, bearer).getStatus());
        List<String> first = TestSql.column(dataSource, "SELECT outcome_changed_at FROM ebe_application "
                + "WHERE submission_id = ?::uuid", id);
        ExpertsTestClock.CLOCK.advance(Duration.ofMinutes(5));
        assertEquals(HttpStatus.NO_CONTENT, delete(id, bearer).getStatus());
        assertEquals(first, TestSql.column(dataSource, "SELECT outcome_changed_at FROM ebe_application "
                + "WHERE submission_id = ?::uuid", id));

        Map<?, ?> tombstone = http.toBlocking().retrieve(HttpRequest.GET(ROUTE + "/" + id).bearerAuth(bearer), Map.class);
        assertEquals("WITHDRAWN", tombstone.get("outcome"));
        assertEquals("WITHDRAWN", tombstone.get("status"));
        assertEquals(List.of(), tombstone.get("experiences"));
        assertNull(tombstone.get("name"));
        assertNull(tombstone.get("experienceStory"));
        assertNull(tombstone.get("trustedAdult"));
    }

    @Test
    void someoneElseOrAnAdministratorCannotWithdrawIt() {
        String id = (String) submit(http, fullBody("keeper@example.org")).get("id");
        assertProblem(HttpStatus.NOT_FOUND, "not-found", assertThrows(HttpClientResponseException.class,
                () -> delete(id, signIn(http, dataSource, "not.the.keeper@example.org"))));
        assertProblem(HttpStatus.NOT_FOUND, "not-found", assertThrows(HttpClientResponseException.class,
                () -> delete(id, ApplicationsTestSupport.adminToken(http))));
        assertProblem(HttpStatus.NOT_FOUND, "not-found", assertThrows(HttpClientResponseException.class,
                () -> delete(UUID.randomUUID().toString(), ApplicationsTestSupport.adminToken(http))));
        assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.DELETE(ROUTE + "/" + id))).getStatus());
        assertEquals(List.of("SUBMITTED|Jordan Example"), TestSql.column(dataSource,
                "SELECT outcome || '|' || name FROM ebe_application WHERE submission_id = ?::uuid", id));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM ebe_equality WHERE submission_id = ?::uuid", id));
    }

    @Test
    void theOwnersPageDescribesTheApplicationWithoutEqualityAnswersUntilItIsWithdrawn() {
        String id = (String) submit(http, fullBody("describer@example.org")).get("id");
        UUID owner = UUID.fromString(TestSql.column(dataSource,
                "SELECT id FROM account WHERE email = 'describer@example.org'").get(0));
        List<ChannelContent.Detail> details = ownSubmissions.details(UUID.fromString(id), owner);
        assertEquals("outcome", details.get(0).name(), "where the application stands comes first");
        assertEquals("Received: not decided yet", details.get(0).value());
        assertEquals("experiences", details.get(1).name());
        assertEquals("In care now\nLeft care (care leaver)", details.get(1).value());
        assertTrue(details.stream().anyMatch(d -> d.name().equals("dateOfBirth") && "4 March 2012".equals(d.value())));
        assertTrue(details.stream().anyMatch(d -> d.name().equals("trustedAdult.name") && "Pat Carer".equals(d.value())));
        assertTrue(details.stream().noneMatch(d -> String.valueOf(d.value()).contains("White British")));

        ownSubmissions.withdraw(UUID.fromString(id), owner);
        assertTrue(ownSubmissions.details(UUID.fromString(id), owner).isEmpty());
        assertTrue(ownSubmissions.ownedBy(owner).get(0).withdrawn());
    }

    private HttpResponse<?> delete(String id, String bearer) {
        return http.toBlocking().exchange(HttpRequest.DELETE(ROUTE + "/" + id).bearerAuth(bearer));
    }
}
