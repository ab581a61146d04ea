package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The safeguarding lead teaches the screening: adds an example of each kind on the examples page, removes one, and
 * removes a flag from a submission as "not a disclosure", which adds its text as an example. Administrators read the
 * page without its forms; reviewers cannot open it. The learned check stays off (the lead's workflow, not the model).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SafeguardingExamplesJourneyTest implements FreshDatabase {

    static final String LEAD = "examples.lead@example.org";
    static final String ADMIN = "examples.admin@example.org";
    static final String REVIEWER = "examples.reviewer@example.org";
    static final String PASSWORD = "an examples staff password";
    static final String HARM = "When mum's boyfriend drinks he locks me in my room <b>and</b> I can't get out";
    static final String TALK = "Social workers should ask every child whether anyone at home hurts them";

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    AccountService accounts;
    @Inject
    DataSource dataSource;

    @Test
    @Order(1)
    void theLeadAddsAndRemovesExamplesAndAdministratorsOnlyRead() {
        accounts.createStaff(LEAD, Role.SAFEGUARDING_LEAD, PASSWORD);
        accounts.createStaff(ADMIN, Role.ADMIN, PASSWORD);
        accounts.createStaff(REVIEWER, Role.REVIEWER, PASSWORD);

        BrowserContext context = Browser.get().newContext();
        try {
            Page page = context.newPage();
            Browser.signInAsStaff(page, server.getURL(), LEAD, PASSWORD);
            StaffPage.on(page).link("Safeguarding phrases").click();
            StaffPage.on(page).link("examples the screening learns from").click();
            assertEquals("Examples the screening learns from", page.locator("h1").textContent().trim());
            assertTrue(Browser.html(page).contains("No examples have been given yet"));
            Browser.assertAccessible(page);

            StaffPage.on(page).button("Add example").click();
            assertTrue(page.title().startsWith("Error: "), "a 422 with the form again");
            Locator summary = page.locator(".govuk-error-summary");
            assertTrue(summary.textContent().contains("Enter the example text"));
            assertEquals("#text", summary.getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("Enter the example text")).getAttribute("href"));
            assertEquals("#label", summary.getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("Select whether it tells of harm or only talks about it"))
                    .getAttribute("href"));
            Browser.assertAccessible(page);

            page.getByLabel("Example text").fill(HARM);
            page.getByLabel("Yes, it tells of harm").check();
            StaffPage.on(page).button("Add example").click();
            assertTrue(StaffPage.on(page).banner().contains("Example added"));
            page.getByLabel("Example text").fill(TALK);
            page.getByLabel("No, it only talks about harm").check();
            StaffPage.on(page).button("Add example").click();
            assertTrue(StaffPage.on(page).banner().contains("Example added"));
            Browser.assertAccessible(page);

            Locator given = page.getByTestId("given");
            assertTrue(given.textContent().contains(HARM), "the text is shown as written, escaped");
            assertEquals(0, given.locator("b").count(), "nothing a person wrote becomes markup");
            assertTrue(rowOf(page, HARM).textContent().contains("Tells of harm"));
            assertTrue(rowOf(page, TALK).textContent().contains("Only talks about harm"));
            assertTrue(given.locator("tbody tr").first().textContent().contains(TALK), "newest first");
            Locator lead = page.getByTestId("counts").locator("tr", new Locator.LocatorOptions()
                    .setHasText("Given by the safeguarding lead"));
            assertEquals(List.of("1", "1", "2"), lead.locator("td").allTextContents().stream().map(String::trim).toList());
            assertEquals(List.of("LEAD|DISCLOSURE", "LEAD|ORDINARY"), TestSql.column(dataSource,
                    "SELECT concat_ws('|', source, label) FROM safeguarding_example WHERE source = 'LEAD' ORDER BY seq"));

            rowOf(page, HARM).getByRole(AriaRole.BUTTON).click();
            assertTrue(StaffPage.on(page).banner().contains("Example removed"));
            assertFalse(page.getByTestId("given").textContent().contains(HARM));
            assertTrue(page.getByTestId("given").textContent().contains(TALK));
            Locator changes = page.getByTestId("changes").locator("tbody tr");
            assertEquals(3, changes.count());
            assertTrue(changes.first().textContent().contains("Removed"));
            assertTrue(changes.first().textContent().contains("Tells of harm"));
            Browser.assertAccessible(page);
        } finally {
            context.close();
        }

        BrowserContext admin = Browser.get().newContext();
        try {
            Page page = admin.newPage();
            Browser.signInAsStaff(page, server.getURL(), ADMIN, PASSWORD);
            StaffPage.on(page).link("Examples the screening learns from").click();
            assertTrue(page.getByTestId("given").textContent().contains(TALK), "administrators read the examples");
            assertEquals(0, page.locator("main form").count(), "but have no forms");
            Browser.assertAccessible(page);
        } finally {
            admin.close();
        }

        BrowserContext reviewer = Browser.get().newContext();
        try {
            Page page = reviewer.newPage();
            Browser.signInAsStaff(page, server.getURL(), REVIEWER, PASSWORD);
            assertEquals(0, StaffPage.on(page).link("Examples the screening learns from").count());
            Response response = page.navigate(server.getURL() + "/staff/safeguarding/examples");
            assertEquals(403, response.status());
            assertFalse(Browser.html(page).contains(TALK));
        } finally {
            reviewer.close();
        }
    }

    @Test
    @Order(2)
    void theLeadRemovesAFlagAsNotADisclosureAndTheScreeningLearnsFromIt() {
        accounts.createStaff("examples.flags@example.org", Role.SAFEGUARDING_LEAD, PASSWORD);
        String talk = "Ask children in care if they feel scared to go home after contact and if anyone hits them.";
        String id = (String) AdviceApi.send(http, talk, List.of("SAFETY"), null).get("id");
        assertEquals(List.of("t"), TestSql.column(dataSource, "SELECT safeguarding FROM submission WHERE id = ?::uuid", id));
        TestSql.execute(dataSource, "UPDATE safeguarding_flag SET learned = 0.87 WHERE submission_id = ?::uuid", id);

        BrowserContext context = Browser.get().newContext();
        try {
            Page page = context.newPage();
            Browser.signInAsStaff(page, server.getURL(), "examples.flags@example.org", PASSWORD);
            page.navigate(server.getURL() + "/staff/triage/" + id);
            String why = page.locator("#safeguarding + dl").textContent();
            assertTrue(why.contains("scared to go home"), "the phrases found, as before");
            assertEquals("The screening's learned check found it likely to tell of harm (87 in 100)",
                    page.getByTestId("learned").textContent().trim().replaceAll("\\s+", " "));
            assertTrue(Browser.html(page).contains("The screening does not learn from this"));
            assertTrue(Browser.html(page).contains("The screening will learn from this"));
            Browser.assertAccessible(page);

            StaffPage.on(page).button("Remove the flag: this is not a disclosure").click();
            assertTrue(StaffPage.on(page).banner().contains("not a disclosure"));
            assertTrue(StaffPage.on(page).banner().contains("the screening will learn from it"));
            assertEquals(0, page.locator("strong.govuk-tag--red").count(), "no longer tagged as flagged");
            assertEquals(0, page.locator("#safeguarding").count(), "nor the lead's safeguarding section");
            assertEquals(List.of("f"), TestSql.column(dataSource, "SELECT safeguarding FROM submission WHERE id = ?::uuid", id));
            Browser.assertAccessible(page);

            page.navigate(server.getURL() + "/staff/safeguarding/examples");
            assertTrue(rowOf(page, talk).textContent().contains("From flags removed as not a disclosure"));
            assertTrue(rowOf(page, talk).textContent().contains("Only talks about harm"));
            Browser.assertAccessible(page);
        } finally {
            context.close();
        }
    }

    private static Locator rowOf(Page page, String text) {
        return page.getByTestId("given").locator("tbody tr", new Locator.LocatorOptions().setHasText(text));
    }
}
