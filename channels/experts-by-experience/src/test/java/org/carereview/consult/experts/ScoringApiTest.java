package org.carereview.consult.experts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scorers see applications without anything that says who the applicant is. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoringApiTest implements FreshDatabase {

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
    String secondReviewer;
    String applicationId;

    @Override
    public Map<String, String> getProperties() {
        return ApplicationsTestSupport.properties();
    }

    @BeforeAll
    void anApplicationFromAFifteenYearOldWithEveryKindOfPersonalDetail() {
        ApplicationsTestSupport.openWindow(window);
        Map<String, Object> body = ApplicationsTestSupport.validBody("private.person@example.org");
        body.put("name", "Zebedee Quillfeather");
        body.put("preferredName", "Zeb");
        body.put("dateOfBirth", "2011-03-09");
        body.put("phone", "07700 900 123");
        body.put("trustedAdult", Map.of("name", "Marigold Quillfeather", "relationship", "Grandmother",
                "email", "marigold@example.org", "phone", "07700 900 456"));
        body.put("accessNeeds", "I use a screen reader called Orca");
        body.put("supportNeeds", "Quiet rooms help with my anxiety");
        body.put("equality", Map.of("ethnicity", "Cornish and Breton", "disability", "yes"));
        body.put("consents", Map.of("dataUse", true, "contactTrustedAdult", true));
        body.put("experienceStory", "I lived in three foster homes and then in supported lodgings. My social worker "
                + "Sarah moved me. I'm Zebedee, text me on 07700 900789 or write to 12 Quillfeather Road, M1 1AA.");
        applicationId = (String) ApplicationsTestSupport.submit(http, body).get("id");
        reviewer = ApplicationsTestSupport.staffToken(http, accounts, "scorer.one@example.org", Role.REVIEWER);
        secondReviewer = ApplicationsTestSupport.staffToken(http, accounts, "scorer.two@example.org", Role.REVIEWER);
    }

    @Test
    void theScoringListCarriesNoNameContactDateOfBirthTrustedAdultNeedsOrEqualityData() {
        String json = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/experts-by-experience/scoring").bearerAuth(reviewer));
        assertTrue(json.contains("I lived in three foster homes"), "the applicant's own story is there to score");
        for (String secret : List.of("Zebedee", "Quillfeather", "Zeb\"", "private.person", "07700", "2011-03-09", "2011",
                "Marigold", "Grandmother", "Orca", "anxiety", "Cornish", "NORTH_WEST", "UNDER_16", "disability",
                "Sarah", "M1 1AA")) {
            assertFalse(json.contains(secret), "scorers must not see: " + secret);
        }
    }

    @Test
    void namesAndContactDetailsInTheStoryReachScorersRedacted() {
        String json = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/experts-by-experience/scoring")
                .bearerAuth(reviewer));
        assertTrue(json.contains("My social worker [name] moved me"), json);
        assertTrue(json.contains("[phone]") && json.contains("[address]") && json.contains("[postcode]"), json);
        assertEquals(List.of("t"), TestSql.column(dataSource, "SELECT experience_story LIKE '%Sarah%' FROM ebe_application "
                + "WHERE submission_id = ?::uuid", applicationId), "the applicant's own words are kept as written");
    }

    @Test
    void theScorersCsvCarriesTheStoryButNoIdentityOrEqualityData() {
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/experts-by-experience/scoring/export.csv")
                .bearerAuth(reviewer));
        assertTrue(csv.startsWith(ScoringCsv.HEADER));
        assertTrue(csv.contains("I lived in three foster homes"));
        for (String secret : List.of("Zebedee", "Quillfeather", "private.person", "07700", "2011-03-09", "Marigold",
                "Orca", "anxiety", "Cornish", "NORTH_WEST")) {
            assertFalse(csv.contains(secret), "the scorers' CSV must not contain: " + secret);
        }
    }

    @Test
    void twoScorersScoreOnceEachAndTheAverageIsShown() {
        Map<String, Object> score = Map.of("criteria", Map.of("experience", 4, "motivation", 5, "perspective", 3,
                "commitment", 4), "comment", "Clear about what needs to change");
        HttpResponse<?> first = http.toBlocking().exchange(HttpRequest.POST(
                "/api/v1/experts-by-experience/applications/" + applicationId + "/scores", score).bearerAuth(reviewer));
        assertEquals(HttpStatus.CREATED, first.getStatus());
        HttpClientResponseException again = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/api/v1/experts-by-experience/applications/" + applicationId + "/scores", score)
                        .bearerAuth(reviewer)));
        assertEquals(HttpStatus.CONFLICT, again.getStatus());

        Map<String, Object> lower = Map.of("criteria", Map.of("experience", 2, "motivation", 3, "perspective", 2,
                "commitment", 3));
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/experts-by-experience/applications/" + applicationId + "/scores",
                lower).bearerAuth(secondReviewer));

        Map<?, ?> page = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/experts-by-experience/scoring")
                .bearerAuth(reviewer), Map.class);
        Map<?, ?> item = (Map<?, ?>) ((List<?>) page.get("items")).get(0);
        assertEquals(2, item.get("scores"));
        assertEquals(13.0, ((Number) item.get("averageTotal")).doubleValue(), "(16 + 10) / 2");
        assertEquals(5, ((Map<?, ?>) item.get("yourScore")).get("motivation"));
    }

    @Test
    void aScoreOutsideOneToFiveOrAMissingCriterionIs422WithTheField() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("criteria", Map.of("experience", 6, "motivation", 0, "perspective", 3, "niceness", 5));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/api/v1/experts-by-experience/applications/" + applicationId + "/scores", bad)
                        .bearerAuth(secondReviewer)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        String problem = e.getResponse().getBody(String.class).orElseThrow();
        for (String field : List.of("criteria.experience", "criteria.motivation", "criteria.commitment", "criteria.niceness")) {
            assertTrue(problem.contains("\"field\":\"" + field + "\""), field + " in " + problem);
        }
    }

    @Test
    void onlyStaffWhoScoreMayUseTheScoringRoutes() {
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/experts-by-experience/scoring")));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());
        String contributor = ApplicationsTestSupport.signIn(http, dataSource, "private.person@example.org");
        HttpClientResponseException applicant = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/experts-by-experience/scoring").bearerAuth(contributor)));
        assertEquals(HttpStatus.FORBIDDEN, applicant.getStatus());
        String lead = ApplicationsTestSupport.staffToken(http, accounts, "lead.scorer@example.org", Role.SAFEGUARDING_LEAD);
        HttpClientResponseException safeguarding = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/experts-by-experience/scoring").bearerAuth(lead)));
        assertEquals(HttpStatus.FORBIDDEN, safeguarding.getStatus());
    }
}
