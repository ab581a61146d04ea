package org.carereview.consult.web;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.notifications.Outbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An administrator reads the audit log (filters, errors, CSV) and the emails that have not gone, from the console. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditAndOutboxPagesTest implements TestPropertyProvider {

    static final String ADMIN = "audit.pages.admin@example.org";
    static final String REVIEWER = "audit.pages.reviewer@example.org";
    static final String PASSWORD = "an audit pages password";

    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;
    @Inject
    AuditLog audit;
    @Inject
    Outbox outbox;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD);
    }

    @Test
    void anAdministratorFiltersTheAuditLogDownloadsItAndSeesStuckEmailsMasked() {
        UUID reviewer = accounts.createStaff(REVIEWER, Role.REVIEWER, PASSWORD).id();
        audit.recordList(reviewer, AuditAction.LIST, "triage status=NEW", 7);
        audit.record(reviewer, AuditAction.CHANGE, null, "status");
        tx.executeWrite(status -> outbox.enqueue("advice-receipt", "robin.child@example.com",
                Map.of("reference", "CFA-PAGE-0001")));

        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            Browser.signInAsStaff(page, server.getURL(), ADMIN, PASSWORD);
            Browser.clickAndWait(page, page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Audit log: who viewed, changed or exported records")));
            assertEquals(server.getURL() + "/staff/admin/audit", page.url());

            page.getByLabel("Member of staff").selectOption(REVIEWER);
            page.getByLabel("What they did").selectOption("LIST");
            Browser.clickAndWait(page, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show entries")));
            List<String> rows = page.locator("main table tbody tr").allInnerTexts();
            assertEquals(1, rows.size(), rows.toString());
            assertTrue(rows.get(0).contains("Listed or searched") && rows.get(0).contains("triage status=NEW")
                    && rows.get(0).contains("7") && rows.get(0).contains(REVIEWER), rows.get(0));
            Browser.assertAccessible(page);

            String download = page.locator("a", new Page.LocatorOptions().setHasText("Download these entries"))
                    .getAttribute("href");
            APIResponse csv = context.request().get(server.getURL() + download);
            assertEquals(200, csv.status());
            assertEquals(2, csv.text().split("\r\n").length, csv.text());

            page.getByLabel("From").fill("31 2 2026");
            Browser.clickAndWait(page, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show entries")));
            assertTrue(page.title().startsWith("Error:"), page.title());
            assertEquals("Give a real date, like 1 12 2026",
                    page.locator(".govuk-error-summary a[href='#from']").innerText().strip());
            Browser.assertAccessible(page);

            page.navigate(server.getURL() + "/staff");
            Browser.clickAndWait(page, page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Emails waiting to be sent or that failed")));
            assertTrue(page.locator("main").innerText().contains("No email has failed."));
            Browser.clickAndWait(page, page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Show emails waiting to be sent")));
            String main = page.locator("main").innerText();
            assertTrue(main.contains("r•••@e•••.com") && main.contains("advice-receipt"), main);
            assertFalse(main.contains("robin.child"), main);
            Browser.assertAccessible(page);
        }
    }
}
