package org.carereview.consult.web;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
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
import org.carereview.consult.db.TestSql;
import org.carereview.consult.notifications.Outbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An administrator reads the audit log (filters, errors, CSV) and the emails that have not gone, from the console;
 * a reviewer corrects what is taken out of a submission's answers, and the log shows each correction.
 */
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
    @Inject
    javax.sql.DataSource db;
    @Inject
    @Client("/")
    HttpClient http;

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

    @Test
    void anAdministratorSendsTheFailedEmailsAgainOnceTheMailSettingIsFixed() {
        UUID failed = tx.executeWrite(status -> outbox.enqueue("advice-receipt", "kit.failed@example.com",
                Map.of("reference", "CFA-PAGE-0002")));
        TestSql.execute(db, "UPDATE outbox_message SET status = 'FAILED_PERMANENTLY', attempts = 180, "
                + "last_error = 'MessagingException: PKIX path building failed' WHERE id = ?", failed);

        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            Browser.signInAsStaff(page, server.getURL(), ADMIN, PASSWORD);
            page.navigate(server.getURL() + "/staff/admin/outbox?status=FAILED");
            assertTrue(page.locator("main").innerText().contains("PKIX path building failed"));
            Browser.clickAndWait(page, page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Send the failed emails again")));

            assertTrue(page.locator(".govuk-notification-banner").innerText().contains("1 email is being sent again"),
                    page.locator("main").innerText());
            assertTrue(page.locator("main").innerText().contains("k•••@e•••.com"));
            Browser.assertAccessible(page);
        }
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM outbox_message WHERE id = ? AND status = 'CREATED' "
                + "AND attempts = 0", failed));
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM audit_event WHERE action = 'CHANGE' "
                + "AND detail = 'outbox-retried count=1'"));
    }

    @Test
    void anAdministratorSendsOneEmailNowAndCancelsAnother() {
        UUID waiting = tx.executeWrite(status -> outbox.enqueue("advice-receipt", "jo.waiting@example.com",
                Map.of("reference", "CFA-PAGE-0003")));
        UUID unwanted = tx.executeWrite(status -> outbox.enqueue("advice-receipt", "lee.unwanted@example.com",
                Map.of("reference", "CFA-PAGE-0004")));
        TestSql.execute(db, "UPDATE outbox_message SET status = 'FAILED_PERMANENTLY', attempts = 3, "
                + "last_error = '550 5.1.1 no such mailbox' WHERE id = ?", unwanted);
        TestSql.execute(db, "UPDATE outbox_message SET attempts = 2, next_attempt_at = now() + interval '1 hour', "
                + "last_error = 'MailConnectException' WHERE id = ?", waiting);

        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            Browser.signInAsStaff(page, server.getURL(), ADMIN, PASSWORD);
            page.navigate(server.getURL() + "/staff/admin/outbox?status=FAILED");
            Locator row = page.locator("tr", new Page.LocatorOptions().setHasText("l•••@e•••.com"));
            Browser.clickAndWait(page, row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")));
            assertTrue(page.locator(".govuk-notification-banner").innerText().contains("The email was cancelled"),
                    page.locator("main").innerText());
            assertFalse(page.locator("main").innerText().contains("l•••@e•••.com"), "no longer listed as failed");
            Browser.assertAccessible(page);

            page.navigate(server.getURL() + "/staff/admin/outbox?status=PENDING");
            row = page.locator("tr", new Page.LocatorOptions().setHasText("j•••@e•••.com"));
            Browser.clickAndWait(page, row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send now")));
            assertTrue(page.locator(".govuk-notification-banner").innerText().contains("1 email is being sent again"),
                    page.locator("main").innerText());
            Browser.assertAccessible(page);
        }
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM outbox_message WHERE id = ? AND status = 'CANCELLED' "
                + "AND fields = '{}'::jsonb", unwanted));
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM outbox_message WHERE id = ? AND status = 'CREATED' "
                + "AND attempts = 2 AND next_attempt_at <= now()", waiting));
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM audit_event WHERE action = 'CHANGE' "
                + "AND detail = 'outbox-cancelled id=" + unwanted + "'"));
    }

    @Test
    void aReviewerTakesOutWhatTheServiceMissedKeepsAWordItTookWronglyAndEachCorrectionIsLogged() {
        String reviewer = "redaction.pages.reviewer@example.org";
        accounts.createStaff(reviewer, Role.REVIEWER, PASSWORD);
        String answer = "We lived at Beechwood for two years. My social worker Sarah never rang back on 07700 900321.";
        String id = (String) AdviceApi.send(http, answer, List.of("CARE"), null).get("id");
        Map<String, String> pages = new LinkedHashMap<>();

        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            Browser.signInAsStaff(page, server.getURL(), reviewer, PASSWORD);
            page.navigate(server.getURL() + "/staff/triage/" + id);
            Browser.clickAndWait(page, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName("Check what is taken out before reviewers export these answers")));
            assertEquals("We lived at Beechwood for two years. My social worker [name] never rang back on [phone].",
                    page.locator(".govuk-inset-text").innerText().strip());
            Browser.assertAccessible(page);
            pages.put("redaction", Browser.html(page));

            page.getByLabel("Words to take out of this answer").fill("somewhere else");
            Browser.clickAndWait(page, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName("Take out these words")));
            assertTrue(page.title().startsWith("Error:"), page.title());
            assertEquals("Those words are not in this answer. Copy them exactly as written",
                    page.locator(".govuk-error-summary a[href='#words-keyQuestions']").innerText().strip());
            assertEquals("somewhere else", page.getByLabel("Words to take out of this answer").inputValue());
            Browser.assertAccessible(page);
            pages.put("redaction with an error", Browser.html(page));

            page.getByLabel("Words to take out of this answer").fill("beechwood");
            page.getByLabel("What they are").selectOption("PLACEMENT");
            Browser.clickAndWait(page, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName("Take out these words")));
            Browser.clickAndWait(page, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName("Keep Sarah as written")));
            assertTrue(page.locator(".govuk-notification-banner").innerText().contains("Kept as written"));
            assertEquals("We lived at [placement] for two years. My social worker Sarah never rang back on [phone].",
                    page.locator(".govuk-inset-text").innerText().strip());
            Browser.assertAccessible(page);
            pages.put("redaction corrected", Browser.html(page));

            Browser.clickAndWait(page, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName("Undo the correction of Sarah")));
            assertTrue(page.locator(".govuk-inset-text").innerText().contains("social worker [name] never"));
        }
        assertEquals(List.of(), Vnu.problems(pages));

        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            Browser.signInAsStaff(page, server.getURL(), ADMIN, PASSWORD);
            page.navigate(server.getURL() + "/staff/admin/audit?actor=" + reviewer + "&action=REDACTION_CHANGE");
            List<String> rows = page.locator("main table tbody tr").allInnerTexts();
            assertEquals(3, rows.size(), rows.toString());
            assertTrue(rows.stream().noneMatch(r -> r.contains("Beechwood") || r.contains("Sarah")), rows.toString());
        }
    }
}
