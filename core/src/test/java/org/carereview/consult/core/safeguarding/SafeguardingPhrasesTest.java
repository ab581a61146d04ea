package org.carereview.consult.core.safeguarding;

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
import org.carereview.consult.db.Eventually;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The phrase file seeds the list once; the safeguarding lead extends it, and every change is kept. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafeguardingPhrasesTest implements FreshDatabase {

    static final String PASSWORD = "a long enough password";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AccountService accounts;

    @Inject
    Screening screening;

    @Inject
    DataSource dataSource;

    @Inject
    SafeguardingPhrases phrases;

    private final Map<String, String> properties = new java.util.HashMap<>();

    @Override
    public Map<String, String> getProperties() {
        if (properties.isEmpty()) {
            properties.putAll(FreshDatabase.super.getProperties());
        }
        return properties;
    }

    private String token(String email, Role role) {
        accounts.createStaff(email, role, PASSWORD);
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/login",
                Map.of("email", email, "password", PASSWORD)), Argument.mapOf(String.class, Object.class)).get("accessToken");
    }

    @Test
    void thePhraseFileIsLoadedOnceOnFirstStart() {
        long seeded = TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_phrase_change WHERE change = 'SEEDED'");
        assertTrue(seeded > 50, "seeded " + seeded);
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_seed"));
    }

    @Test
    void theLeadAddsAPhraseItFlagsAtOnceAndRemovingItIsKeptInTheHistory() {
        String lead = token("phrase.lead@example.org", Role.SAFEGUARDING_LEAD);
        assertFalse(screening.screen("they make me sleep in the shed").flagged());

        Map<?, ?> added = http.toBlocking().retrieve(HttpRequest.PUT("/api/v1/safeguarding/phrases",
                Map.of("phrase", "Make me SLEEP in the shed!", "weight", 10)).bearerAuth(lead), Map.class);
        assertEquals("make me sleep in the shed", added.get("phrase"));
        assertTrue(screening.screen("they make me sleep in the shed").flagged());

        http.toBlocking().exchange(HttpRequest.DELETE("/api/v1/safeguarding/phrases?phrase=make%20me%20sleep%20in%20the%20shed")
                .bearerAuth(lead));
        assertFalse(screening.screen("they make me sleep in the shed").flagged());
        assertEquals(List.of("ADDED", "REMOVED"), TestSql.column(dataSource, "SELECT change FROM safeguarding_phrase_change "
                + "WHERE phrase = 'make me sleep in the shed' ORDER BY id"));
        assertEquals(2, TestSql.count(dataSource, "SELECT count(*) FROM audit_event WHERE action = 'PHRASE_CHANGE'"));
    }

    @Test
    void aPhraseAddedOnOneNodeScreensOnAnotherWithinSecondsThoughEachNodeKeepsItsPhrases() {
        String text = "they lock me in the coal cellar";
        try (io.micronaut.context.ApplicationContext other = io.micronaut.context.ApplicationContext.run(
                Map.<String, Object>copyOf(properties), "test")) {
            Screening otherScreening = other.getBean(Screening.class);
            PhraseCache otherPhrases = other.getBean(PhraseCache.class);
            assertFalse(otherScreening.screen(text).flagged());
            long version = TestSql.count(dataSource, "SELECT phrase_version FROM safeguarding_model_version");
            org.junit.jupiter.api.Assertions.assertSame(otherPhrases.at(version), otherPhrases.at(version),
                    "the other node matches with the phrases it read, while their version stands");

            UUID lead = accounts.createStaff("phrase.node@example.org", Role.SAFEGUARDING_LEAD, PASSWORD).id();
            phrases.put("lock me in the coal cellar", 10, lead);
            assertTrue(screening.screen(text).flagged(), "at once on the node where the lead added it");
            Eventually.holds(() -> otherScreening.screen(text).flagged(), "the other node screens with it");
            phrases.remove("lock me in the coal cellar", lead);
            assertFalse(screening.screen(text).flagged());
            Eventually.holds(() -> !otherScreening.screen(text).flagged(), "the other node drops it");
        }
    }

    @Test
    void aPhraseWithoutLettersOrAWeightOutOfRangeIs422() {
        String lead = token("phrase.checker@example.org", Role.SAFEGUARDING_LEAD);
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.PUT("/api/v1/safeguarding/phrases", Map.of("phrase", "!!!", "weight", 1000)).bearerAuth(lead)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"field\":\"phrase\"") && body.contains("\"field\":\"weight\""), body);
    }

    @Test
    void onlyTheLeadChangesTheListAndReviewersCannotReadIt() {
        String reviewer = token("phrase.reviewer@example.org", Role.REVIEWER);
        String admin = token("phrase.admin@example.org", Role.ADMIN);
        HttpClientResponseException read = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/safeguarding/phrases").bearerAuth(reviewer)));
        assertEquals(HttpStatus.FORBIDDEN, read.getStatus());
        HttpClientResponseException write = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.PUT("/api/v1/safeguarding/phrases", Map.of("phrase", "x y", "weight", 1))
                        .bearerAuth(admin)));
        assertEquals(HttpStatus.FORBIDDEN, write.getStatus());
        assertTrue(http.toBlocking().retrieve(HttpRequest.GET("/api/v1/safeguarding/phrases").bearerAuth(admin), Map.class)
                .get("items") instanceof List<?> items && items.size() > 50);
    }
}
