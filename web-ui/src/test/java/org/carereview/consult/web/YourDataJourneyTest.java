package org.carereview.consult.web;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Your data": a signed-in person sees what is held, downloads it as JSON and erases it (then is signed out); an
 * administrator finds someone who asked by email, reads a copy and erases it after a confirmation.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YourDataJourneyTest implements FreshDatabase {

    static final String ADMIN = "requests.admin@example.org";
    static final String PASSWORD = "a long requests password";

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    /** A fresh browser context and page for each test, closed after it. */
    @RegisterExtension
    final BrowserPage browser = new BrowserPage();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD);
        properties.put("consult.rate-limit-per-minute", "0");
        return properties;
    }

    private Page page() {
        return browser.page();
    }

    @Test
    void aPersonDownloadsWhatIsHeldAsJsonThenErasesItAndIsSignedOut() {
        String email = "your.data@example.org";
        String reference = sendAdvice(email, "What happens to my records when I leave care?");
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/magic-link", Map.of("email", email)));
        page().navigate(server.getURL() + "/sign-in/" + TestSql.lastLinkToken(dataSource, "sign-in-link", email));
        Browser.clickAndWait(page(), page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")));

        Browser.clickAndWait(page(), page().getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("See everything we keep about you, download it or erase it")));
        assertEquals(server.getURL() + "/your-data", page().url());
        String main = page().locator("main").textContent();
        for (String expected : List.of("Your data", email, reference, "Your receipt for advice to the review", "A link to sign in")) {
            assertTrue(main.contains(expected), expected + " in " + main);
        }
        Browser.assertAccessible(page());

        String href = page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download as a file (JSON)"))
                .getAttribute("href");
        APIResponse file = page().request().get(server.getURL() + href);
        assertEquals(200, file.status());
        assertTrue(file.headers().get("content-type").startsWith("application/json"), file.headers().toString());
        assertTrue(file.headers().get("content-disposition").contains("attachment"));
        assertTrue(file.text().contains("What happens to my records when I leave care?"), file.text());

        Browser.clickAndWait(page(), page().getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Erase my account and everything I sent")));
        assertEquals("Are you sure you want to erase your account and everything you sent?",
                page().locator("h1").textContent().strip());
        Browser.assertAccessible(page());
        Browser.clickAndWait(page(), page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, erase everything")));
        assertEquals(server.getURL() + "/your-data/erased", page().url());
        assertTrue(page().locator("main").textContent().contains("You have been signed out"));
        Browser.assertAccessible(page());

        page().navigate(server.getURL() + "/your-data");
        assertEquals(server.getURL() + "/sign-in", page().url(), "signed out: the cookie is gone and so is the account");
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM account WHERE email = ?", email));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE reference = ?", reference));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE recipient = ?", email));
    }

    @Test
    void anAdministratorFindsSomeoneByEmailReadsACopyAndErasesItAfterConfirming() {
        String email = "asked.by.post@example.org";
        String reference = sendAdvice(email, "Please ask foster carers about respite.");
        Browser.signInAsStaff(page(), server.getURL(), ADMIN, PASSWORD);
        page().navigate(server.getURL() + "/staff/admin/requests");
        Browser.clickAndWait(page(), page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find what we hold")));
        assertTrue(page().locator(".govuk-error-summary").textContent().contains("Enter the email address or the reference"));

        page().getByLabel("Email address").fill(" Asked.By.Post@example.org ");
        Browser.clickAndWait(page(), page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find what we hold")));
        assertTrue(page().locator("#main-content").textContent().contains(reference));
        Browser.assertAccessible(page());

        Browser.clickAndWait(page(), page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Read a copy")));
        assertTrue(page().locator("main").textContent().contains("Please ask foster carers about respite."));
        page().navigate(server.getURL() + "/staff/admin/requests");
        page().getByLabel("Email address").fill(email);
        Browser.clickAndWait(page(), page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find what we hold")));

        Browser.clickAndWait(page(), page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase everything")));
        assertEquals("Are you sure you want to erase everything?", page().locator("h1").textContent().strip());
        Browser.clickAndWait(page(), page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, erase everything")));
        assertTrue(page().locator(".govuk-notification-banner").textContent().contains("Submissions erased: 1"));
        Browser.assertAccessible(page());

        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM advice_submission WHERE contact_email = ?", email));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM account WHERE email = ?", email));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM audit_event WHERE detail LIKE '%@%'"));
        assertTrue(TestSql.count(dataSource, "SELECT count(*) FROM audit_event WHERE action = 'SUBJECT_ACCESS'") >= 2,
                "the find and the copy");
    }

    private String sendAdvice(String email, String question) {
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/call-for-advice/submissions", Map.of(
                "respondentType", "CARE_EXPERIENCED", "keyQuestions", question, "themes", List.of("CARE"),
                "contactEmail", email, "consentToContact", true, "consentToPublish", false)),
                Argument.mapOf(String.class, Object.class)).get("reference");
    }
}
