package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reviewer filters, searches, tags, assigns, moves on, changes a selection at once and exports, and never
 * meets the submission the screening flagged; the safeguarding lead finds it in the restricted queue and
 * records the action taken. Every page state is checked with axe. Screenshots go to target/screenshots/triage.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageJourneyTest implements FreshDatabase {

    static final Path SCREENSHOTS = Path.of("target", "screenshots", "triage");
    static final String REVIEWER = "triage.reviewer@example.org";
    static final String LEAD = "triage.lead@example.org";
    static final String PASSWORD = "a triage staff password";

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
    void aReviewerTriagesAndExportsWithoutSeeingTheFlaggedOneWhichTheLeadActsOn() throws IOException {
        Map<String, Object> fostering = advice("How can fostering placements last until a child is ready to leave?", "CARE");
        Map<String, Object> moves = advice("Why do children in care move home so often?", "CARE");
        Map<String, Object> carers = advice("Ask young carers what support at school would help.", "SUPPORT");
        Map<String, Object> disclosure = advice("My stepdad hits me when mum is out and I am scared to go home.", "SAFETY");
        accounts.createStaff(REVIEWER, Role.REVIEWER, PASSWORD);
        accounts.createStaff(LEAD, Role.SAFEGUARDING_LEAD, PASSWORD);

        BrowserContext reviewerBrowser = Browser.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setAcceptDownloads(true));
        try {
            Page page = reviewerBrowser.newPage();
            signIn(page, REVIEWER);
            assertFalse(page.content().contains("Flagged for safeguarding"), "a reviewer has no restricted queue");
            link(page, "Triage queue").click();
            Browser.assertAccessible(page);
            assertTrue(rowOf(page, ref(fostering)).isVisible());
            assertFalse(page.content().contains(ref(disclosure)), "the flagged submission is not in a reviewer's queue");

            page.getByLabel("Theme", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("Care"));
            button(page, "Apply filters").click();
            assertTrue(page.url().contains("theme=CARE"), page.url());
            assertEquals("2 submissions on this page", page.locator("caption").textContent().trim());
            assertFalse(page.content().contains(ref(carers)));
            Browser.assertAccessible(page);

            LocalDate today = LocalDate.now(UkTime.ZONE);
            fillDate(page, "Sent from", String.valueOf(today.getDayOfMonth()), String.valueOf(today.getMonthValue()),
                    String.valueOf(today.getYear()));
            button(page, "Apply filters").click();
            assertEquals("2 submissions on this page", page.locator("caption").textContent().trim(), "sent today");
            assertTrue(link(page, "Download as CSV").getAttribute("href").contains("from=" + today),
                    "links carry the date as the service reads it");
            Browser.assertAccessible(page);

            fillDate(page, "Sent from", "31", "2", "2027");
            button(page, "Apply filters").click();
            assertTrue(page.title().startsWith("Error: "), "an impossible date is a 422 with an error summary");
            assertTrue(page.locator(".govuk-error-summary").textContent().contains("Sent from must be a real date"));
            assertEquals("31", dateBox(page, "Sent from", "Day").inputValue(), "what was typed is kept");
            page.locator(".govuk-error-summary a[href='#from']").click();
            assertEquals("from", page.evaluate("document.activeElement.id"), "the error leads to the day box");
            Browser.assertAccessible(page);

            page.navigate(server.getURL() + "/staff/triage?from=" + today);
            assertEquals(String.valueOf(today.getYear()), dateBox(page, "Sent from", "Year").inputValue(),
                    "a date in the address, as links and bookmarks carry it, fills the boxes");

            page.navigate(server.getURL() + "/staff/triage");
            page.getByLabel("Search").fill("fostered");
            button(page, "Apply filters").click();
            assertEquals("1 submission on this page", page.locator("caption").textContent().trim());
            assertEquals("fostering", page.locator("tbody mark").first().textContent().trim().toLowerCase());
            Browser.assertAccessible(page);
            Files.createDirectories(SCREENSHOTS);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("queue-search.png")).setFullPage(true));

            link(page, ref(fostering)).click();
            assertEquals(ref(fostering), page.locator("h1").textContent().trim());
            Browser.assertAccessible(page);
            page.getByLabel("Strengthening families").check();
            page.getByLabel("Continuum of help and protection").check();
            button(page, "Save themes and dilemmas").click();
            assertTrue(banner(page).contains("Themes and dilemmas saved"));
            page.getByLabel("Assigned to").selectOption(new SelectOption().setLabel(REVIEWER));
            button(page, "Save assignment").click();
            assertTrue(banner(page).contains("Assignment saved"));
            page.getByLabel("In review").check();
            button(page, "Save status").click();
            assertTrue(banner(page).contains("Status saved"));
            button(page, "Add note").click();
            assertTrue(page.title().startsWith("Error: "), "an empty note is refused");
            Browser.assertAccessible(page);
            page.getByLabel("Add a note").fill("Worth quoting in the final report.\n\nAsk for consent first.");
            button(page, "Add note").click();
            assertTrue(banner(page).contains("Note added"));
            String summary = page.locator(".govuk-summary-list").first().textContent();
            assertTrue(summary.contains(REVIEWER) && summary.contains("Strengthening families") && summary.contains("In review"), summary);
            assertTrue(summary.replaceAll("\\s+", " ").contains("Agreed their words may be quoted No"),
                    "a reviewer sees whether they may quote it: " + summary);
            String history = page.locator("table tbody").textContent();
            assertTrue(history.contains("Assigned to") && history.contains("Nobody") && history.contains("In review"), history);
            assertEquals(2, page.locator("ol.govuk-list p[dir=auto]").count(), "the note keeps its two paragraphs");
            Browser.assertAccessible(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("submission.png")).setFullPage(true));

            page.navigate(server.getURL() + "/staff/triage");
            button(page, "Apply to selected").click();
            assertTrue(page.title().startsWith("Error: "), "nothing selected");
            assertTrue(page.locator(".govuk-error-summary").textContent().contains("Select at least one submission"));
            Browser.assertAccessible(page);
            page.getByLabel("Select " + ref(moves)).check();
            page.getByLabel("Select " + ref(carers)).check();
            page.getByLabel("Assign to").selectOption(new SelectOption().setLabel(REVIEWER));
            button(page, "Apply to selected").click();
            assertTrue(banner(page).contains("2 updated, 0 skipped"), banner(page));
            Browser.assertAccessible(page);
            page.getByLabel("Assigned to").selectOption(new SelectOption().setLabel("Me"));
            button(page, "Apply filters").click();
            assertEquals("3 submissions on this page", page.locator("caption").textContent().trim());
            page.getByLabel("Select " + ref(fostering)).check();
            page.getByLabel("Select " + ref(moves)).check();
            page.getByLabel("Set status").selectOption(new SelectOption().setLabel("Actioned"));
            button(page, "Apply to selected").click();
            assertTrue(banner(page).contains("1 updated, 1 skipped (1 that status change is not allowed)"), banner(page));
            assertTrue(page.url().contains("assignee=me"), "back to the same filtered queue: " + page.url());

            page.navigate(server.getURL() + "/staff/triage");
            Download download = page.waitForDownload(() -> link(page, "Download as CSV").click());
            String csv = Files.readString(download.path(), StandardCharsets.UTF_8).replace("\uFEFF", "");
            assertEquals("id,reference,kind,status,submittedAt,area,themes,dilemmas,assignee,respondentType,consentToPublish,"
                    + "organisation,keyQuestions,engagementAdvice,resources,groupsToSpeakTo,whatWorks,whatNeedsToChange,"
                    + "experienceStory,motivation,availability", csv.lines().findFirst().orElseThrow());
            for (Map<String, Object> sent : List.of(fostering, moves, carers)) {
                assertTrue(csv.contains((String) sent.get("id") + "," + ref(sent) + ",CALL_FOR_ADVICE"), csv);
            }
            assertFalse(csv.contains(ref(disclosure)), "flagged submissions are never exported");

            page.navigate(server.getURL() + "/staff/triage/" + disclosure.get("id"));
            assertEquals("Page not found", page.locator("h1").textContent().trim(), "a flagged submission does not exist for a reviewer");
            page.navigate(server.getURL() + "/staff/triage/not-an-id");
            assertEquals("Page not found", page.locator("h1").textContent().trim());
            Browser.assertAccessible(page);
        } finally {
            reviewerBrowser.close();
        }

        BrowserContext leadBrowser = Browser.get().newContext();
        try {
            Page page = leadBrowser.newPage();
            signIn(page, LEAD);
            link(page, "Flagged for safeguarding").click();
            assertEquals("Flagged for safeguarding", page.locator("h1").textContent().trim());
            assertEquals("1 submission on this page", page.locator("caption").textContent().trim());
            Browser.assertAccessible(page);
            link(page, ref(disclosure)).click();
            assertTrue(page.locator("#safeguarding + dl").textContent().contains("hits me"));
            Browser.assertAccessible(page);
            button(page, "Record the action").click();
            assertTrue(page.title().startsWith("Error: "));
            Browser.assertAccessible(page);
            page.getByLabel("Record the action taken").fill("Referred to the local authority's children's services front door.");
            button(page, "Record the action").click();
            assertTrue(banner(page).contains("Action recorded"));
            assertTrue(page.content().contains("Referred to the local authority"));
            Browser.assertAccessible(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("flagged-submission.png")).setFullPage(true));

            button(page, "Remove the flag: it has been dealt with").click();
            assertTrue(banner(page).contains("Flag removed"));
            assertEquals(List.of("false"), TestSql.column(dataSource, "SELECT safeguarding::text FROM submission "
                    + "WHERE reference = ?", ref(disclosure)), "the lead dealt with it and removed the flag");
            assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_example WHERE submission_id = "
                    + "?::uuid", disclosure.get("id")), "a disclosure dealt with does not teach the screening otherwise");
            assertTrue(page.locator("table").last().textContent().contains("afeguarding"), "the change is in the history");
            Browser.assertAccessible(page);
        } finally {
            leadBrowser.close();
        }
    }

    @Test
    void aHeldBackSubmissionIsReleasedOrDeletedOnlyAfterConfirming() {
        Map<String, Object> person = advice("Please listen to kinship carers about money.", "ACCOUNTABILITY");
        Map<String, Object> bot = advice("Cheap watches at spam dot example.", "ACCOUNTABILITY");
        holdBack(person);
        holdBack(bot);
        accounts.createStaff("triage.spam@example.org", Role.REVIEWER, PASSWORD);
        BrowserContext context = Browser.get().newContext();
        try {
            Page page = context.newPage();
            signIn(page, "triage.spam@example.org");
            page.navigate(server.getURL() + "/staff/triage");
            assertFalse(page.content().contains(ref(bot)), "held back submissions stay out of the usual queue");
            page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true))
                    .selectOption(new SelectOption().setLabel("Held back as possible spam"));
            button(page, "Apply filters").click();
            assertEquals("2 submissions on this page", page.locator("caption").textContent().trim());
            Browser.assertAccessible(page);

            link(page, ref(person)).click();
            assertTrue(page.content().contains("Filled in a hidden field that people never see"));
            Browser.assertAccessible(page);
            button(page, "Release into the queue").click();
            assertTrue(banner(page).contains("Released into the queue as new"));
            assertTrue(page.locator(".govuk-summary-list").first().textContent().contains("New"));

            page.navigate(server.getURL() + "/staff/triage/" + bot.get("id"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete").setExact(true)).click();
            assertEquals("Delete " + ref(bot) + "?", page.locator("h1").textContent().trim());
            Browser.assertAccessible(page);
            link(page, "No, keep it").click();
            assertEquals(ref(bot), page.locator("h1").textContent().trim(), "nothing is deleted without confirming");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete").setExact(true)).click();
            button(page, "Yes, delete it").click();
            assertTrue(banner(page).contains(ref(bot) + " is deleted."), banner(page));
            assertTrue(page.content().contains("No submissions match these filters."), "the other was released");
            page.navigate(server.getURL() + "/staff/triage/" + bot.get("id"));
            assertEquals("Page not found", page.locator("h1").textContent().trim());
        } finally {
            context.close();
        }
    }

    /** As the spam defences do when a page journey trips the honeypot (the API has no such check). */
    private void holdBack(Map<String, Object> sent) {
        assertEquals(List.of((String) sent.get("id")), TestSql.column(dataSource, "UPDATE submission SET status = "
                + "'QUARANTINED', quarantine_reason = 'HONEYPOT' WHERE id = ?::uuid RETURNING id", sent.get("id")));
    }


    private Map<String, Object> advice(String keyQuestions, String theme) {
        return AdviceApi.send(http, keyQuestions, List.of(theme), null);
    }

    private void signIn(Page page, String email) {
        Browser.signInAsStaff(page, server.getURL(), email, PASSWORD);
    }

    private static String ref(Map<String, Object> sent) {
        return (String) sent.get("reference");
    }

    private static Locator rowOf(Page page, String reference) {
        return page.locator("tbody tr", new Page.LocatorOptions().setHasText(reference));
    }

    private static void fillDate(Page page, String legend, String day, String month, String year) {
        dateBox(page, legend, "Day").fill(day);
        dateBox(page, legend, "Month").fill(month);
        dateBox(page, legend, "Year").fill(year);
    }

    private static Locator dateBox(Page page, String legend, String box) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true))
                .getByLabel(box, new Locator.GetByLabelOptions().setExact(true));
    }

    private static String banner(Page page) {
        return page.locator(".govuk-notification-banner").textContent();
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
