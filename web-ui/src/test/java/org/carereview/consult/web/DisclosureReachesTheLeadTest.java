package org.carereview.consult.web;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.safeguarding.LearnedCheck;
import org.carereview.consult.core.safeguarding.Screening;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.deepdives.Links;
import org.carereview.consult.experts.ApplicationWindow;
import org.carereview.consult.notifications.Dispatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child discloses harm through each channel, by its API and by its public page: within a minute the safeguarding
 * lead is emailed the reference (never what was written), a reviewer cannot find the submission, and the lead's
 * page for it says how to reach the person, as they left it. The clock is the test's: it moves 30 seconds and the
 * dispatcher runs once, as its every-10-seconds schedule would. The API tests send words the phrase list knows; the
 * page tests send words only the learned check (the real model) recognises. Either way the model reads the words
 * before the submission's transaction opens, so no database connection waits on it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisclosureReachesTheLeadTest implements FreshDatabase {

    /** Flagged on its own by the phrase list ("hits me", "scared to go home"): the API tests send it. */
    static final String DISCLOSURE = "My stepdad hits me and I am scared to go home.";
    /** No phrase matches it; the learned check (the real model) flags it: the page tests send it. */
    static final String IN_THEIR_WORDS = "theres nothing to eat and mums been gone 2 days";
    static final String LEAD = "reach.lead@example.org";
    static final String REVIEWER = "reach.reviewer@example.org";
    static final String PASSWORD = "a reach-the-lead password";

    @RegisterExtension
    static final TestMail mail = new TestMail();

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AccountService accounts;

    @Inject
    DataSource dataSource;

    @Inject
    Dispatcher dispatcher;

    @Inject
    MutableClock clock;

    @Inject
    Links links;

    @Inject
    ApplicationWindow window;

    @Inject
    LearnedCheck learned;

    @Inject
    Screening screening;

    Screening.Readings before;

    String reviewer;
    String linkToken;
    BrowserContext leadBrowser;
    Page lead;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put(TestClock.PROPERTY, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        properties.putAll(mail.properties());
        // The test runs the dispatcher itself, once, after moving the clock.
        properties.put("consult.notifications.scheduler.enabled", "false");
        // A browser finishes a journey faster than a person; the spam timers are tested on their own.
        properties.put("consult.advice.minimum-time", "0s");
        properties.put("consult.deep-dives.minimum-time", "0s");
        properties.put("consult.rate-limit-per-minute", "0");
        // The real model: the pages send what only it recognises.
        properties.put("consult.safeguarding.learned.enabled", "true");
        return properties;
    }

    @BeforeAll
    void staffAndALink() {
        assertTrue(learned.awaitReady(300), "the learned check is ready");
        accounts.createStaff(LEAD, Role.SAFEGUARDING_LEAD, PASSWORD);
        accounts.createStaff(REVIEWER, Role.REVIEWER, PASSWORD);
        reviewer = (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/login",
                Map.of("email", REVIEWER, "password", PASSWORD)), Argument.mapOf(String.class, Object.class))
                .get("accessToken");
        linkToken = links.create("camden", null, null).token();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        window.set(now.minusDays(2).toString(), now.plusDays(30).toString(), null);
        leadBrowser = Browser.get().newContext();
        lead = leadBrowser.newPage();
        Browser.signInAsStaff(lead, server.getURL(), LEAD, PASSWORD);
    }

    @BeforeEach
    void countReadings() {
        before = screening.readings();
    }

    @AfterAll
    void closeLeadsBrowser() {
        leadBrowser.close();
    }

    @Test
    void adviceThroughTheApi() {
        Map<String, Object> sent = AdviceApi.send(http, DISCLOSURE, List.of("SAFETY"), "api.adviser@example.org");
        String reach = theLeadIsAlertedAndAReviewerCannotFindIt((String) sent.get("id"), (String) sent.get("reference"),
                DISCLOSURE);
        assertEquals("mailto:api.adviser@example.org", emailLink("Email address").getAttribute("href"));
        assertTrue(reach.contains("Agreed to be contacted Yes"), reach);
    }

    @Test
    void anApplicationThroughTheApi() {
        Map<String, Object> body = new HashMap<>();
        body.put("experiences", List.of("IN_CARE"));
        body.put("name", "Robin Api");
        body.put("dateOfBirth", LocalDate.now(ZoneId.of("Europe/London")).minusYears(14).minusDays(3).toString());
        body.put("region", "LONDON");
        body.put("email", "api.applicant@example.org");
        body.put("phone", "07700 900 456");
        body.put("trustedAdult", Map.of("name", "Alex Morgan", "relationship", "Foster carer",
                "email", "api.trusted.adult@example.org"));
        body.put("experienceStory", DISCLOSURE);
        body.put("motivation", "So younger children are listened to.");
        body.put("consents", Map.of("dataUse", true, "contactTrustedAdult", true));
        Map<String, Object> sent = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/experts-by-experience/applications",
                body), Argument.mapOf(String.class, Object.class));
        String reach = theLeadIsAlertedAndAReviewerCannotFindIt((String) sent.get("id"), (String) sent.get("reference"),
                DISCLOSURE);
        assertEquals("mailto:api.applicant@example.org", emailLink("Email address").getAttribute("href"));
        assertEquals("tel:07700900456", emailLink("Phone number").getAttribute("href"));
        assertEquals("mailto:api.trusted.adult@example.org", emailLink("Trusted adult's email address").getAttribute("href"));
        assertTrue(reach.contains("Alex Morgan") && reach.contains("Foster carer")
                && reach.contains("They agreed we may contact this adult"), reach);
    }

    @Test
    void deepDiveFeedbackThroughTheApi() {
        Map<String, Object> card = new HashMap<>();
        card.put("participantType", "CARE_EXPERIENCED_YOUNG_PERSON");
        card.put("whatWorks", "My youth worker.");
        card.put("whatNeedsToChange", DISCLOSURE);
        Map<String, Object> sent = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/deep-dives/links/" + linkToken
                + "/feedback", card), Argument.mapOf(String.class, Object.class));
        theLeadIsAlertedAndAReviewerCannotFindIt((String) sent.get("id"), (String) sent.get("reference"),
                DISCLOSURE);
        assertTrue(lead.getByTestId("unreachable").textContent().contains("we cannot reach them"));
    }

    @Test
    void adviceThroughItsPages() {
        try (BrowserContext child = Browser.get().newContext()) {
            Page page = child.newPage();
            page.navigate(server.getURL() + "/call-for-advice");
            StaffPage.on(page).button("Start now").click();
            page.getByLabel("I am care-experienced").check();
            StaffPage.on(page).button("Continue").click();
            page.getByLabel("What key questions should the review answer?").fill(IN_THEIR_WORDS);
            StaffPage.on(page).button("Continue").click();
            for (String step : List.of("engagement", "resources", "groups", "themes")) {
                assertEquals(server.getURL() + "/call-for-advice/" + step, page.url());
                StaffPage.on(page).button("Continue").click();
            }
            assertEquals(server.getURL() + "/call-for-advice/contact", page.url());
            page.getByLabel("Email address (optional)").fill("page.adviser@example.org");
            page.getByLabel("You can contact me about my advice").check();
            StaffPage.on(page).button("Continue").click();
            StaffPage.on(page).button("Send advice").click();
            String reference = page.getByTestId("reference").textContent().trim();
            String reach = theLeadIsAlertedAndAReviewerCannotFindIt(idOf(reference), reference, IN_THEIR_WORDS);
            assertEquals("mailto:page.adviser@example.org", emailLink("Email address").getAttribute("href"));
            assertTrue(reach.contains("Agreed to be contacted Yes"), reach);
        }
    }

    @Test
    void anApplicationThroughItsPages() {
        try (BrowserContext child = Browser.get().newContext()) {
            Page page = child.newPage();
            page.navigate(server.getURL() + "/experts-by-experience");
            StaffPage.on(page).button("Start now").click();
            section(page, "Your experience");
            page.getByLabel("In care now", new Page.GetByLabelOptions().setExact(true)).check();
            StaffPage.on(page).button("Save and continue").click();
            section(page, "About you");
            LocalDate nineteen = LocalDate.now(ZoneId.of("Europe/London")).minusYears(19);
            page.getByLabel("Your name").fill("Robin Page");
            page.getByLabel("Day", new Page.GetByLabelOptions().setExact(true)).fill(String.valueOf(nineteen.getDayOfMonth()));
            page.getByLabel("Month", new Page.GetByLabelOptions().setExact(true)).fill(String.valueOf(nineteen.getMonthValue()));
            page.getByLabel("Year", new Page.GetByLabelOptions().setExact(true)).fill(String.valueOf(nineteen.getYear()));
            page.getByLabel("London", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByLabel("Email address").fill("page.applicant@example.org");
            page.getByLabel("Phone number").fill("07700 900 789");
            StaffPage.on(page).button("Save and continue").click();
            section(page, "Your story");
            page.getByLabel("Tell us about your experience of children's social care").fill(IN_THEIR_WORDS);
            page.getByLabel("Why would you like to join the group?").fill("So other children are listened to.");
            StaffPage.on(page).button("Save and continue").click();
            section(page, "Taking part (optional)");
            StaffPage.on(page).button("Save and continue").click();
            section(page, "Agreements");
            page.getByLabel("I agree that the review can use my information to consider my application").check();
            StaffPage.on(page).button("Save and continue").click();
            StaffPage.on(page).button("Check your answers").click();
            StaffPage.on(page).button("Send application").click();
            String reference = page.getByTestId("reference").textContent().trim();
            String reach = theLeadIsAlertedAndAReviewerCannotFindIt(idOf(reference), reference, IN_THEIR_WORDS);
            assertEquals("mailto:page.applicant@example.org", emailLink("Email address").getAttribute("href"));
            assertEquals("tel:07700900789", emailLink("Phone number").getAttribute("href"));
            assertFalse(reach.contains("Trusted adult"), "19, so none was asked for: " + reach);
        }
    }

    @Test
    void deepDiveFeedbackThroughTheParticipantLinkPage() {
        try (BrowserContext child = Browser.get().newContext()) {
            Page page = child.newPage();
            page.navigate(server.getURL() + "/deep-dives/feedback/" + linkToken);
            page.getByLabel("Care-experienced young person").check();
            page.getByLabel("What needs to change?").fill(IN_THEIR_WORDS);
            StaffPage.on(page).button("Send feedback").click();
            String reference = page.getByTestId("reference").textContent().trim();
            theLeadIsAlertedAndAReviewerCannotFindIt(idOf(reference), reference, IN_THEIR_WORDS);
            assertTrue(lead.getByTestId("unreachable").textContent().contains("we cannot reach them"));
        }
    }

    /**
     * Moves the clock by less than a minute and runs the dispatcher once: the lead's alert has gone, with the
     * reference and without what was written. A reviewer gets 404. Opens the lead's page for it, and answers the
     * text of its "How to reach them" list (white space made single spaces).
     */
    private String theLeadIsAlertedAndAReviewerCannotFindIt(String id, String reference, String text) {
        assertEquals(List.of("t"), TestSql.column(dataSource, "SELECT safeguarding FROM submission WHERE id = ?::uuid", id),
                "the screening flagged it");
        Screening.Readings after = screening.readings();
        assertEquals(List.of(before.ahead() + 1, before.inTransaction()), List.of(after.ahead(), after.inTransaction()),
                "the model read it before the transaction opened, not inside it");
        clock.advance(Duration.ofSeconds(30));
        dispatcher.dispatchDue();
        List<MimeMessage> alerts = Arrays.stream(mail.getReceivedMessages()).filter(DisclosureReachesTheLeadTest::toLead)
                .toList();
        assertEquals(1, alerts.size(), "one alert to the lead");
        String alert = subject(alerts.get(0)) + "\n" + GreenMailUtil.getBody(alerts.get(0));
        assertTrue(alert.contains(reference), alert);
        assertTrue(alert.contains("/staff/triage/" + id), alert);
        String quote = text.substring(text.indexOf(' ') + 1, text.indexOf(' ') + 16);
        assertFalse(alert.contains(quote), "never what was written: " + alert);

        HttpClientResponseException hidden = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/triage/submissions/" + id).bearerAuth(reviewer)));
        assertEquals(HttpStatus.NOT_FOUND, hidden.getStatus(), "a reviewer does not know it exists");

        lead.navigate(server.getURL() + "/staff/triage/" + id);
        assertEquals(reference, lead.locator("h1").textContent().trim());
        assertTrue(lead.locator("main").textContent().contains(quote), "the lead reads it");
        Locator heading = lead.locator("#how-to-reach-them");
        assertTrue(heading.isVisible());
        assertTrue((Boolean) lead.evaluate("() => { const h = document.getElementById('how-to-reach-them');"
                + " const answers = [...document.querySelectorAll('h2')].find(e => e.textContent.trim() === 'What they sent');"
                + " return !!(h.compareDocumentPosition(answers) & Node.DOCUMENT_POSITION_FOLLOWING); }"),
                "how to reach them comes before the answers");
        Browser.assertAccessible(lead);
        return lead.locator("#how-to-reach-them + dl").textContent().replaceAll("\\s+", " ").trim();
    }

    /** The link in the "How to reach them" row with this key. */
    private Locator emailLink(String key) {
        return lead.locator("#how-to-reach-them + dl .govuk-summary-list__row",
                new Page.LocatorOptions().setHas(lead.locator("dt", new Page.LocatorOptions().setHasText(key))))
                .first().locator("a");
    }

    private String idOf(String reference) {
        return TestSql.column(dataSource, "SELECT id::text FROM submission WHERE reference = ?", reference).get(0);
    }

    private static boolean toLead(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(LEAD));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void section(Page page, String name) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }
}
