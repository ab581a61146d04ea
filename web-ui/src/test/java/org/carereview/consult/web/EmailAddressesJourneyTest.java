package org.carereview.consult.web;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.db.UnusualEmailAddresses;
import org.carereview.consult.db.UnusualEmailAddresses.Address;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every field that takes an email address, on the API and on the pages, given every address of the shared list
 * of unusual ones: an address is either accepted and its email queued in the outbox, or refused with a 422 that
 * names the field; never a 5xx (an address the outbox refuses would roll back what was sent with it). The sweep
 * goes over HTTP; a browser checks a few pages show the message and keep what was typed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailAddressesJourneyTest implements FreshDatabase {

    static final String ADMIN = "addresses.admin@example.org";
    static final String PASSWORD = "an addresses admin password";
    static final String MESSAGE = "Enter an email address in the correct format, like name@example.com";

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    String adminToken;
    BrowserContext contributor;
    Page contributorPage;
    BrowserContext staff;
    Page staffPage;
    final List<String> failures = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD));
        properties.put("consult.rate-limit-per-minute", "0");
        return properties;
    }

    @BeforeAll
    void signIn() {
        adminToken = (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/login",
                Map.of("email", ADMIN, "password", PASSWORD)), Argument.mapOf(String.class, Object.class)).get("accessToken");
        contributor = Browser.get().newContext();
        contributorPage = contributor.newPage();
        staff = Browser.get().newContext();
        staffPage = staff.newPage();
        Browser.signInAsStaff(staffPage, server.getURL(), ADMIN, PASSWORD);
    }

    @AfterAll
    void closeBrowsers() {
        contributor.close();
        staff.close();
    }

    /**
     * The message a refusal shows: the format message, except that the application's text checks find a
     * control character first and say so.
     */
    private static boolean explains(String body, Address a) {
        return body.contains(MESSAGE) || a.typed().chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                && body.contains("hidden control character");
    }

    @BeforeEach
    void noFailuresYet() {
        failures.clear();
    }

    private static String stored(Address a) {
        return a.typed().strip().toLowerCase(Locale.ROOT);
    }

    private long queued(String template, Address a) {
        return TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE template = ? AND recipient = ?",
                template, stored(a));
    }

    // ---- the API ----

    /** Sends one JSON request; answers its status and body, whatever the status. */
    private Map.Entry<Integer, String> api(MutableHttpRequest<?> request) {
        try {
            HttpResponse<String> response = http.toBlocking().exchange(request, String.class);
            return Map.entry(response.code(), response.getBody().orElse(""));
        } catch (HttpClientResponseException e) {
            return Map.entry(e.code(), e.getResponse().getBody(String.class).orElse(""));
        }
    }

    /**
     * Checks one API field over the whole list: accepted (the expected status, and a message queued to the
     * stored address if {@code template} is given) or 422 naming {@code field}.
     */
    private void sweepApi(String what, String field, int accepted, String template,
                          Function<String, MutableHttpRequest<?>> request) {
        for (Address a : UnusualEmailAddresses.all()) {
            long before = template == null || !a.accepted() ? 0 : queued(template, a);
            Map.Entry<Integer, String> answer = api(request.apply(a.typed()));
            int status = answer.getKey();
            String body = answer.getValue();
            if (status >= 500) {
                failures.add(what + ": " + status + " for " + a.shown());
            } else if (a.accepted()) {
                if (status != accepted) {
                    failures.add(what + ": " + status + " (not " + accepted + ") for accepted " + a.shown() + " " + body);
                } else if (template != null && queued(template, a) != before + 1) {
                    failures.add(what + ": no " + template + " queued for " + a.shown());
                }
            } else if (status != 422 || !body.contains("\"" + field + "\"") || !explains(body, a)) {
                failures.add(what + ": " + status + " for refused " + a.shown() + " " + body);
            }
        }
    }

    private static Map<String, Object> application(String email, Map<String, Object> trustedAdult) {
        Map<String, Object> body = new HashMap<>();
        body.put("experiences", List.of("KINSHIP_CARE"));
        body.put("name", "Perpetua Hollowbrook");
        body.put("dateOfBirth", "2004-02-11");
        body.put("region", "SOUTH_WEST");
        if (email != null) {
            body.put("email", email);
        }
        body.put("phone", "07700 900 321");
        if (trustedAdult != null) {
            body.put("trustedAdult", trustedAdult);
        }
        body.put("experienceStory", "My nan brought me up after my mum became ill.");
        body.put("motivation", "Kinship carers need the same support foster carers get.");
        body.put("consents", Map.of("dataUse", true));
        return body;
    }

    @Test
    void everyApiFieldThatTakesAnAddressAcceptsAndQueuesItOrRefusesItNamingTheField() {
        sweepApi("advice contactEmail", "contactEmail", 201, "advice-receipt", email -> {
            Map<String, Object> body = new HashMap<>();
            body.put("respondentType", "CARE_EXPERIENCED");
            body.put("keyQuestions", "Why do children move so often?");
            body.put("themes", List.of("CARE"));
            body.put("contactEmail", email);
            body.put("consentToContact", true);
            body.put("consentToPublish", false);
            return HttpRequest.POST("/api/v1/call-for-advice/submissions", body).header("Idempotency-Key",
                    UUID.randomUUID().toString());
        });
        sweepApi("application email", "email", 201, "ebe-receipt",
                email -> HttpRequest.POST("/api/v1/experts-by-experience/applications", application(email, null)));
        sweepApi("application trustedAdult.email", "trustedAdult.email", 201, null,
                email -> HttpRequest.POST("/api/v1/experts-by-experience/applications", application(null,
                        Map.of("name", "Sam Hollowbrook", "relationship", "Aunt", "email", email))));
        sweepApi("magic link", "email", 202, "sign-in-link",
                email -> HttpRequest.POST("/api/v1/auth/magic-link", Map.of("email", email)));
        sweepApi("staff invitation", "email", 201, "staff-invitation",
                email -> HttpRequest.POST("/api/v1/admin/staff", Map.of("email", email, "role", "REVIEWER"))
                        .bearerAuth(adminToken));
        assertTrue(failures.isEmpty(), failures.size() + " wrong answers:\n" + String.join("\n", failures));
    }

    // ---- the pages, over HTTP with the CSRF token ----

    private String csrf(Page page, String path) {
        page.navigate(server.getURL() + path);
        return page.locator("input[name=csrfToken]").first().inputValue();
    }

    private APIResponse post(Page page, String path, FormData form) {
        return page.request().post(server.getURL() + path, RequestOptions.create().setForm(form).setMaxRedirects(0));
    }

    /**
     * Checks one page field over the whole list: accepted (any status below 400 other than a page naming the
     * field, and a message queued if {@code template} is given) or 422 with the message linked to the field.
     */
    private void sweepPage(Page page, String what, String fieldId, String template, Function<String, APIResponse> send) {
        for (Address a : UnusualEmailAddresses.all()) {
            long before = template == null || !a.accepted() ? 0 : queued(template, a);
            APIResponse response = send.apply(a.typed());
            int status = response.status();
            String body = response.text();
            boolean namesField = body.contains("href=\"#" + fieldId + "\"") && explains(body, a);
            if (status >= 500) {
                failures.add(what + ": " + status + " for " + a.shown());
            } else if (a.accepted()) {
                if (status >= 400 && !(status == 422 && !namesField)) {
                    failures.add(what + ": " + status + " for accepted " + a.shown());
                } else if (template != null && queued(template, a) != before + 1) {
                    failures.add(what + ": no " + template + " queued for " + a.shown());
                }
            } else if (status != 422 || !namesField) {
                failures.add(what + ": " + status + " for refused " + a.shown());
            }
        }
    }

    @Test
    void everyPageFieldThatTakesAnAddressAcceptsAndQueuesItOrRefusesItNamingTheField() {
        Page page = contributorPage;
        String token = csrf(page, "/sign-in");
        sweepPage(page, "sign-in page", "email", "sign-in-link",
                email -> post(page, "/sign-in", FormData.create().set("csrfToken", token).set("email", email)));

        String adviceToken = csrf(page, "/call-for-advice");
        assertTrue(post(page, "/call-for-advice/start", FormData.create().set("csrfToken", adviceToken)).status() < 400);
        sweepPage(page, "advice contact page", "contactEmail", null,
                email -> post(page, "/call-for-advice/contact", FormData.create().set("csrfToken", adviceToken)
                        .set("contactEmail", email)));
        sweepPage(page, "advice email-me-a-link page", "email", "advice-draft-link",
                email -> post(page, "/call-for-advice/saved/email", FormData.create().set("csrfToken", adviceToken)
                        .set("email", email)));

        String applyToken = csrf(page, "/experts-by-experience");
        assertTrue(post(page, "/experts-by-experience/start", FormData.create().set("csrfToken", applyToken)).status() < 400);
        sweepPage(page, "application about-you page", "email", null,
                email -> post(page, "/experts-by-experience/application/about-you", FormData.create()
                        .set("csrfToken", applyToken).set("name", "Perpetua Hollowbrook").set("dateOfBirthDay", "11")
                        .set("dateOfBirthMonth", "2").set("dateOfBirthYear", "2004").set("region", "SOUTH_WEST")
                        .set("email", email)));
        sweepPage(page, "application trusted-adult page", "trustedAdultEmail", null,
                email -> post(page, "/experts-by-experience/application/trusted-adult", FormData.create()
                        .set("csrfToken", applyToken).set("trustedAdultName", "Sam Hollowbrook")
                        .set("trustedAdultRelationship", "Aunt").set("trustedAdultEmail", email)));
        sweepPage(page, "application email-me-a-link page", "email", "application-draft-link",
                email -> post(page, "/experts-by-experience/saved/email", FormData.create().set("csrfToken", applyToken)
                        .set("email", email)));

        String staffToken = csrf(staffPage, "/staff/admin/staff");
        sweepPage(staffPage, "staff invitation page", "email", "staff-invitation",
                email -> post(staffPage, "/staff/admin/staff/invite", FormData.create().set("csrfToken", staffToken)
                        .set("email", email).set("role", "REVIEWER")));
        assertTrue(failures.isEmpty(), failures.size() + " wrong answers:\n" + String.join("\n", failures));
    }

    // ---- a few pages in the browser ----

    private void assertRefusedKeepingWhatWasTyped(Page page, String label, String typed) {
        assertTrue(page.title().startsWith("Error: "), page.title());
        assertTrue(page.locator(".govuk-error-summary").textContent().contains(MESSAGE));
        assertTrue(page.locator(".govuk-error-message").first().textContent().contains(MESSAGE));
        assertEquals(typed, page.getByLabel(label).first().inputValue());
        Browser.assertAccessible(page);
    }

    @Test
    void thePagesShowTheMessageAndKeepWhatWasTyped() {
        BrowserContext context = Browser.get().newContext();
        try {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/sign-in");
            page.getByLabel("Email address").fill("jo..smith@example.org");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link")).click();
            assertRefusedKeepingWhatWasTyped(page, "Email address", "jo..smith@example.org");

            String token = csrf(page, "/call-for-advice");
            post(page, "/call-for-advice/start", FormData.create().set("csrfToken", token));
            page.navigate(server.getURL() + "/call-for-advice/contact");
            page.locator("input[name=contactEmail]").fill("jo,smith@example.org");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
            assertTrue(page.title().startsWith("Error: "), page.title());
            assertTrue(page.locator(".govuk-error-summary a[href='#contactEmail']").textContent().contains(MESSAGE));
            assertEquals("jo,smith@example.org", page.locator("input[name=contactEmail]").inputValue());
            Browser.assertAccessible(page);
        } finally {
            context.close();
        }

        staffPage.navigate(server.getURL() + "/staff/admin/staff");
        staffPage.locator("input[name=email]").fill("jo@exa_mple.org");
        staffPage.locator("input[name=role][value=REVIEWER]").check();
        staffPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation")).click();
        assertTrue(staffPage.title().startsWith("Error: "), staffPage.title());
        assertEquals("jo@exa_mple.org", staffPage.locator("input[name=email]").inputValue());
        assertTrue(staffPage.locator(".govuk-error-summary").textContent().contains(MESSAGE));
    }

    // ---- a quarantined submission stored before addresses were checked as the outbox checks them ----

    @Test
    void aQuarantinedSubmissionWithAnAddressTheOutboxRefusesIsReleasedWithoutItsReceipt() {
        Map<String, Object> sent = AdviceApi.send(http, "Why do children move so often?", List.of("CARE"),
                "held.back@example.org");
        String id = (String) sent.get("id");
        // As a submission kept before the fix would be: quarantined, with an address the mailer refuses.
        TestSql.execute(dataSource, "UPDATE submission SET status = 'QUARANTINED', quarantine_reason = 'HONEYPOT' "
                + "WHERE id = ?::uuid", id);
        TestSql.execute(dataSource, "UPDATE advice_submission SET contact_email = 'jo..smith@example.org' "
                + "WHERE submission_id = ?::uuid", id);

        Map.Entry<Integer, String> released = api(HttpRequest.POST("/api/v1/triage/submissions/" + id + "/release", "")
                .bearerAuth(adminToken));

        assertTrue(released.getKey() < 300, released.getKey() + " " + released.getValue());
        assertEquals(List.of("NEW"), TestSql.column(dataSource, "SELECT status FROM submission WHERE id = ?::uuid", id));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE recipient = ?",
                "jo..smith@example.org"));
        List<String> detail = TestSql.column(dataSource, "SELECT detail FROM audit_event WHERE submission_id = ?::uuid "
                + "AND action = 'RELEASE'", id);
        assertEquals(1, detail.size());
        assertFalse(detail.get(0).contains("jo..smith"), detail.get(0));
        assertTrue(detail.get(0).contains("receipt not sent"), detail.get(0));
    }
}
