package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
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
            StaffPage reviewer = new StaffPage(reviewerBrowser.newPage(), server.getURL()).signIn(REVIEWER, PASSWORD);
            reviewerFiltersByThemeAndDayWithoutMeetingTheFlaggedOne(reviewer, fostering, carers, disclosure);
            reviewerSearchesAndTagsAssignsMovesAndNotesOne(reviewer, fostering);
            reviewerChangesASelectionAtOnce(reviewer, fostering, moves, carers);
            reviewerExportsWhatSheMaySeeAndNeverTheFlaggedOne(reviewer, List.of(fostering, moves, carers), disclosure);
        } finally {
            reviewerBrowser.close();
        }

        BrowserContext leadBrowser = Browser.get().newContext();
        try {
            StaffPage lead = new StaffPage(leadBrowser.newPage(), server.getURL()).signIn(LEAD, PASSWORD);
            leadRecordsTheActionOnTheFlaggedOneAndRemovesTheFlag(lead, disclosure);
        } finally {
            leadBrowser.close();
        }
    }

    private void reviewerFiltersByThemeAndDayWithoutMeetingTheFlaggedOne(StaffPage queue, Map<String, Object> fostering,
                                                                         Map<String, Object> carers,
                                                                         Map<String, Object> disclosure) {
        Page page = queue.page();
        assertFalse(Browser.html(page).contains("Flagged for safeguarding"), "a reviewer has no restricted queue");
        queue.link("Triage queue").click();
        queue.assertAccessible();
        assertTrue(queue.rowOf(ref(fostering)).isVisible());
        assertFalse(Browser.html(page).contains(ref(disclosure)),
                "the flagged submission is not in a reviewer's queue");

        queue.choose("Theme", "Care").button("Apply filters").click();
        assertTrue(page.url().contains("theme=CARE"), page.url());
        assertEquals("2 submissions on this page", queue.caption());
        assertFalse(Browser.html(page).contains(ref(carers)));
        queue.assertAccessible();

        LocalDate today = LocalDate.now(UkTime.ZONE);
        queue.fillDate("Sent from", String.valueOf(today.getDayOfMonth()), String.valueOf(today.getMonthValue()),
                String.valueOf(today.getYear())).button("Apply filters").click();
        assertEquals("2 submissions on this page", queue.caption(), "sent today");
        assertTrue(queue.link("Download as CSV").getAttribute("href").contains("from=" + today),
                "links carry the date as the service reads it");
        queue.assertAccessible();

        queue.fillDate("Sent from", "31", "2", "2027").button("Apply filters").click();
        assertTrue(queue.hasErrors(), "an impossible date is a 422 with an error summary");
        assertTrue(queue.errorSummary().contains("Sent from must be a real date"));
        assertEquals("31", queue.dateBox("Sent from", "Day").inputValue(), "what was typed is kept");
        page.locator(".govuk-error-summary a[href='#from']").click();
        assertEquals("from", page.evaluate("document.activeElement.id"), "the error leads to the day box");
        queue.assertAccessible();

        queue.open("/staff/triage?from=" + today);
        assertEquals(String.valueOf(today.getYear()), queue.dateBox("Sent from", "Year").inputValue(),
                "a date in the address, as links and bookmarks carry it, fills the boxes");
    }

    private void reviewerSearchesAndTagsAssignsMovesAndNotesOne(StaffPage queue, Map<String, Object> fostering)
            throws IOException {
        Page page = queue.open("/staff/triage").page();
        page.getByLabel("Search").fill("fostered");
        queue.button("Apply filters").click();
        assertEquals("1 submission on this page", queue.caption());
        assertEquals("fostering", page.locator("tbody mark").first().textContent().trim().toLowerCase());
        queue.assertAccessible();
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("queue-search.png")).setFullPage(true));

        queue.link(ref(fostering)).click();
        assertEquals(ref(fostering), queue.heading());
        queue.assertAccessible();
        page.getByLabel("Strengthening families").check();
        page.getByLabel("Continuum of help and protection").check();
        queue.button("Save themes and dilemmas").click();
        assertTrue(queue.banner().contains("Themes and dilemmas saved"));
        queue.choose("Assigned to", REVIEWER).button("Save assignment").click();
        assertTrue(queue.banner().contains("Assignment saved"));
        page.getByLabel("In review").check();
        queue.button("Save status").click();
        assertTrue(queue.banner().contains("Status saved"));
        queue.button("Add note").click();
        assertTrue(queue.hasErrors(), "an empty note is refused");
        queue.assertAccessible();
        page.getByLabel("Add a note").fill("Worth quoting in the final report.\n\nAsk for consent first.");
        queue.button("Add note").click();
        assertTrue(queue.banner().contains("Note added"));
        String summary = page.locator(".govuk-summary-list").first().textContent();
        assertTrue(summary.contains(REVIEWER) && summary.contains("Strengthening families") && summary.contains("In review"), summary);
        assertTrue(summary.replaceAll("\\s+", " ").contains("Agreed their words may be quoted No"),
                "a reviewer sees whether they may quote it: " + summary);
        String history = page.locator("table tbody").textContent();
        assertTrue(history.contains("Assigned to") && history.contains("Nobody") && history.contains("In review"), history);
        assertEquals(2, page.locator("ol.govuk-list p[dir=auto]").count(), "the note keeps its two paragraphs");
        queue.assertAccessible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("submission.png")).setFullPage(true));
    }

    private void reviewerChangesASelectionAtOnce(StaffPage queue, Map<String, Object> fostering, Map<String, Object> moves,
                                                 Map<String, Object> carers) {
        Page page = queue.open("/staff/triage").page();
        queue.button("Apply to selected").click();
        assertTrue(queue.hasErrors(), "nothing selected");
        assertTrue(queue.errorSummary().contains("Select at least one submission"));
        queue.assertAccessible();
        page.getByLabel("Select " + ref(moves)).check();
        page.getByLabel("Select " + ref(carers)).check();
        queue.choose("Assign to", REVIEWER).button("Apply to selected").click();
        assertTrue(queue.banner().contains("2 updated, 0 skipped"), queue.banner());
        queue.assertAccessible();
        queue.choose("Assigned to", "Me").button("Apply filters").click();
        assertEquals("3 submissions on this page", queue.caption());
        page.getByLabel("Select " + ref(fostering)).check();
        page.getByLabel("Select " + ref(moves)).check();
        queue.choose("Set status", "Actioned").button("Apply to selected").click();
        assertTrue(queue.banner().contains("1 updated, 1 skipped (1 that status change is not allowed)"), queue.banner());
        assertTrue(page.url().contains("assignee=me"), "back to the same filtered queue: " + page.url());
    }

    private void reviewerExportsWhatSheMaySeeAndNeverTheFlaggedOne(StaffPage queue, List<Map<String, Object>> seen,
                                                                   Map<String, Object> disclosure) throws IOException {
        Page page = queue.open("/staff/triage").page();
        Download download = page.waitForDownload(() -> queue.link("Download as CSV").click());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        assertEquals("id,reference,kind,status,submittedAt,area,themes,dilemmas,assignee,respondentType,consentToPublish,"
                + "organisation,keyQuestions,engagementAdvice,resources,groupsToSpeakTo,whatWorks,whatNeedsToChange,"
                + "experienceStory,motivation,availability", csv.lines().findFirst().orElseThrow());
        for (Map<String, Object> sent : seen) {
            assertTrue(csv.contains((String) sent.get("id") + "," + ref(sent) + ",CALL_FOR_ADVICE"), csv);
        }
        assertFalse(csv.contains(ref(disclosure)), "flagged submissions are never exported");

        queue.open("/staff/triage/" + disclosure.get("id"));
        assertEquals("Page not found", queue.heading(), "a flagged submission does not exist for a reviewer");
        queue.open("/staff/triage/not-an-id");
        assertEquals("Page not found", queue.heading());
        queue.assertAccessible();
    }

    private void leadRecordsTheActionOnTheFlaggedOneAndRemovesTheFlag(StaffPage lead, Map<String, Object> disclosure) {
        Page page = lead.page();
        lead.link("Flagged for safeguarding").click();
        assertEquals("Flagged for safeguarding", lead.heading());
        assertEquals("1 submission on this page", lead.caption());
        lead.assertAccessible();
        lead.link(ref(disclosure)).click();
        assertTrue(page.locator("#safeguarding + dl").textContent().contains("hits me"));
        lead.assertAccessible();
        lead.button("Record the action").click();
        assertTrue(lead.hasErrors());
        lead.assertAccessible();
        page.getByLabel("Record the action taken").fill("Referred to the local authority's children's services front door.");
        lead.button("Record the action").click();
        assertTrue(lead.banner().contains("Action recorded"));
        assertTrue(Browser.html(page).contains("Referred to the local authority"));
        lead.assertAccessible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("flagged-submission.png")).setFullPage(true));

        lead.button("Remove the flag: it has been dealt with").click();
        assertTrue(lead.banner().contains("Flag removed"));
        assertEquals(List.of("false"), TestSql.column(dataSource, "SELECT safeguarding::text FROM submission "
                + "WHERE reference = ?", ref(disclosure)), "the lead dealt with it and removed the flag");
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_example WHERE submission_id = "
                + "?::uuid", disclosure.get("id")), "a disclosure dealt with does not teach the screening otherwise");
        assertTrue(page.locator("table").last().textContent().contains("afeguarding"), "the change is in the history");
        lead.assertAccessible();
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
            StaffPage queue = new StaffPage(context.newPage(), server.getURL()).signIn("triage.spam@example.org", PASSWORD);
            Page page = queue.open("/staff/triage").page();
            assertFalse(Browser.html(page).contains(ref(bot)), "held back submissions stay out of the usual queue");
            queue.choose("Status", "Held back as possible spam").button("Apply filters").click();
            assertEquals("2 submissions on this page", queue.caption());
            queue.assertAccessible();

            queue.link(ref(person)).click();
            assertTrue(Browser.html(page).contains("Filled in a hidden field that people never see"));
            queue.assertAccessible();
            queue.button("Release into the queue").click();
            assertTrue(queue.banner().contains("Released into the queue as new"));
            assertTrue(page.locator(".govuk-summary-list").first().textContent().contains("New"));

            queue.open("/staff/triage/" + bot.get("id")).button("Delete").click();
            assertEquals("Delete " + ref(bot) + "?", queue.heading());
            queue.assertAccessible();
            queue.link("No, keep it").click();
            assertEquals(ref(bot), queue.heading(), "nothing is deleted without confirming");
            queue.button("Delete").click();
            queue.button("Yes, delete it").click();
            assertTrue(queue.banner().contains(ref(bot) + " is deleted."), queue.banner());
            assertTrue(Browser.html(page).contains("No submissions match these filters."), "the other was released");
            queue.open("/staff/triage/" + bot.get("id"));
            assertEquals("Page not found", queue.heading());
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

    private static String ref(Map<String, Object> sent) {
        return (String) sent.get("reference");
    }
}
