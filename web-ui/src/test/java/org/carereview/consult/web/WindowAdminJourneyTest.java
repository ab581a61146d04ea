package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.experts.ApplicationWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An administrator moves the application deadline in the staff console, in UK time. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WindowAdminJourneyTest implements FreshDatabase {

    static final String ADMIN = "deadline.admin@example.org";
    static final String PASSWORD = "a deadline admin password";

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationWindow window;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD);
        return properties;
    }

    @Test
    void anAdministratorSetsTheClosingTimeAndSeesItInWords() {
        BrowserContext context = Browser.get().newContext();
        try {
            Page page = context.newPage();
            Browser.signInAsStaff(page, server.getURL(), ADMIN, PASSWORD);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Experts by Experience application window")).click();
            Browser.assertAccessible(page);

            page.getByLabel("Applications open (UK time)").fill("2027-02-06T09:00");
            page.getByLabel("Applications close (UK time)").fill("2027-02-05T17:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the window")).click();
            assertTrue(page.title().startsWith("Error: "));
            assertTrue(page.locator(".govuk-error-summary").textContent().contains("The closing time must be after the opening time"));
            Browser.assertAccessible(page);

            page.getByLabel("Applications open (UK time)").fill("2026-11-01T09:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the window")).click();
            assertTrue(page.locator(".govuk-notification-banner").textContent().contains("5pm on Friday 5 February 2027"));
            Browser.assertAccessible(page);
            assertEquals(Instant.parse("2027-02-05T17:00:00Z"), window.current().closesAt());
        } finally {
            context.close();
        }
    }
}
