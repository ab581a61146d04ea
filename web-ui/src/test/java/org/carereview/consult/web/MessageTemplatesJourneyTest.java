package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.notifications.MessageTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An administrator rewords the "selected" outcome email, makes a mistake, fixes it, then puts the old wording back. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageTemplatesJourneyTest implements FreshDatabase {

    static final String ADMIN = "emails.admin@example.org";
    static final String PASSWORD = "an emails admin password";

    @Inject
    EmbeddedServer server;
    @Inject
    MessageTemplates templates;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD);
        return properties;
    }

    @Test
    void anAdministratorRewordsAnOutcomeEmailAndCanPutTheOldWordingBack() {
        String original = templates.find("application-outcome-selected").orElseThrow().subject();
        BrowserContext context = Browser.get().newContext();
        try {
            Page page = context.newPage();
            Browser.signInAsStaff(page, server.getURL(), ADMIN, PASSWORD);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Emails the service sends")).click();
            Browser.assertAccessible(page);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName("Outcome: the applicant is selected for the group")).click();
            Browser.assertAccessible(page);
            page.getByLabel("Subject line").fill("Welcome, ((name))");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the email")).click();
            assertTrue(page.title().startsWith("Error: "));
            assertTrue(page.locator(".govuk-error-summary").textContent().contains("which this message cannot fill in"));
            Browser.assertAccessible(page);

            page.getByLabel("Subject line").fill("Welcome to the Experts by Experience group");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the email")).click();
            assertTrue(page.locator(".govuk-notification-banner").textContent().contains("Your change is saved"));
            assertEquals("Welcome to the Experts by Experience group",
                    templates.find("application-outcome-selected").orElseThrow().subject());
            Browser.assertAccessible(page);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use version 1 again")).click();
            assertEquals(original, templates.find("application-outcome-selected").orElseThrow().subject());
            assertEquals(3, templates.history("application-outcome-selected").size());
            assertTrue(page.getByText("Version 3 (in use now)").isVisible());

            assertEquals(404, page.navigate(server.getURL() + "/staff/admin/messages/no-such-email").status());
            assertEquals("Page not found", page.locator("h1").textContent().strip(), "a GOV.UK page, not an empty one");
        } finally {
            context.close();
        }
    }
}
