package org.carereview.consult.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.advice.AdviceDrafts;
import org.carereview.consult.advice.AdviceInput;
import org.carereview.consult.advice.Draft;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.experts.ApplicationDraft;
import org.carereview.consult.experts.ApplicationDrafts;
import org.carereview.consult.experts.ApplicationInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The autosave endpoints, and what a draft keeps of answers saved before they are checked, over plain HTTP:
 * a form post like any other (refused without the CSRF field), 204 when kept, and never a server error
 * for what a draft cannot hold as it is.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutosaveEndpointTest implements FreshDatabase {

    private static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");
    private static final int LIMIT = 40;

    @Inject
    EmbeddedServer server;

    @Inject
    AdviceDrafts adviceDrafts;

    @Inject
    ApplicationDrafts applicationDrafts;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.advice.max-answer-length", String.valueOf(LIMIT));
        properties.put("consult.experts.max-answer-length", String.valueOf(LIMIT));
        properties.put("consult.rate-limit-per-minute", "0");
        return properties;
    }

    @Test
    void autosaveWithoutTheCsrfTokenIsRefusedAndKeepsNothing() throws Exception {
        Draft draft = adviceDrafts.start(null);
        String cookies = "cfa-draft=" + draft.id() + "; csrf=" + token("/call-for-advice/key-questions", "cfa-draft=" + draft.id());

        HttpResponse<String> refused = post("/call-for-advice/key-questions/autosave", cookies,
                form("keyQuestions", "Typed without a token"));
        HttpResponse<String> wrongToken = post("/call-for-advice/key-questions/autosave", cookies,
                form("csrfToken", "not-the-token", "keyQuestions", "Typed with the wrong token"));

        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(403, wrongToken.statusCode(), wrongToken.body());
        assertNull(adviceDrafts.find(draft.id()).orElseThrow().answers().keyQuestions(), "nothing kept");
    }

    @Test
    void autosaveWithTheCsrfTokenAnswersNoContentAndKeepsTheTextAsTyped() throws Exception {
        Draft draft = adviceDrafts.start(null);
        String typed = "Half a thought, not finished and far longer than the forty characters allowed";
        HttpResponse<String> saved = postWithToken("/call-for-advice/key-questions", "cfa-draft=" + draft.id(),
                "keyQuestions", typed);

        assertEquals(204, saved.statusCode(), saved.body());
        assertEquals(typed, adviceDrafts.find(draft.id()).orElseThrow().answers().keyQuestions());
    }

    @Test
    void autosaveOfAnApplicationSectionAnswersNoContentAndKeepsTheSectionAsTyped() throws Exception {
        ApplicationDraft draft = applicationDrafts.start(null);
        HttpResponse<String> saved = postWithToken("/experts-by-experience/application/your-story",
                "ebe-draft=" + draft.id(), "experienceStory", "Only my story so far", "motivation", "");

        assertEquals(204, saved.statusCode(), saved.body());
        ApplicationInput kept = applicationDrafts.find(draft.id()).orElseThrow().answers();
        assertEquals("Only my story so far", kept.experienceStory());
        assertEquals("", kept.motivation());
    }

    @Test
    void autosaveOnceTheDraftIsGoneAnswersGoneAndAnUnknownPageNotFound() throws Exception {
        String csrf = token("/call-for-advice", "");
        String cookies = "csrf=" + csrf;
        assertEquals(410, post("/call-for-advice/key-questions/autosave", cookies,
                form("csrfToken", csrf, "keyQuestions", "No draft")).statusCode());
        assertEquals(410, post("/experts-by-experience/application/your-story/autosave", cookies,
                form("csrfToken", csrf, "experienceStory", "No draft")).statusCode());

        Draft draft = adviceDrafts.start(null);
        String withDraft = cookies + "; cfa-draft=" + draft.id();
        assertEquals(404, post("/call-for-advice/no-such-page/autosave", withDraft, form("csrfToken", csrf)).statusCode());
        assertTrue(post("/call-for-advice/resume/autosave", withDraft, form("csrfToken", csrf)).statusCode() < 500,
                "a path two routes could take is not a server error");
    }

    @Test
    void savingForLaterKeepsWhatTheAdviceDraftCanHoldAndContinueStillRefusesIt() throws Exception {
        Draft draft = adviceDrafts.start(null);
        String cookie = "cfa-draft=" + draft.id();

        HttpResponse<String> who = postWithToken("/call-for-advice/who", cookie, false,
                "respondentType", "SOMEONE_ELSE", "action", "save");
        assertEquals(200, who.statusCode(), "the page with the resume code");
        assertNull(adviceDrafts.find(draft.id()).orElseThrow().answers().respondentType(), "not an option: not kept");

        String typed = "Line one\u0000 with a NUL\u0001 and a control character, and far too long to send";
        HttpResponse<String> text = postWithToken("/call-for-advice/key-questions", cookie, false,
                "keyQuestions", typed, "action", "save");
        assertEquals(200, text.statusCode());
        HttpResponse<String> themes = postWithToken("/call-for-advice/themes", cookie, false,
                "themes", "SUPPORT", "themes", "NOT_A_THEME", "action", "save");
        assertEquals(200, themes.statusCode());

        AdviceInput kept = adviceDrafts.find(draft.id()).orElseThrow().answers();
        assertEquals(typed.replace("\u0000", ""), kept.keyQuestions(), "all but the NUL, which PostgreSQL cannot hold");
        assertEquals(List.of("SUPPORT"), kept.themes());

        HttpResponse<String> reopened = get("/call-for-advice/key-questions", cookie);
        assertEquals(200, reopened.statusCode());
        assertTrue(!reopened.body().contains("govuk-error-summary"), "no errors when the page is reopened");
        HttpResponse<String> continued = postWithToken("/call-for-advice/key-questions", cookie, false,
                "keyQuestions", kept.keyQuestions());
        assertEquals(422, continued.statusCode());
        assertTrue(continued.body().contains("must be 40 characters or fewer"), continued.body());
    }

    @Test
    void savingForLaterKeepsWhatTheApplicationDraftCanHoldAndSendStillRefusesIt() throws Exception {
        ApplicationDraft draft = applicationDrafts.start(null);
        String cookie = "ebe-draft=" + draft.id();

        assertEquals(200, postWithToken("/experts-by-experience/application/experience", cookie, false,
                "experiences", "CARE_LEAVER", "experiences", "ASTRONAUT", "action", "save").statusCode());
        assertEquals(200, postWithToken("/experts-by-experience/application/about-you", cookie, false,
                "name", "Sam\u0000 Taylor", "dateOfBirthDay", "31", "dateOfBirthMonth", "2", "dateOfBirthYear", "2011",
                "region", "ATLANTIS", "email", "sam@", "action", "save").statusCode());
        assertEquals(200, postWithToken("/experts-by-experience/application/equality", cookie, false,
                "equalityGender", "Mine", "equalityDisability", "maybe", "action", "save").statusCode());

        ApplicationInput kept = applicationDrafts.find(draft.id()).orElseThrow().answers();
        assertEquals(List.of("CARE_LEAVER"), kept.experiences());
        assertEquals("Sam Taylor", kept.name());
        assertEquals("31/2/2011", kept.dateOfBirth(), "the date as typed, which is no real date");
        assertNull(kept.region());
        assertEquals("sam@", kept.email());
        assertEquals("Mine", kept.equality().get("gender"));
        assertNull(kept.equality().get("disability"));

        for (String page : List.of("", "/about-you", "/trusted-adult", "/equality", "/check")) {
            int status = get("/experts-by-experience/application" + page, cookie).statusCode();
            assertTrue(status == 200 || status == 303, page + " answered " + status);
        }
        HttpResponse<String> aboutYou = get("/experts-by-experience/application/about-you", cookie);
        assertTrue(aboutYou.body().contains("value=\"31\""), "the day as typed");
        HttpResponse<String> send = postWithToken("/experts-by-experience/application/check", cookie, false);
        assertEquals(422, send.statusCode());
        assertTrue(send.body().contains("Date of birth must be a real date"), send.body());
    }

    /** Posts the page's autosave with the page's CSRF token. */
    private HttpResponse<String> postWithToken(String page, String draftCookie, String... fields) throws Exception {
        return postWithToken(page, draftCookie, true, fields);
    }

    private HttpResponse<String> postWithToken(String page, String draftCookie, boolean autosave, String... fields)
            throws Exception {
        String csrf = token(page, draftCookie);
        String[] all = new String[fields.length + 2];
        all[0] = "csrfToken";
        all[1] = csrf;
        System.arraycopy(fields, 0, all, 2, fields.length);
        return post(autosave ? page + "/autosave" : page, draftCookie + "; csrf=" + csrf, form(all));
    }

    private String token(String page, String cookies) throws Exception {
        HttpResponse<String> shown = get(page, cookies);
        Matcher token = CSRF.matcher(shown.body());
        assertTrue(token.find(), "a CSRF field on " + page + " (" + shown.statusCode() + ")");
        return token.group(1);
    }

    private static String form(String... pairs) {
        return java.util.stream.IntStream.range(0, pairs.length / 2)
                .mapToObj(i -> URLEncoder.encode(pairs[2 * i], StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(pairs[2 * i + 1], StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> get(String path, String cookies) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookies, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
