package org.carereview.consult.deepdives;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.submission.ChannelContent;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.carereview.consult.deepdives.DeepDivesTestSupport.API;
import static org.carereview.consult.deepdives.DeepDivesTestSupport.card;
import static org.carereview.consult.deepdives.DeepDivesTestSupport.postJson;
import static org.carereview.consult.deepdives.DeepDivesTestSupport.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Participant links: made by staff, printed as QR codes, and the feedback they bring lands where it belongs. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepDiveLinkFeedbackTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    AccountService accounts;

    @Inject
    List<ChannelContent> channels;

    @Inject
    org.carereview.consult.core.redaction.Redactions redactions;

    String admin;
    String reviewer;

    @Override
    public Map<String, String> getProperties() {
        return DeepDivesTestSupport.properties();
    }

    @BeforeAll
    void signIn() {
        admin = DeepDivesTestSupport.adminToken(http);
        reviewer = DeepDivesTestSupport.staffToken(http, accounts, "links.reviewer@example.org", Role.REVIEWER);
    }

    @Test
    void feedbackThroughASessionLinkLandsAgainstThatAreaAndSession() {
        String session = DeepDivesTestSupport.session(http, admin, "darlington", "2027-04-20", "CARE_EXPERIENCED_YOUNG_PEOPLE");
        Map<String, Object> link = postJson(http, "/areas/darlington/links", Map.of("sessionId", session), reviewer);
        String token = (String) link.get("token");
        assertTrue(token.matches("[2-9a-hjkmnp-z]{18}"), token);
        assertEquals("https://haveyoursay.example.org/deep-dives/feedback/" + token, link.get("url"));

        HttpResponse<Map> response = http.toBlocking().exchange(HttpRequest.POST(API + "/links/" + token + "/feedback",
                card("CARE_EXPERIENCED_YOUNG_PERSON", "My social worker listens", "Fewer moves",
                        List.of("CARE", "SUPPORT"), List.of("HELP_AND_PROTECTION"))), Map.class);
        assertEquals(HttpStatus.CREATED, response.getStatus());
        String id = (String) response.body().get("id");
        assertTrue(((String) response.body().get("reference")).matches("DDF-[2-9A-Z]{4}-[2-9A-Z]{4}"));

        assertEquals(List.of("DEEP_DIVE_FEEDBACK|NEW|darlington|{CARE,SUPPORT}|{HELP_AND_PROTECTION}"), TestSql.column(dataSource,
                "SELECT s.kind || '|' || s.status || '|' || a.slug || '|' || s.themes::text || '|' || s.dilemmas::text "
                        + "FROM submission s JOIN area a ON a.id = s.area_id WHERE s.id = ?::uuid", id));
        assertEquals(List.of("darlington|" + session + "|CARE_EXPERIENCED_YOUNG_PERSON|LINK|" + token + "|none"),
                TestSql.column(dataSource, "SELECT a.slug || '|' || f.session_id || '|' || f.participant_type || '|' "
                        + "|| f.source || '|' || f.link_token || '|' || coalesce(f.entered_by::text, 'none') "
                        + "FROM deep_dive_feedback f JOIN area a ON a.id = f.area_id WHERE f.submission_id = ?::uuid", id));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ?::uuid "
                + "AND search_vector @@ plainto_tsquery('english', 'moves')", id), "staff can search what was said");

        String written = TestSql.column(dataSource,
                "SELECT answers::text FROM redacted_answer WHERE submission_id = ?::uuid", id).get(0);
        redactions.redact(UUID.fromString(id));
        assertEquals(List.of(written), TestSql.column(dataSource,
                "SELECT answers::text FROM redacted_answer WHERE submission_id = ?::uuid", id),
                "the redaction written at submission is what redacting the stored answers again gives");

        ChannelContent content = channels.stream().filter(c -> c.kind().name().equals("DEEP_DIVE_FEEDBACK")).findFirst().orElseThrow();
        List<ChannelContent.Detail> details = content.describe(UUID.fromString(id));
        assertEquals("Darlington", details.get(0).value());
        assertEquals("20 April 2027, care-experienced young people", details.get(1).value());
        assertEquals("Fewer moves", details.get(4).value());
        content.erase(UUID.fromString(id));
        assertEquals(List.of("erased"), TestSql.column(dataSource, "SELECT coalesce(participant_type || what_works "
                + "|| what_needs_to_change, 'erased') FROM deep_dive_feedback WHERE submission_id = ?::uuid", id));
    }

    @Test
    void anAreaLinkTakesFeedbackForTheAreaOrOneOfItsSessionsButNotAnotherAreasSession() {
        String token = DeepDivesTestSupport.link(http, reviewer, "southampton", null);
        String elsewhere = DeepDivesTestSupport.session(http, admin, "cumbria", "2027-05-01", "PRACTITIONERS");
        Map<String, Object> body = card("PRACTITIONER", "", "Less paperwork", null, null);
        Map<String, Object> receipt = postJson(http, "/links/" + token + "/feedback", body, null);
        assertEquals(List.of("southampton|none"), TestSql.column(dataSource, "SELECT a.slug || '|' || coalesce(f.session_id::text, "
                + "'none') FROM deep_dive_feedback f JOIN area a ON a.id = f.area_id WHERE f.submission_id = ?::uuid",
                receipt.get("id")));

        body.put("sessionId", elsewhere);
        assertTrue(refused(HttpStatus.UNPROCESSABLE_ENTITY, () -> postJson(http, "/links/" + token + "/feedback", body, null))
                .contains("\"field\":\"sessionId\""));
        refused(HttpStatus.UNPROCESSABLE_ENTITY, () -> postJson(http, "/areas/southampton/links",
                Map.of("sessionId", elsewhere), reviewer));
        refused(HttpStatus.UNPROCESSABLE_ENTITY, () -> postJson(http, "/areas/southampton/links",
                Map.of("sessionId", "not-a-uuid"), reviewer));
    }

    @Test
    void invalidFeedbackAnswers422WithFieldErrorsAndStoresNothing() {
        String token = DeepDivesTestSupport.link(http, reviewer, "camden", null);
        long before = TestSql.count(dataSource, "SELECT count(*) FROM submission");
        Map<String, Object> bad = card("MARTIAN", " \u200B ", null, List.of("WEATHER"), List.of("TEA_OR_COFFEE"));
        String problem = refused(HttpStatus.UNPROCESSABLE_ENTITY, () -> postJson(http, "/links/" + token + "/feedback", bad, null));
        for (String field : List.of("participantType", "whatWorks", "themes", "dilemmas")) {
            assertTrue(problem.contains("\"field\":\"" + field + "\""), field + " in " + problem);
        }
        Map<String, Object> control = card("FAMILY", "bell\u0007", null, null, null);
        assertTrue(refused(HttpStatus.UNPROCESSABLE_ENTITY, () -> postJson(http, "/links/" + token + "/feedback", control, null))
                .contains("control character"));
        Map<String, Object> tooLong = card("FAMILY", "x".repeat(10_001), null, null, null);
        assertTrue(refused(HttpStatus.UNPROCESSABLE_ENTITY, () -> postJson(http, "/links/" + token + "/feedback", tooLong, null))
                .contains("10,000 characters or fewer"));
        assertEquals(before, TestSql.count(dataSource, "SELECT count(*) FROM submission"));
    }

    @Test
    void unreadableJsonAnswers400AndNeverA500() {
        String token = DeepDivesTestSupport.link(http, reviewer, "camden", null);
        refused(HttpStatus.BAD_REQUEST, () -> http.toBlocking().exchange(HttpRequest.POST(API + "/links/" + token + "/feedback",
                "{\"themes\": [").contentType(io.micronaut.http.MediaType.APPLICATION_JSON)));
        refused(HttpStatus.BAD_REQUEST, () -> http.toBlocking().exchange(HttpRequest.POST(API + "/areas/camden/feedback/bulk",
                "{\"cards\": 7}").contentType(io.micronaut.http.MediaType.APPLICATION_JSON).bearerAuth(reviewer)));
        assertTrue(refused(HttpStatus.UNPROCESSABLE_ENTITY, () -> postJson(http, "/areas/camden/feedback/bulk",
                java.util.Collections.singletonMap("cards", java.util.Collections.singletonList(null)), reviewer))
                .contains("cards[0].participantType"));
    }

    @Test
    void unknownAndClosedLinksAre404AndOnlyStaffMakeOrCloseLinks() {
        Map<String, Object> body = card("FAMILY", "Kind staff", null, null, null);
        refused(HttpStatus.NOT_FOUND, () -> postJson(http, "/links/22222222222222222a/feedback", body, null));
        refused(HttpStatus.NOT_FOUND, () -> postJson(http, "/links/short/feedback", body, null));
        String token = DeepDivesTestSupport.link(http, reviewer, "peterborough", null);
        postJson(http, "/links/" + token + "/feedback", body, null);
        http.toBlocking().exchange(HttpRequest.DELETE(API + "/links/" + token).bearerAuth(reviewer));
        refused(HttpStatus.NOT_FOUND, () -> postJson(http, "/links/" + token + "/feedback", body, null));
        Map<?, ?> listed = http.toBlocking().retrieve(HttpRequest.GET(API + "/areas/peterborough/links").bearerAuth(reviewer), Map.class);
        assertTrue(((List<Map<?, ?>>) listed.get("items")).get(0).get("revokedAt") != null);

        refused(HttpStatus.UNAUTHORIZED, () -> postJson(http, "/areas/peterborough/links", Map.of(), null));
        refused(HttpStatus.NOT_FOUND, () -> postJson(http, "/areas/atlantis/links", Map.of(), reviewer));
        refused(HttpStatus.NOT_FOUND, () -> http.toBlocking().exchange(HttpRequest.DELETE(API + "/links/22222222222222222a")
                .bearerAuth(reviewer)));
    }

    @Test
    void theHoneypotQuarantinesFeedbackButTheAnswerLooksTheSame() {
        String token = DeepDivesTestSupport.link(http, reviewer, "wolverhampton", null);
        Map<String, Object> body = card("OTHER", "Buy cheap watches", null, null, null);
        body.put("website", "http://spam.example");
        HttpResponse<Map> response = http.toBlocking().exchange(HttpRequest.POST(API + "/links/" + token + "/feedback", body), Map.class);
        assertEquals(HttpStatus.CREATED, response.getStatus());
        assertTrue(((String) response.body().get("reference")).startsWith("DDF-"));
        assertEquals(List.of("QUARANTINED|HONEYPOT"), TestSql.column(dataSource,
                "SELECT status || '|' || quarantine_reason FROM submission WHERE id = ?::uuid", response.body().get("id")));
    }

    @Test
    void aRepeatedPostWithTheSameIdempotencyKeyStoresOneCard() {
        String token = DeepDivesTestSupport.link(http, reviewer, "nottinghamshire", null);
        Map<String, Object> body = card("FAMILY", "Family group conferences", null, List.of("STRENGTHENING_FAMILIES"), null);
        String key = UUID.randomUUID().toString();
        Map<?, ?> first = http.toBlocking().retrieve(HttpRequest.POST(API + "/links/" + token + "/feedback", body)
                .header("Idempotency-Key", key), Map.class);
        Map<?, ?> again = http.toBlocking().retrieve(HttpRequest.POST(API + "/links/" + token + "/feedback", body)
                .header("Idempotency-Key", key), Map.class);
        assertEquals(first, again);
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM deep_dive_feedback WHERE link_token = ?", token));
        body.put("whatWorks", "Something else");
        refused(HttpStatus.UNPROCESSABLE_ENTITY, () -> http.toBlocking().exchange(HttpRequest.POST(API + "/links/" + token
                + "/feedback", body).header("Idempotency-Key", key)));
    }

    @Test
    void staffGetTheLinkAsAnSvgQrCode() {
        String token = DeepDivesTestSupport.link(http, reviewer, "enfield", null);
        HttpResponse<String> svg = http.toBlocking().exchange(HttpRequest.GET(API + "/links/" + token + "/qr.svg")
                .bearerAuth(reviewer), String.class);
        assertEquals("image/svg+xml", svg.getContentType().orElseThrow().toString());
        assertTrue(svg.body().startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(svg.body().contains("role=\"img\"") && svg.body().contains("<path"));
        refused(HttpStatus.UNAUTHORIZED, () -> http.toBlocking().exchange(HttpRequest.GET(API + "/links/" + token + "/qr.svg")));
    }

    @Test
    void aFacilitatorEntersOneCardForAnArea() {
        Map<String, Object> body = card("LEADER", "Partnership board", "Data sharing", List.of("DELIVERY"),
                List.of("LOCAL_REGIONAL_NATIONAL"));
        Map<?, ?> receipt = http.toBlocking().retrieve(HttpRequest.POST(API + "/areas/north-lincolnshire/feedback", body)
                .bearerAuth(reviewer), Map.class);
        assertEquals(List.of("north-lincolnshire|FACILITATOR|links.reviewer@example.org"), TestSql.column(dataSource,
                "SELECT a.slug || '|' || f.source || '|' || acc.email FROM deep_dive_feedback f JOIN area a ON a.id = f.area_id "
                        + "JOIN account acc ON acc.id = f.entered_by WHERE f.submission_id = ?::uuid", receipt.get("id")));
        refused(HttpStatus.UNAUTHORIZED, () -> postJson(http, "/areas/north-lincolnshire/feedback", body, null));
        refused(HttpStatus.NOT_FOUND, () -> postJson(http, "/areas/atlantis/feedback", body, reviewer));
    }
}
