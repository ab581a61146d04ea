package org.carereview.consult.web;

import org.carereview.consult.db.ExpectedNoise;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.notifications.Dispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Planted markers (an email address, a name, a phone number and a made-up word) go through every public
 * journey (API and pages, accepted and refused), every staff action and the background jobs, while every
 * log event at the production level (INFO), the access log's included, is captured with its stack trace; none may
 * hold a marker.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoPersonalDataInLogsTest implements TestPropertyProvider {

    static final String ADMIN = "logs.admin@example.org";
    static final String PASSWORD = "a logs test password";
    static final String EMAIL = "plnt.zq7@example.org";
    static final String NAME = "Quillon Zebrafeather";
    static final String PHONE = "07700 900417";
    static final String WORD = "zqsevenplanted";
    static final String PLAIN = "My name is " + NAME + ", ring " + PHONE + " or " + EMAIL + ". " + WORD
            + " is what we call the bus to school";
    /** With a disclosure, so the safeguarding screening and the lead's paths run too. */
    static final String TEXT = PLAIN + ". My foster carer hits me and I am scared to go home";

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    AccountService accounts;
    @Inject
    Dispatcher dispatcher;
    @Inject
    DataSource dataSource;

    private final List<String> refusedBy = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD);
    }

    @ExpectedNoise("refusals and a database error, to see what is logged")
    @Test
    void noMarkerSentThroughAnyJourneyOrStaffActionReachesTheLog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level was = root.getLevel();
        Logger embedded = (Logger) LoggerFactory.getLogger("io.zonky");
        Level embeddedWas = embedded.getLevel();
        embedded.setLevel(Level.WARN); // as logback.xml has it: the test database's server log is not the app's
        Logger access = (Logger) LoggerFactory.getLogger("org.carereview.consult.access");
        Level accessWas = access.getLevel();
        access.setLevel(Level.INFO); // as logback.xml has it: one line per request
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.INFO);
        try {
            LoggerFactory.getLogger(NoPersonalDataInLogsTest.class).info("self-check {}", WORD);
            assertTrue(leaks(captured).size() == 1, "the capture sees a marker when one is logged");
            captured.list.clear();

            String admin = token(ADMIN);
            publicApi();
            String applicationId = application();
            staffActions(admin, applicationId);
            pages();
            dispatcher.dispatchDue();
            aDatabaseErrorNamesTheRuleNotTheRow();
            // Last, as a person who asked would: everything about the planted address erased.
            send(HttpRequest.POST("/api/v1/admin/erasure", Map.of("email", EMAIL)).bearerAuth(admin));
        } finally {
            root.detachAppender(captured);
            root.setLevel(was);
            embedded.setLevel(embeddedWas);
            access.setLevel(accessWas);
        }
        List<String> leaks = leaks(captured);
        assertTrue(captured.list.size() > 0, "nothing was logged at all: the capture is not working");
        assertTrue(leaks.isEmpty(), leaks.size() + " log events hold a planted marker:\n" + String.join("\n\n", leaks));
    }

    private void publicApi() {
        Map<String, Object> advice = new HashMap<>();
        advice.put("respondentType", "CARE_EXPERIENCED");
        advice.put("keyQuestions", TEXT);
        advice.put("engagementAdvice", NAME);
        advice.put("themes", List.of("SAFETY"));
        advice.put("contactEmail", EMAIL);
        advice.put("consentToContact", true);
        advice.put("consentToPublish", true);
        Map<String, Object> sent = send(HttpRequest.POST("/api/v1/call-for-advice/submissions", advice)
                .header("Idempotency-Key", WORD + "-1"));
        assertTrue(String.valueOf(sent.get("reference")).startsWith("CFA-"), "the advice was sent: " + refusedBy);
        Map<String, Object> changed = new HashMap<>(advice);
        changed.put("resources", WORD);
        send(HttpRequest.POST("/api/v1/call-for-advice/submissions", changed).header("Idempotency-Key", WORD + "-1"));
        Map<String, Object> refused = new HashMap<>(advice);
        refused.put("contactEmail", EMAIL + "@" + WORD);
        refused.put("respondentType", WORD);
        refused.put("keyQuestions", TEXT.repeat(400));
        send(HttpRequest.POST("/api/v1/call-for-advice/submissions", refused));
        send(HttpRequest.POST("/api/v1/call-for-advice/submissions", "{\"keyQuestions\": \"" + TEXT + "\", \"themes\": [")
                .contentType(MediaType.APPLICATION_JSON));
        send(HttpRequest.POST("/api/v1/auth/magic-link", Map.of("email", EMAIL)));
        send(HttpRequest.POST("/api/v1/auth/magic-link", Map.of("email", WORD + "@" + WORD)));
        send(HttpRequest.POST("/api/v1/auth/magic-link/redeem", Map.of("token", WORD)));
        send(HttpRequest.POST("/api/v1/auth/login", Map.of("email", EMAIL, "password", WORD)));
        send(HttpRequest.POST("/api/v1/auth/login", Map.of("email", ADMIN, "password", WORD)));
        send(HttpRequest.GET("/api/v1/call-for-advice/submissions/" + WORD));
        send(HttpRequest.GET("/" + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8) + "?q=" + WORD));
    }

    private String application() {
        Map<String, Object> body = new HashMap<>();
        body.put("experiences", List.of("IN_CARE"));
        body.put("name", NAME);
        body.put("preferredName", WORD);
        body.put("dateOfBirth", "2012-03-04");
        body.put("region", "LONDON");
        body.put("email", EMAIL);
        body.put("phone", PHONE);
        body.put("trustedAdult", Map.of("name", NAME + " senior", "relationship", WORD, "email", "adult." + EMAIL));
        body.put("experienceStory", PLAIN);
        body.put("motivation", WORD);
        body.put("accessNeeds", WORD + " needs");
        body.put("supportNeeds", WORD + " support");
        body.put("equality", Map.of("ethnicity", WORD));
        body.put("consents", Map.of("dataUse", true, "contactTrustedAdult", true));
        Map<String, Object> created = send(HttpRequest.POST("/api/v1/experts-by-experience/applications", body));
        assertTrue(created.containsKey("id"), "the application was sent: " + refusedBy);
        Map<String, Object> noAdult = new HashMap<>(body);
        noAdult.remove("trustedAdult");
        noAdult.put("dateOfBirth", WORD);
        send(HttpRequest.POST("/api/v1/experts-by-experience/applications", noAdult));
        return String.valueOf(created.get("id"));
    }

    private void staffActions(String admin, String applicationId) {
        accounts.createStaff("logs.reviewer@example.org", Role.REVIEWER, PASSWORD);
        String reviewer = token("logs.reviewer@example.org");
        send(HttpRequest.POST("/api/v1/admin/staff", Map.of("email", EMAIL, "role", "REVIEWER")).bearerAuth(admin));
        send(HttpRequest.POST("/api/v1/admin/staff", Map.of("email", EMAIL, "role", "REVIEWER")).bearerAuth(admin));
        send(HttpRequest.POST("/api/v1/admin/staff", Map.of("email", WORD, "role", WORD)).bearerAuth(admin));

        Map<String, Object> link = send(HttpRequest.POST("/api/v1/deep-dives/areas/camden/links", Map.of()).bearerAuth(admin));
        Map<String, Object> feedback = Map.of("participantType", "CARE_EXPERIENCED_YOUNG_PERSON", "whatWorks", PLAIN,
                "whatNeedsToChange", NAME);
        assertTrue(send(HttpRequest.POST("/api/v1/deep-dives/links/" + link.get("token") + "/feedback", feedback))
                .containsKey("reference"), "the feedback was sent: " + refusedBy);
        send(HttpRequest.POST("/api/v1/deep-dives/links/" + WORD + "/feedback", feedback));
        send(HttpRequest.POST("/api/v1/deep-dives/areas/camden/feedback", feedback).bearerAuth(admin));
        send(HttpRequest.POST("/api/v1/deep-dives/areas/camden/feedback", Map.of("participantType", WORD,
                "whatWorks", TEXT)).bearerAuth(admin));

        for (String token : List.of(admin, reviewer)) {
            send(HttpRequest.GET("/api/v1/triage/submissions?limit=50&q=" + WORD).bearerAuth(token));
            send(HttpRequest.GET("/api/v1/triage/submissions?q=" + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8))
                    .bearerAuth(token));
            List<Object> items = new ArrayList<>();
            for (String filter : List.of("", "&safeguarding=true")) {
                Object found = send(HttpRequest.GET("/api/v1/triage/submissions?limit=50" + filter).bearerAuth(token))
                        .get("items");
                items.addAll(found instanceof List<?> rows ? rows : List.of());
            }
            assertTrue(items.size() >= (token.equals(admin) ? 3 : 1), "the lists show what was sent: " + items);
            if (!items.isEmpty()) {
                List<?> rows = items;
                for (Object row : rows) {
                    String id = String.valueOf(((Map<?, ?>) row).get("id"));
                    send(HttpRequest.GET("/api/v1/triage/submissions/" + id).bearerAuth(token));
                    send(HttpRequest.PATCH("/api/v1/triage/submissions/" + id, Map.of("status", "IN_REVIEW")).bearerAuth(token));
                    send(HttpRequest.PATCH("/api/v1/triage/submissions/" + id, Map.of("status", WORD)).bearerAuth(token));
                    send(HttpRequest.POST("/api/v1/triage/submissions/" + id + "/notes", Map.of("text", TEXT)).bearerAuth(token));
                }
            }
            send(HttpRequest.GET("/api/v1/triage/export.csv?q=" + WORD).bearerAuth(token));
        }
        send(HttpRequest.GET("/api/v1/experts-by-experience/applications/" + applicationId).bearerAuth(admin));
        send(HttpRequest.GET("/api/v1/experts-by-experience/scoring").bearerAuth(reviewer));
        send(HttpRequest.GET("/api/v1/experts-by-experience/scoring/export.csv").bearerAuth(reviewer));
        send(HttpRequest.POST("/api/v1/experts-by-experience/applications/" + applicationId + "/scores",
                Map.of("criteria", Map.of("experience", 4, "motivation", 5, "perspective", 3, "commitment", 4),
                        "comment", TEXT)).bearerAuth(reviewer));
        send(HttpRequest.POST("/api/v1/experts-by-experience/applications/" + applicationId + "/decision",
                Map.of("outcome", "SELECTED", "note", TEXT)).bearerAuth(admin));
        send(HttpRequest.PATCH("/api/v1/experts-by-experience/members/" + applicationId,
                Map.of("status", "PAUSED", "effectiveDate", "2027-03-01", "reason", TEXT)).bearerAuth(admin));
        send(HttpRequest.PATCH("/api/v1/experts-by-experience/members/" + applicationId,
                Map.of("status", WORD, "effectiveDate", WORD, "reason", TEXT)).bearerAuth(admin));
        send(HttpRequest.GET("/api/v1/experts-by-experience/members").bearerAuth(admin));
        send(HttpRequest.GET("/api/v1/admin/audit?actor=" + EMAIL + "&record=" + WORD).bearerAuth(admin));
        send(HttpRequest.POST("/api/v1/admin/subject-access", Map.of("email", EMAIL)).bearerAuth(admin));
        send(HttpRequest.POST("/api/v1/admin/erasure", Map.of("reference", WORD)).bearerAuth(admin));
        send(HttpRequest.POST("/api/v1/admin/erasure", Map.of("email", EMAIL + "@" + WORD)).bearerAuth(admin));
    }

    private void pages() {
        try (BrowserContext contributor = Browser.get().newContext(); BrowserContext staff = Browser.get().newContext()) {
            Page page = contributor.newPage();
            String token = csrf(page, "/sign-in");
            post(page, "/sign-in", FormData.create().set("csrfToken", token).set("email", EMAIL));
            post(page, "/sign-in", FormData.create().set("csrfToken", WORD).set("email", EMAIL));
            String staffForm = java.net.URLEncoder.encode(csrf(page, "/staff/sign-in"), java.nio.charset.StandardCharsets.UTF_8);
            com.microsoft.playwright.APIResponse broken = page.request().post(server.getURL() + "/staff/sign-in",
                    RequestOptions.create().setHeader("Content-Type", "application/x-www-form-urlencoded")
                            .setData("csrfToken=" + staffForm + "&email=" + EMAIL + "%zz&password=" + WORD + "%")
                            .setMaxRedirects(0));
            assertEquals(400, broken.status(), "a broken percent-encoding is the sender's mistake: " + broken.text());
            String advice = csrf(page, "/call-for-advice");
            post(page, "/call-for-advice/start", FormData.create().set("csrfToken", advice));
            post(page, "/call-for-advice/contact", FormData.create().set("csrfToken", advice).set("contactEmail", EMAIL));
            post(page, "/call-for-advice/contact", FormData.create().set("csrfToken", advice).set("contactEmail", WORD));
            post(page, "/call-for-advice/saved/email", FormData.create().set("csrfToken", advice).set("email", EMAIL));
            post(page, "/call-for-advice/autosave", FormData.create().set("csrfToken", advice).set("keyQuestions", TEXT));
            String apply = csrf(page, "/experts-by-experience");
            post(page, "/experts-by-experience/start", FormData.create().set("csrfToken", apply));
            post(page, "/experts-by-experience/application/about-you", FormData.create().set("csrfToken", apply)
                    .set("name", NAME).set("dateOfBirthDay", "31").set("dateOfBirthMonth", "2")
                    .set("dateOfBirthYear", WORD).set("region", WORD).set("email", EMAIL).set("phone", PHONE));

            Page console = staff.newPage();
            Browser.signInAsStaff(console, server.getURL(), ADMIN, PASSWORD);
            console.navigate(server.getURL() + "/staff/triage?q=" + WORD);
            console.navigate(server.getURL() + "/staff/triage?q=" + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8));
            String staffToken = csrf(console, "/staff/admin/staff");
            post(console, "/staff/admin/staff/invite", FormData.create().set("csrfToken", staffToken)
                    .set("email", "page." + EMAIL).set("role", "REVIEWER"));
            post(console, "/staff/admin/staff/invite", FormData.create().set("csrfToken", staffToken)
                    .set("email", WORD).set("role", WORD));
            console.navigate(server.getURL() + "/staff/admin/audit?actor=" + EMAIL + "&record=" + WORD);
            post(console, "/staff/sign-in", FormData.create().set("csrfToken", WORD).set("email", EMAIL)
                    .set("password", WORD));
        }
    }

    /** A refused row is logged as an unexpected error would be: PostgreSQL must not quote the row back. */
    private void aDatabaseErrorNamesTheRuleNotTheRow() {
        try {
            TestSql.execute(dataSource, "INSERT INTO submission (kind, reference, submitted_at, created_at, updated_at)"
                    + " VALUES ('CALL_FOR_ADVICE', ?, now(), now(), now())", EMAIL + " " + WORD);
            throw new AssertionError("the reference check let a malformed reference in");
        } catch (IllegalStateException refused) {
            LoggerFactory.getLogger(NoPersonalDataInLogsTest.class).error("Unexpected error occurred: {}",
                    refused.getCause().getMessage(), refused.getCause());
        }
    }

    private String csrf(Page page, String path) {
        page.navigate(server.getURL() + path);
        return page.locator("input[name=csrfToken]").first().inputValue();
    }

    private void post(Page page, String path, FormData form) {
        page.request().post(server.getURL() + path, RequestOptions.create().setForm(form).setMaxRedirects(0));
    }

    /** Sends a request; a refusal is expected for half of them, so its status is not this test's concern. */
    private Map<String, Object> send(MutableHttpRequest<?> request) {
        try {
            Map<String, Object> body = http.toBlocking().retrieve(request, Argument.mapOf(String.class, Object.class));
            return body == null ? Map.of() : body;
        } catch (HttpClientResponseException e) {
            refusedBy.add(request.getPath() + " " + e.getStatus().getCode());
            return Map.of();
        } catch (RuntimeException e) {
            refusedBy.add(request.getPath() + " " + e.getClass().getSimpleName());
            return Map.of();
        }
    }

    private String token(String email) {
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/login",
                Map.of("email", email, "password", PASSWORD)), Map.class).get("accessToken");
    }

    private static List<String> leaks(ListAppender<ILoggingEvent> captured) {
        List<String> markers = List.of(EMAIL, URLEncoder.encode(EMAIL, StandardCharsets.UTF_8), "plnt.zq7", NAME,
                "Zebrafeather", PHONE, PHONE.replace(" ", ""), "900417", WORD);
        List<String> leaks = new ArrayList<>();
        List<ILoggingEvent> events;
        synchronized (captured) {
            events = List.copyOf(captured.list);
        }
        for (ILoggingEvent event : events) {
            String text = event.getLoggerName() + " " + event.getFormattedMessage() + " " + event.getMDCPropertyMap()
                    + (event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()));
            String lower = text.toLowerCase(Locale.ROOT);
            if (markers.stream().anyMatch(m -> lower.contains(m.toLowerCase(Locale.ROOT)))) {
                leaks.add(event.getLevel() + " " + (text.length() > 1500 ? text.substring(0, 1500) + "..." : text));
            }
        }
        return leaks;
    }
}
