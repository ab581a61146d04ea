package org.carereview.consult.web;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.notifications.Dispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person sends advice in a real browser, sees the reference, and gets it by email. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdviceJourneyTest implements FreshDatabase {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    static final String ADMIN = "journey.admin@example.org";
    static final String ADMIN_PASSWORD = "a journey admin password";

    @Inject
    EmbeddedServer server;

    @Inject
    Dispatcher dispatcher;

    BrowserContext context;
    Page page;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.smtp.host", "localhost");
        properties.put("consult.smtp.port", String.valueOf(ServerSetupTest.SMTP.getPort()));
        properties.put("consult.smtp.starttls", "false");
        properties.put("consult.bootstrap-admin.email", ADMIN);
        properties.put("consult.bootstrap-admin.password", ADMIN_PASSWORD);
        return properties;
    }

    @BeforeEach
    void openBrowser() {
        context = Browser.get().newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser() {
        context.close();
    }

    @Test
    void aPersonSendsAdviceAndGetsTheReferenceOnScreenAndByEmail() throws Exception {
        page.navigate(server.getURL() + "/");
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Send advice to the review")).click();
        assertEquals(server.getURL() + "/call-for-advice", page.url());
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send advice")).click();
        assertTrue(page.title().startsWith("Error: "), page.title());
        assertTrue(page.locator(".govuk-error-summary").textContent().contains("Select who you are responding as"));
        Browser.assertAccessible(page);

        page.getByLabel("I am care-experienced").check();
        page.getByLabel("What key questions should the review answer?").fill("Why do children move home so often? 🏠");
        page.getByLabel("Care", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Email address (optional)").fill("young.person@example.org");
        page.getByLabel("You can contact me about my advice").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send advice")).click();

        String reference = page.getByTestId("reference").textContent().trim();
        assertTrue(reference.matches("CFA-[2-9A-Z]{4}-[2-9A-Z]{4}"), reference);
        assertTrue(page.title().startsWith("Advice sent"));
        Browser.assertAccessible(page);

        assertEquals(1, dispatcher.dispatchDue());
        MimeMessage[] received = mail.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("young.person@example.org", received[0].getAllRecipients()[0].toString());
        assertTrue(GreenMailUtil.getBody(received[0]).contains(reference), "the email carries the reference");
    }

    @Test
    void anAdministratorSignsInToTheStaffConsole() {
        page.navigate(server.getURL() + "/staff");
        assertEquals(server.getURL() + "/staff/sign-in", page.url(), "the console asks for sign-in first");
        Browser.assertAccessible(page);

        page.getByLabel("Email address").fill(ADMIN);
        page.getByLabel("Password").fill("wrong password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertTrue(page.title().startsWith("Error: "));
        Browser.assertAccessible(page);

        page.getByLabel("Password").fill(ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertEquals(server.getURL() + "/staff", page.url());
        assertTrue(page.content().contains(ADMIN));
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Manage staff accounts")).click();
        Browser.assertAccessible(page);
    }

    @Test
    void anUnknownPageIsAFriendly404() {
        com.microsoft.playwright.Response response = page.navigate(server.getURL() + "/no-such-page");
        assertEquals(404, response.status());
        assertTrue(page.title().contains("Page not found"), page.title());
        Browser.assertAccessible(page);
    }
}
