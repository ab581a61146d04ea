package org.carereview.consult.web;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.notifications.Dispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person who sent advice with their email signs in with an emailed link, sees what they sent and withdraws it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YourSubmissionsJourneyTest implements FreshDatabase {

    @RegisterExtension
    static final TestMail mail = new TestMail();

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Dispatcher dispatcher;

    @Inject
    org.carereview.consult.experts.Decisions decisions;

    @Inject
    DataSource dataSource;

    /** A fresh browser context and page for each test, closed after it. */
    @RegisterExtension
    final BrowserPage browser = new BrowserPage();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.putAll(mail.properties());
        return properties;
    }

    private Page page() {
        return browser.page();
    }

    @Test
    void aPersonSignsInWithAnEmailedLinkSeesWhatTheySentAndWithdrawsIt() throws Exception {
        String email = "journey.person@example.org";
        Map<String, Object> receipt = sendAdvice(email);
        String reference = (String) receipt.get("reference");
        String sentOn = DATE.format(Instant.parse((String) receipt.get("submittedAt")));

        page().navigate(server.getURL() + "/your-submissions");
        assertEquals(server.getURL() + "/sign-in", page().url(), "not signed in: sent to the sign-in page");
        assertEquals("Sign in to see what you have sent", heading());
        Browser.assertAccessible(page());

        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link")).click();
        assertTrue(page().title().startsWith("Error: "), page().title());
        assertTrue(page().locator(".govuk-error-summary").textContent().contains("Enter your email address"));
        Browser.assertAccessible(page());

        page().getByLabel("Email address").fill("Journey.Person@Example.org");
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link")).click();
        assertEquals(server.getURL() + "/sign-in/check-your-email", page().url());
        assertEquals("Check your email", heading());
        assertTrue(Browser.html(page()).contains("15 minutes"));
        Browser.assertAccessible(page());

        String token = TestSql.lastLinkToken(dataSource, "sign-in-link", email);
        dispatcher.dispatchDue();
        assertTrue(List.of(mail.getReceivedMessages()).stream().map(GreenMailUtil::getBody)
                .anyMatch(body -> body.contains("/sign-in/" + token)), "the link was emailed");

        page().navigate(server.getURL() + "/sign-in/" + token);
        Browser.assertAccessible(page());
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertEquals(server.getURL() + "/your-submissions", page().url());
        assertEquals("Your submissions", heading());
        String row = page().locator("tbody tr").first().textContent();
        for (String expected : List.of(reference, "Advice to the review", sentOn, "Received")) {
            assertTrue(row.contains(expected), expected + " in " + row);
        }
        Browser.assertAccessible(page());

        page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
        assertEquals(server.getURL() + "/your-submissions/" + receipt.get("id"), page().url());
        String answers = page().locator("main").textContent();
        for (String expected : List.of("Why do children move home so often?", "I am care-experienced", "Care", sentOn)) {
            assertTrue(answers.contains(expected), expected);
        }
        Browser.assertAccessible(page());

        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw")).click();
        assertEquals("Are you sure you want to withdraw " + reference + "?", heading());
        assertTrue(page().locator("main").textContent().contains("We keep only the reference and the date you withdrew it"));
        Browser.assertAccessible(page());

        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, withdraw it")).click();
        assertTrue(page().url().startsWith(server.getURL() + "/your-submissions?withdrawn="), page().url());
        assertTrue(page().locator(".govuk-notification-banner--success").textContent()
                .contains("You have withdrawn " + reference));
        assertTrue(page().locator("tbody tr").first().textContent().contains("Withdrawn"));
        Browser.assertAccessible(page());

        page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
        String tombstone = page().locator("main").textContent();
        assertTrue(tombstone.contains(reference));
        assertTrue(tombstone.contains("Withdrawn on " + DATE.format(Instant.now())), tombstone);
        assertFalse(tombstone.contains("Why do children move home so often?"), "the answers are gone");
        assertEquals(0, page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw")).count());
        Browser.assertAccessible(page());

        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM advice_submission WHERE submission_id = ?::uuid "
                + "AND key_questions IS NULL AND respondent_type IS NULL AND contact_email IS NULL", receipt.get("id")));
    }

    @Test
    void aUsedLinkShowsAFriendlyExpiredPageWithAWayToGetANewOne() {
        String email = "used.twice@example.org";
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/magic-link", Map.of("email", email)));
        String token = TestSql.lastLinkToken(dataSource, "sign-in-link", email);
        page().navigate(server.getURL() + "/sign-in/" + token);
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertEquals(server.getURL() + "/your-submissions", page().url());
        assertTrue(Browser.html(page()).contains("You have not sent anything with this email address"));
        Browser.assertAccessible(page());

        Response again = page().navigate(server.getURL() + "/sign-in/" + token);
        assertEquals(404, again.status());
        assertEquals("This link has expired", heading());
        Browser.assertAccessible(page());
        page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ask for a new link")).click();
        assertEquals(server.getURL() + "/your-submissions", page().url(), "already signed in: straight to the list");

        assertEquals(404, page().navigate(server.getURL() + "/sign-in/not-a-real-token").status());
    }

    @Test
    void someoneElsesSubmissionIsPageNotFoundAndCannotBeWithdrawn() {
        String theirs = (String) sendAdvice("someone.else@example.org").get("id");
        signInInBrowser("nosy.person@example.org");

        Response response = page().navigate(server.getURL() + "/your-submissions/" + theirs);
        assertEquals(404, response.status());
        assertTrue(page().title().contains("Page not found"), page().title());
        Browser.assertAccessible(page());
        assertEquals(404, page().navigate(server.getURL() + "/your-submissions/" + theirs + "/withdraw").status());
        assertEquals(404, page().navigate(server.getURL() + "/your-submissions/not-an-id").status());

        String csrf = page().locator("input[name=csrfToken]").first().inputValue();
        APIResponse post = page().request().post(server.getURL() + "/your-submissions/" + theirs + "/withdraw",
                RequestOptions.create().setForm(FormData.create().set("csrfToken", csrf)).setMaxRedirects(0));
        assertEquals(404, post.status());
        assertEquals(List.of("NEW"), TestSql.column(dataSource, "SELECT status FROM submission WHERE id = ?::uuid", theirs));
    }

    @Test
    void anApplicantSeesWhereTheirApplicationStandsInTheList() {
        String email = "applicant.list@example.org";
        Map<String, Object> body = new HashMap<>();
        body.put("experiences", List.of("CARE_LEAVER"));
        body.put("name", "Jordan Example");
        body.put("dateOfBirth", "2005-05-14");
        body.put("region", "NORTH_WEST");
        body.put("email", email);
        body.put("experienceStory", "I lived in three foster homes.");
        body.put("motivation", "I want the review to hear what moving schools felt like.");
        body.put("availability", "Weekends");
        body.put("consents", Map.of("dataUse", true));
        Map<String, Object> receipt = http.toBlocking().retrieve(HttpRequest.POST(
                "/api/v1/experts-by-experience/applications", body), Argument.mapOf(String.class, Object.class));
        decisions.decide(java.util.UUID.fromString((String) receipt.get("id")), "SHORTLISTED", null, null);

        signInInBrowser(email);

        String row = page().locator("tr", new Page.LocatorOptions().setHasText((String) receipt.get("reference")))
                .textContent();
        assertTrue(row.contains("Application to join the Experts by Experience group"), row);
        assertTrue(row.contains("Shortlisted: we will contact you about the next step"), row);
        Browser.assertAccessible(page());
    }


    private Map<String, Object> sendAdvice(String email) {
        return AdviceApi.send(http, "Why do children move home so often?", List.of("CARE"), email);
    }

    private void signInInBrowser(String email) {
        page().navigate(server.getURL() + "/sign-in");
        page().getByLabel("Email address").fill(email);
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link")).click();
        page().navigate(server.getURL() + "/sign-in/" + TestSql.lastLinkToken(dataSource, "sign-in-link", email));
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertEquals(server.getURL() + "/your-submissions", page().url());
    }

    private String heading() {
        return page().locator("h1").textContent().strip();
    }
}
