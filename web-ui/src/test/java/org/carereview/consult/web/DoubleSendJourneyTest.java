package org.carereview.consult.web;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.advice.AdviceDrafts;
import org.carereview.consult.advice.AdviceInput;
import org.carereview.consult.advice.Draft;
import org.carereview.consult.db.AtOnce;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.experts.ApplicationDraft;
import org.carereview.consult.experts.ApplicationDrafts;
import org.carereview.consult.experts.ApplicationInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A double click on "Send" (two posts of the same check page at the same moment, as a browser sends them),
 * and a retry after the first went through: one submission, one receipt, one confirmation for both.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoubleSendJourneyTest implements FreshDatabase {

    private static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Inject
    AdviceDrafts adviceDrafts;

    @Inject
    ApplicationDrafts applicationDrafts;

    @Inject
    JsonMapper json;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** The cookie that lets the browser that sent the answers see their confirmation. */
    String sentCookie = "";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.advice.minimum-time", "0s");
        properties.put("consult.rate-limit-per-minute", "0");
        return properties;
    }

    @Test
    void aDoubleClickOnSendAdviceStoresOneSubmissionAndBothClicksLandOnItsConfirmation() throws Exception {
        String email = "double.click.advice@example.org";
        Draft draft = adviceDrafts.start(null);
        adviceDrafts.save(draft.id(), draft.state().with(new AdviceInput("FOSTER_OR_KINSHIP_CARER", null,
                "What support do kinship carers get?", null, null, null, List.of("SUPPORT"), email, true, false)));

        String confirmation = doubleClickThenRetry("/call-for-advice/check", "cfa-draft=" + draft.id());

        assertTrue(confirmation.startsWith("/call-for-advice/confirmation/"), confirmation);
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM advice_submission WHERE contact_email = ?", email));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE recipient = ?", email));
        assertTrue(get(confirmation, sentCookie).body().contains(reference(confirmation)));
        assertEquals(404, get(confirmation, "").statusCode(), "not for anyone else who has the address");
    }

    @Test
    void aDoubleClickOnSendApplicationStoresOneApplicationAndBothClicksLandOnItsConfirmation() throws Exception {
        String email = "double.click.applicant@example.org";
        ApplicationDraft draft = applicationDrafts.start(null);
        Map<String, Object> answers = new HashMap<>();
        answers.put("experiences", List.of("CARE_LEAVER"));
        answers.put("name", "Jordan Example");
        answers.put("dateOfBirth", "2000-05-14");
        answers.put("region", "NORTH_WEST");
        answers.put("email", email);
        answers.put("experienceStory", "I lived in three foster homes and then in supported lodgings.");
        answers.put("motivation", "I want the review to hear what moving schools felt like.");
        answers.put("consents", Map.of("dataUse", true));
        applicationDrafts.save(draft.id(), json.readValue(json.writeValueAsString(answers), ApplicationInput.class));

        String confirmation = doubleClickThenRetry("/experts-by-experience/application/check", "ebe-draft=" + draft.id());

        assertTrue(confirmation.startsWith("/experts-by-experience/confirmation/"), confirmation);
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM ebe_application WHERE email = ?", email));
        assertEquals(1, TestSql.count(dataSource,
                "SELECT count(*) FROM outbox_message WHERE template = 'ebe-receipt' AND recipient = ?", email));
        assertTrue(get(confirmation, sentCookie).body().contains(reference(confirmation)));
        assertEquals(404, get(confirmation, "").statusCode(), "not for anyone else who has the address");
    }

    /**
     * Opens the check page, posts it twice at the same moment, then once more (a retry after the answer was
     * lost); answers where every post was sent, checking they were all sent to the same confirmation.
     */
    private String doubleClickThenRetry(String check, String draftCookie) throws Exception {
        HttpResponse<String> page = get(check, draftCookie);
        assertEquals(200, page.statusCode(), page.body());
        Matcher token = CSRF.matcher(page.body());
        assertTrue(token.find(), "the page has a CSRF token");
        String csrf = token.group(1);
        String cookies = draftCookie + "; csrf=" + csrf;

        List<HttpResponse<String>> clicks = AtOnce.run(2, () -> post(check, cookies, csrf));
        HttpResponse<String> retry = post(check, cookies, csrf);

        String first = location(clicks.get(0));
        assertEquals(first, location(clicks.get(1)), "both clicks land on the same confirmation");
        assertEquals(first, location(retry), "so does a retry of the post");
        sentCookie = retry.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("consult-sent="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse("");
        assertFalse(sentCookie.isEmpty(), "the retry's browser may see its confirmation too");
        return first;
    }

    private static String location(HttpResponse<String> response) {
        assertEquals(303, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    private String reference(String confirmation) {
        UUID id = UUID.fromString(confirmation.substring(confirmation.lastIndexOf('/') + 1));
        return TestSql.column(dataSource, "SELECT reference FROM submission WHERE id = ?", id).get(0);
    }

    private HttpResponse<String> get(String path, String cookies) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookies, String csrf) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + csrf)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
