package org.carereview.consult.deepdives;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
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
import java.util.List;
import java.util.Map;

import static org.carereview.consult.deepdives.DeepDivesTestSupport.API;
import static org.carereview.consult.deepdives.DeepDivesTestSupport.card;
import static org.carereview.consult.deepdives.DeepDivesTestSupport.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Facilitators enter many cards at once, or a CSV file: every card with its tags, or nothing at all. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepDiveBulkAndCsvTest implements FreshDatabase {

    static final String HEADER = "participant_type,what_works,what_needs_to_change,themes,dilemmas\r\n";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    AccountService accounts;

    String admin;
    String facilitator;

    @Override
    public Map<String, String> getProperties() {
        return DeepDivesTestSupport.properties();
    }

    @BeforeAll
    void signIn() {
        admin = DeepDivesTestSupport.adminToken(http);
        facilitator = DeepDivesTestSupport.staffToken(http, accounts, "facilitator@example.org", Role.REVIEWER);
    }

    private Map<?, ?> bulk(String slug, List<Map<String, Object>> cards) {
        return http.toBlocking().retrieve(HttpRequest.POST(API + "/areas/" + slug + "/feedback/bulk", Map.of("cards", cards))
                .bearerAuth(facilitator), Map.class);
    }

    private HttpRequest<String> csv(String slug, String body, String sessionId) {
        return HttpRequest.POST(API + "/areas/" + slug + "/feedback/import" + (sessionId == null ? "" : "?sessionId=" + sessionId),
                body).contentType(MediaType.of("text/csv")).bearerAuth(facilitator);
    }

    private List<String> stored(String slug) {
        return TestSql.column(dataSource, "SELECT f.participant_type || '|' || coalesce(f.what_works, '-') || '|' "
                + "|| coalesce(f.what_needs_to_change, '-') || '|' || s.themes::text || '|' || s.dilemmas::text || '|' "
                + "|| f.source || '|' || coalesce(f.session_id::text, 'none') FROM deep_dive_feedback f "
                + "JOIN submission s ON s.id = f.submission_id JOIN area a ON a.id = f.area_id WHERE a.slug = ? "
                + "ORDER BY f.what_works NULLS LAST, f.what_needs_to_change", slug);
    }

    @Test
    void bulkEntryStoresEveryCardWithItsTags() {
        Map<?, ?> receipt = bulk("cumbria", List.of(
                card("FAMILY", "A a family support worker who stayed", null, List.of("SUPPORT"), List.of()),
                card("PRACTITIONER", "B caseloads we can manage", "Travel time across the county",
                        List.of("DELIVERY", "SUSTAINABILITY"), List.of("LOCAL_REGIONAL_NATIONAL")),
                card("Care-experienced adult", "C my leaving care PA", "Housing at 18", List.of("Care"),
                        List.of("Freedom and responsibility"))));
        assertEquals(3, receipt.get("count"));
        assertEquals(3, ((List<?>) receipt.get("items")).size());
        assertEquals(List.of(
                "FAMILY|A a family support worker who stayed|-|{SUPPORT}|{}|BULK|none",
                "PRACTITIONER|B caseloads we can manage|Travel time across the county|{DELIVERY,SUSTAINABILITY}"
                        + "|{LOCAL_REGIONAL_NATIONAL}|BULK|none",
                "CARE_EXPERIENCED_ADULT|C my leaving care PA|Housing at 18|{CARE}|{FREEDOM_AND_RESPONSIBILITY}|BULK|none"),
                stored("cumbria"));
        assertEquals(3, TestSql.count(dataSource, "SELECT count(*) FROM deep_dive_feedback f JOIN account a "
                + "ON a.id = f.entered_by WHERE a.email = 'facilitator@example.org' AND f.source = 'BULK'"));
    }

    @Test
    void oneBadCardInABulkEntryStoresNoneAndNamesTheCard() {
        long before = TestSql.count(dataSource, "SELECT count(*) FROM submission");
        String problem = refused(HttpStatus.UNPROCESSABLE_ENTITY, () -> bulk("camden", List.of(
                card("FAMILY", "Fine", null, List.of(), List.of()),
                card("FAMILY", "", " ", List.of(), List.of()),
                card("NOBODY", "Fine", null, List.of("WEATHER"), List.of()))));
        assertTrue(problem.contains("{\"field\":\"cards[1].whatWorks\",\"message\":\"Card 2: enter what works or what "
                + "needs to change, or both\"}"), problem);
        assertTrue(problem.contains("\"field\":\"cards[2].participantType\""), problem);
        assertTrue(problem.contains("\"field\":\"cards[2].themes\""), problem);
        assertEquals(before, TestSql.count(dataSource, "SELECT count(*) FROM submission"));
        assertTrue(refused(HttpStatus.UNPROCESSABLE_ENTITY, () -> bulk("camden", List.of()))
                .contains("\"field\":\"cards\""));
    }

    @Test
    void aCsvFileStoresEveryCardWithItsTagsAndItsSession() {
        String session = DeepDivesTestSupport.session(http, admin, "enfield", "2027-06-03", "FAMILIES");
        String file = "\uFEFF" + HEADER
                + "FAMILY,\"A early help, without the forms\",\"Being listened to\",SUPPORT;STRENGTHENING_FAMILIES,HELP_AND_PROTECTION\r\n"
                + "Parent or family member,\"B our \"\"family hub\"\"\",\"Two lines\r\nof change\",Safety,\r\n"
                + "\r\n"
                + "OTHER,C =1+1 is just text,,,\r\n";
        Map<?, ?> receipt = http.toBlocking().retrieve(csv("enfield", file, session), Map.class);
        assertEquals(3, receipt.get("count"));
        assertEquals(List.of(
                "FAMILY|A early help, without the forms|Being listened to|{STRENGTHENING_FAMILIES,SUPPORT}"
                        + "|{HELP_AND_PROTECTION}|CSV|" + session,
                "FAMILY|B our \"family hub\"|Two lines\r\nof change|{SAFETY}|{}|CSV|" + session,
                "OTHER|C =1+1 is just text|-|{}|{}|CSV|" + session), stored("enfield"));
    }

    @Test
    void aCsvFileWithOneBadLineStoresNothingAndNamesTheLine() {
        long before = TestSql.count(dataSource, "SELECT count(*) FROM submission");
        String file = HEADER + "FAMILY,Good,,,\r\nFAMILY,Good,,,\r\nASTRONAUT,Good,,WEATHER,\r\nFAMILY,,,,\r\n";
        String problem = refused(HttpStatus.UNPROCESSABLE_ENTITY, () -> http.toBlocking().exchange(csv("wolverhampton", file, null)));
        assertTrue(problem.contains("{\"field\":\"lines[4].participantType\",\"message\":\"Line 4: select one of the "
                + "options for who gave the feedback\"}"), problem);
        assertTrue(problem.contains("\"field\":\"lines[4].themes\",\"message\":\"Line 4: "), problem);
        assertTrue(problem.contains("\"field\":\"lines[5].whatWorks\",\"message\":\"Line 5: enter what works"), problem);
        assertEquals(before, TestSql.count(dataSource, "SELECT count(*) FROM submission"), "nothing half-imported");

        String unclosed = HEADER + "FAMILY,Good,,,\r\nFAMILY,\"never closed,,,\r\n";
        assertTrue(refused(HttpStatus.UNPROCESSABLE_ENTITY, () -> http.toBlocking().exchange(csv("wolverhampton", unclosed, null)))
                .contains("Line 3: a quoted value is not closed"));
        assertTrue(refused(HttpStatus.UNPROCESSABLE_ENTITY, () -> http.toBlocking().exchange(csv("wolverhampton", HEADER, null)))
                .contains("no feedback cards"));
        assertTrue(refused(HttpStatus.UNPROCESSABLE_ENTITY, () -> http.toBlocking().exchange(
                csv("wolverhampton", HEADER + "FAMILY,Good,,,\r\n", "not-a-session"))).contains("\"field\":\"sessionId\""));
        assertEquals(before, TestSql.count(dataSource, "SELECT count(*) FROM submission"));
    }

    @Test
    void staffDownloadTheTemplateAndOthersCannotImport() {
        String template = http.toBlocking().retrieve(HttpRequest.GET(API + "/feedback-template.csv").bearerAuth(facilitator));
        assertEquals("\"participant_type\",\"what_works\",\"what_needs_to_change\",\"themes\",\"dilemmas\"\r\n", template);
        refused(HttpStatus.UNAUTHORIZED, () -> http.toBlocking().exchange(HttpRequest.GET(API + "/feedback-template.csv")));
        refused(HttpStatus.UNAUTHORIZED, () -> http.toBlocking().exchange(HttpRequest.POST(API + "/areas/camden/feedback/import",
                HEADER + "FAMILY,x,,,\r\n").contentType(MediaType.of("text/csv"))));
        refused(HttpStatus.NOT_FOUND, () -> http.toBlocking().exchange(csv("atlantis", HEADER + "FAMILY,x,,,\r\n", null)));
    }
}
