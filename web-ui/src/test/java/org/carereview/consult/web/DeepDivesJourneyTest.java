package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.deepdives.Feedback;
import org.carereview.consult.deepdives.FeedbackInput;
import org.carereview.consult.deepdives.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deep dives in a real browser: an administrator adds a session and makes a link; a participant gives feedback
 * through it; a facilitator enters cards in bulk and from a CSV file; a reviewer opens the dashboard and the
 * comparison. Every page is checked with axe. Screenshots go to target/screenshots/deep-dives.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepDivesJourneyTest implements FreshDatabase {

    static final String ADMIN = "deepdives.journey.admin@example.org";
    static final String REVIEWER = "deepdives.journey.reviewer@example.org";
    static final String PASSWORD = "a deep dives journey password";
    static final Path SCREENSHOTS = Path.of("target", "screenshots", "deep-dives");

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Inject
    AccountService accounts;

    @Inject
    Feedback feedback;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD);
        // A browser fills the form faster than a person; the minimum time is tested in DeepDivesSpamJourneyTest.
        properties.put("consult.deep-dives.minimum-time", "0s");
        return properties;
    }

    @Test
    void aParticipantGivesFeedbackThroughALinkAndAFacilitatorEntersCards() {
        String token;
        try (BrowserContext admin = Browser.get().newContext()) {
            token = anAdministratorAddsASessionAndMakesItsLink(admin.newPage());
        }
        try (BrowserContext participant = Browser.get().newContext()) {
            aParticipantSendsFeedbackThroughTheLink(participant.newPage(), token);
        }
        accounts.createStaff(REVIEWER, Role.REVIEWER, PASSWORD);
        try (BrowserContext facilitator = Browser.get().newContext()) {
            Page page = facilitator.newPage();
            signIn(page, REVIEWER);
            page.navigate(server.getURL() + "/staff/deep-dives/areas/camden");
            aFacilitatorEntersCardsOnThePage(page);
            andUploadsCardsFromACsvFile(page);
        }
    }

    /** A session needs a whole date (what was typed is kept); its link has a QR code. Answers the link's token. */
    private String anAdministratorAddsASessionAndMakesItsLink(Page page) {
        signIn(page, ADMIN);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Deep dives: areas, feedback cards and comparison")).click();
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Camden")).click();
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a session")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add session")).click();
        assertTrue(page.title().startsWith("Error: "));
        page.locator(".govuk-error-summary a[href='#heldOn']").click();
        assertEquals("heldOnDay", page.evaluate("document.activeElement.name"), "the date's error leads to the day box");
        Browser.assertAccessible(page);
        page.getByLabel("Day").fill("12");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add session")).click();
        assertTrue(page.locator(".govuk-error-summary").textContent()
                .contains("Date of the session must include a month and year"), "says which boxes are empty");
        assertEquals("12", page.getByLabel("Day").inputValue(), "what was typed is kept");
        page.getByLabel("Month").fill("3");
        page.getByLabel("Year").fill("2027");
        page.getByLabel("Families").check();
        page.getByLabel("Facilitator (optional)").fill("Priya");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add session")).click();
        assertTrue(page.locator(".govuk-notification-banner").textContent().contains("Session added"));
        page.getByLabel("Which session is the link for?").selectOption(new SelectOption().setLabel("12 March 2027, families"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make a participant link")).click();
        Browser.assertAccessible(page);
        assertTrue(page.getByTestId("qr").locator("svg[role=img] path").count() == 1, "a QR code drawn on the server");
        String url = page.getByTestId("link-url").textContent().trim();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The link names its session; an empty form is refused; the feedback is stored against the area and session. */
    private void aParticipantSendsFeedbackThroughTheLink(Page page, String token) {
        page.navigate(server.getURL() + "/deep-dives/feedback/" + token);
        assertTrue(Browser.html(page).contains("12 March 2027, families"));
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send feedback")).click();
        assertTrue(page.title().startsWith("Error: "));
        Browser.assertAccessible(page);
        page.getByLabel("Care-experienced young person").check();
        page.getByLabel("What works well?").fill("My personal adviser answers the phone.");
        page.getByLabel("What needs to change?").fill("Moving home less often.");
        page.getByLabel("Care", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send feedback")).click();
        String reference = page.getByTestId("reference").textContent();
        assertTrue(reference.matches("DDF-[2-9A-Z]{4}-[2-9A-Z]{4}"), reference);
        Browser.assertAccessible(page);
        assertEquals(List.of("NEW|camden|2027-03-12|CARE_EXPERIENCED_YOUNG_PERSON|{CARE}|LINK"), TestSql.column(dataSource,
                "SELECT s.status || '|' || a.slug || '|' || ses.held_on || '|' || f.participant_type || '|' "
                        + "|| s.themes::text || '|' || f.source FROM submission s JOIN deep_dive_feedback f "
                        + "ON f.submission_id = s.id JOIN area a ON a.id = f.area_id JOIN deep_dive_session ses "
                        + "ON ses.id = f.session_id WHERE s.reference = ?", reference));
    }

    /** "Add another card" saves nothing; a card with no words is refused with what was typed kept; three are saved. */
    private void aFacilitatorEntersCardsOnThePage(Page page) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Enter feedback cards")).click();
        Browser.assertAccessible(page);
        page.locator("#card-1-participantType").selectOption("FAMILY");
        page.locator("#card-1-whatWorks").fill("The family hub is open late.");
        page.locator("#card-1-themes").check();
        page.locator("#card-1-dilemmas").check();
        page.locator("#card-2-participantType").selectOption("PRACTITIONER");
        page.locator("#card-2-themes-5").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add another card")).click();
        assertEquals(4, page.locator("fieldset legend:has-text('Card ')").count(), "one more card, nothing saved yet");
        assertEquals("The family hub is open late.", page.locator("#card-1-whatWorks").inputValue());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save cards")).click();
        assertTrue(page.title().startsWith("Error: "));
        String summary = page.locator(".govuk-error-summary").textContent();
        assertTrue(summary.contains("Card 2: enter what works or what needs to change, or both"), summary);
        Browser.assertAccessible(page);
        assertTrue(page.locator("#card-1-themes").isChecked(), "what was typed is kept");
        page.locator("#card-2-whatNeedsToChange").fill("Caseloads we can manage.");
        page.locator("#card-4-participantType").selectOption("LEADER");
        page.locator("#card-4-whatWorks").fill("Joint commissioning with health.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save cards")).click();
        assertTrue(page.locator(".govuk-notification-banner").textContent().contains("3 feedback cards saved"));
        assertEquals(List.of("FAMILY|{SUPPORT}|{HELP_AND_PROTECTION}", "LEADER|{}|{}", "PRACTITIONER|{DELIVERY}|{}"),
                TestSql.column(dataSource, "SELECT f.participant_type || '|' || s.themes::text || '|' || s.dilemmas::text "
                        + "FROM deep_dive_feedback f JOIN submission s ON s.id = f.submission_id JOIN area a "
                        + "ON a.id = f.area_id WHERE f.source = 'BULK' AND a.slug = 'camden' ORDER BY 1"));
    }

    /** A file with a bad line saves nothing and says which line; a good one (with a byte-order mark) saves its cards. */
    private void andUploadsCardsFromACsvFile(Page page) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Upload feedback cards from a CSV file")).click();
        Browser.assertAccessible(page);
        String bad = "participant_type,what_works,what_needs_to_change,themes\r\nFamily,Good,,\r\nDragon,Good,,Weather\r\n";
        upload(page, bad);
        String errors = page.locator(".govuk-error-summary").textContent();
        assertTrue(errors.contains("Line 3: select one of the options for who gave the feedback"), errors);
        assertTrue(errors.contains("Line 3: select themes from the list"), errors);
        Browser.assertAccessible(page);
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM deep_dive_feedback WHERE source = 'CSV'"));
        upload(page, "\uFEFFparticipant_type,what_works,what_needs_to_change,themes\r\nFamily,\"Good, really\",,Support\r\n"
                + "Practitioner,,Less paperwork,Delivery;Sustainability\r\n");
        assertTrue(page.locator(".govuk-notification-banner").textContent().contains("2 feedback cards saved"));
    }

    @Test
    void aReviewerOpensTheDashboardAndTheComparisonAndAnAdministratorRecordsAnAreasDetails() {
        seed("enfield", 24, "FAMILY", List.of("SUPPORT", "STRENGTHENING_FAMILIES"), List.of("HELP_AND_PROTECTION"));
        seed("enfield", 12, "CARE_EXPERIENCED_YOUNG_PERSON", List.of("CARE", "SAFETY"), List.of());
        seed("enfield", 3, "LEADER", List.of("DELIVERY"), List.of("LOCAL_REGIONAL_NATIONAL"));
        seed("enfield", 15, "PRACTITIONER", List.of("DELIVERY", "SUPPORT"), List.of("FREEDOM_AND_RESPONSIBILITY"));
        seed("cumbria", 18, "CARE_EXPERIENCED_ADULT", List.of("CARE", "ACCOUNTABILITY"), List.of("LOCAL_REGIONAL_NATIONAL"));
        seed("cumbria", 11, "FAMILY", List.of("SUPPORT", "SUSTAINABILITY"), List.of("HELP_AND_PROTECTION"));
        seed("wolverhampton", 21, "PRACTITIONER", List.of("DELIVERY", "SAFETY"), List.of("FREEDOM_AND_RESPONSIBILITY"));
        seed("wolverhampton", 5, "FAMILY", List.of("STRENGTHENING_FAMILIES"), List.of("HELP_AND_PROTECTION"));
        seed("southampton", 13, "CARE_EXPERIENCED_YOUNG_PERSON", List.of("CARE", "SUPPORT"), List.of());

        accounts.createStaff("comparing.reviewer@example.org", Role.REVIEWER, PASSWORD);
        try (BrowserContext reviewer = Browser.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 900))) {
            Page page = reviewer.newPage();
            signIn(page, "comparing.reviewer@example.org");
            page.navigate(server.getURL() + "/staff/deep-dives/areas/enfield");
            assertFalse(Browser.html(page).contains("Change the area"), "only administrators change an area");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the dashboard")).click();
            Browser.assertAccessible(page);
            assertEquals("<10", page.locator("table:has(caption:text-is('By who gave the feedback')) "
                    + "tr:has(th:text-is('Leader or manager')) td").textContent().trim());
            assertTrue(page.locator("#participant-type-desc").textContent().contains("Leader or manager <10"));
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("area-dashboard.png")).setFullPage(true));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Compare with other areas")).click();
            Browser.assertAccessible(page);
            String comparison = page.locator("main").textContent();
            assertTrue(comparison.contains("Areas by theme") && comparison.contains("Areas by dilemma"));
            for (String cell : page.locator("main table td").allTextContents()) {
                String v = cell.trim();
                assertTrue(v.equals("<10") || v.equals("suppressed") || v.equals("0") || Long.parseLong(v) >= 10,
                        "no count from 1 to 9 is shown: " + v);
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("comparison.png")).setFullPage(true));
        }

        try (BrowserContext admin = Browser.get().newContext()) {
            Page page = admin.newPage();
            signIn(page, ADMIN);
            page.navigate(server.getURL() + "/staff/deep-dives/areas/enfield");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change the area's details")).click();
            Browser.assertAccessible(page);
            page.getByLabel("Population (optional)").fill("three hundred thousand");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save area")).click();
            assertTrue(page.title().startsWith("Error: "));
            Browser.assertAccessible(page);
            page.getByLabel("Population (optional)").fill("330,000");
            page.getByLabel("Ofsted rating of children's services (optional)").fill("Outstanding");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save area")).click();
            assertTrue(page.locator(".govuk-notification-banner").textContent().contains("Area details saved"));
            assertTrue(page.locator(".govuk-summary-list").textContent().contains("330,000"));
            assertTrue(page.locator(".govuk-summary-list").textContent().contains("Not known"), "unknowns stay unknown");
        }
    }

    @Test
    void flaggedSessionNotesAreReadOnlyByTheLeadAndAdministrators() {
        String disclosure = "A girl told us her stepdad hits her and she is scared to go home";
        String lead = "deepdives.journey.lead@example.org";
        String reviewer = "notes.journey.reviewer@example.org";
        accounts.createStaff(lead, Role.SAFEGUARDING_LEAD, PASSWORD);
        accounts.createStaff(reviewer, Role.REVIEWER, PASSWORD);
        String area = "/staff/deep-dives/areas/nottinghamshire";
        try (BrowserContext admin = Browser.get().newContext()) {
            Page page = admin.newPage();
            signIn(page, ADMIN);
            page.navigate(server.getURL() + area + "/sessions/new");
            page.getByLabel("Day").fill("9");
            page.getByLabel("Month").fill("6");
            page.getByLabel("Year").fill("2027");
            page.getByLabel("Care-experienced young people").check();
            page.getByLabel("Notes (optional)").fill(disclosure);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add session")).click();
            String banner = page.locator(".govuk-notification-banner").textContent();
            assertTrue(banner.contains("Session added") && banner.contains(Session.WITHHELD), banner);
            assertFalse(banner.contains("stepdad"), "the notes are not shown back in the banner");
            Browser.assertAccessible(page);
        }
        assertEquals(List.of("1"), TestSql.column(dataSource, "SELECT count(*)::text FROM outbox_message "
                + "WHERE template = 'safeguarding-notes-alert' AND recipient = ?", lead), "the lead is alerted");

        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            signIn(page, reviewer);
            page.navigate(server.getURL() + area);
            String notes = page.getByTestId("flagged-notes").textContent();
            assertTrue(notes.contains(Session.WITHHELD), notes);
            assertFalse(Browser.html(page).contains("stepdad"), "a reviewer does not read flagged notes");
            Browser.assertAccessible(page);
        }

        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            signIn(page, lead);
            page.navigate(server.getURL() + area);
            String notes = page.getByTestId("flagged-notes").textContent();
            assertTrue(notes.contains(disclosure) && notes.contains("Safeguarding"), notes);
        }
    }

    private void seed(String slug, int count, String type, List<String> themes, List<String> dilemmas) {
        List<FeedbackInput> cards = new ArrayList<>(Collections.nCopies(count,
                new FeedbackInput(type, "What works", "What needs to change", themes, dilemmas, null, null)));
        feedback.bulk(slug, cards, null);
    }

    private void upload(Page page, String csv) {
        page.getByLabel("CSV file").setInputFiles(new FilePayload("cards.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and save cards")).click();
    }

    private void signIn(Page page, String email) {
        Browser.signInAsStaff(page, server.getURL(), email, PASSWORD);
    }
}
