package org.carereview.consult.web;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.experts.ApplicationWindow;
import org.carereview.consult.experts.Window;
import org.carereview.consult.notifications.Dispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Children, young people and families apply to the Experts by Experience group in a real browser. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationJourneyTest implements FreshDatabase {

    @RegisterExtension
    static final TestMail mail = new TestMail();

    @Inject
    EmbeddedServer server;

    @Inject
    Dispatcher dispatcher;

    @Inject
    DataSource dataSource;

    @Inject
    ApplicationWindow window;

    /** A fresh browser context and page for each test, closed after it. */
    @RegisterExtension
    final BrowserPage browser = new BrowserPage();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.putAll(mail.properties());
        return properties;
    }

    private Page page() {
        return browser.page();
    }

    @Test
    void aFifteenYearOldFillsInEverySectionIsAskedForATrustedAdultAndGetsTheirReference() {
        startsFromTheHomePage();
        choosesTheirExperience();
        correctsTheirDateOfBirthAndIsToldATrustedAdultIsNeeded();
        tellsTheirStoryAndLeavesTheOptionalQuestions();
        agreesAndWillGetDeadlineReminders();
        isSentToTheMissingTrustedAdultFromCheckYourAnswersAndSends();
    }

    /** From the home page to the task list: the start page says when applications close. */
    private void startsFromTheHomePage() {
        page().navigate(server.getURL() + "/");
        on().link("Apply to join the Experts by Experience group").click();
        assertEquals(server.getURL() + "/experts-by-experience", page().url());
        String start = mainText();
        assertTrue(start.matches(".*Applications close at 5pm on \\w+ 5 February \\d{4} \\(UK time\\)\\..*"), start);
        assertTrue(start.contains("your unfinished answers will be deleted"), start);
        on().assertAccessible().button("Start now").click();

        assertEquals(server.getURL() + "/experts-by-experience/application", page().url());
        assertEquals("Not yet started", status("experience"));
        assertEquals("Cannot start yet", status("trusted-adult"));
        on().assertAccessible();
    }

    /** A section with nothing chosen is refused with its error, then done. */
    private void choosesTheirExperience() {
        section("Your experience");
        saveAndContinue().click();
        assertTrue(on().hasErrors(), page().title());
        assertTrue(errorSummary().contains("Select at least one kind of experience"));
        on().assertAccessible().answer("In care now").check();
        page().getByLabel("Left care (care leaver)").check();
        saveAndContinue().click();
        assertEquals("Completed", status("experience"));
    }

    /** A date that does not exist is refused, what was typed is kept, and the error leads to the day box. */
    private void correctsTheirDateOfBirthAndIsToldATrustedAdultIsNeeded() {
        section("About you");
        on().assertAccessible();
        LocalDate fifteen = LocalDate.now(ZoneId.of("Europe/London")).minusYears(15).minusDays(10);
        page().getByLabel("Your name").fill("Sam Taylor");
        on().answer("Day").fill("31");
        on().answer("Month").fill("2");
        on().answer("Year").fill(String.valueOf(fifteen.getYear()));
        on().answer("London").check();
        page().getByLabel("Email address").fill("sam@example.org");
        saveAndContinue().click();
        assertTrue(on().hasErrors(), page().title());
        assertTrue(errorSummary().contains("Date of birth must be a real date"));
        assertEquals("31", on().answer("Day").inputValue(), "what was typed is kept");
        page().locator(".govuk-error-summary a[href='#dateOfBirthDay']").click();
        assertEquals("dateOfBirthDay", page().evaluate("document.activeElement.id"), "the date's error leads to the day box");
        on().assertAccessible();
        on().answer("Day").fill(String.valueOf(fifteen.getDayOfMonth()));
        on().answer("Month").fill(String.valueOf(fifteen.getMonthValue()));
        saveAndContinue().click();
        assertEquals("Completed", status("about-you"));
        assertEquals("Not yet started", status("trusted-adult"), "under 16, so a trusted adult is needed");
    }

    private void tellsTheirStoryAndLeavesTheOptionalQuestions() {
        section("Your story");
        on().assertAccessible();
        page().getByLabel("Tell us about your experience of children's social care").fill("I moved foster homes four times.\nSchool helped.");
        page().getByLabel("Why would you like to join the group?").fill("So other children are listened to.");
        saveAndContinue().click();

        section("Taking part (optional)");
        on().assertAccessible();
        saveAndContinue().click();
        assertEquals("Completed", status("taking-part"), "optional questions left blank are still done");

        section("Equality questions (optional)");
        assertTrue(mainText().contains("never shown to the people who score applications"));
        on().assertAccessible();
        page().getByLabel("What is your gender? (optional)").fill("Girl");
        page().getByLabel("I prefer not to say").check();
        saveAndContinue().click();
    }

    private void agreesAndWillGetDeadlineReminders() {
        section("Agreements");
        on().assertAccessible();
        page().getByLabel("I agree that the review can use my information to consider my application").check();
        page().getByLabel("I agree that the review can contact my trusted adult about my application").check();
        saveAndContinue().click();
        assertEquals("Not yet started", status("trusted-adult"));
        assertEquals(List.of("sam@example.org"), TestSql.column(dataSource,
                "SELECT reminder_email FROM draft WHERE answers->>'name' = 'Sam Taylor'"), "deadline reminders will reach them");
    }

    /** Check your answers refuses to send without a trusted adult, links to the question, then sends. */
    private void isSentToTheMissingTrustedAdultFromCheckYourAnswersAndSends() {
        on().button("Check your answers").click();
        assertEquals(server.getURL() + "/experts-by-experience/application/check", page().url());
        assertTrue(Browser.html(page()).contains("School helped."));
        on().assertAccessible();
        sendApplication().click();
        assertTrue(on().hasErrors(), page().title());
        String missingAdult = "Enter the name of an adult you trust, because you are under 16";
        assertTrue(errorSummary().contains(missingAdult), errorSummary());
        on().assertAccessible().followError(missingAdult);
        assertTrue(page().url().startsWith(server.getURL() + "/experts-by-experience/application/trusted-adult?change=1"), page().url());
        on().assertAccessible();
        page().getByLabel("Their name").fill("Alex Morgan");
        page().getByLabel("How do you know them?").fill("Foster carer");
        page().getByLabel("Their email address").fill("alex@example.org");
        on().button("Save and return to check your answers").click();

        assertEquals(server.getURL() + "/experts-by-experience/application/check", page().url());
        assertTrue(Browser.html(page()).contains("Alex Morgan"));
        sendApplication().click();
        String reference = on().reference();
        assertTrue(reference.matches("EBE-[2-9A-Z]{4}-[2-9A-Z]{4}"), reference);
        assertTrue(page().title().startsWith("Application sent"), page().title());
        assertTrue(mainText().contains("Childline free on 0800 1111"));
        on().assertAccessible();
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM draft WHERE answers->>'name' = 'Sam Taylor'"),
                "the sent draft is deleted");
    }

    @Test
    void anApplicantSavesAndComesBackWithTheCodeOnAnotherDeviceOrTheEmailedLink() throws Exception {
        page().navigate(server.getURL() + "/experts-by-experience");
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
        section("Your experience");
        page().getByLabel("Adopted", new Page.GetByLabelOptions().setExact(true)).check();
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and come back later")).click();
        String code = on().resumeCode();
        Browser.assertAccessible(page());
        assertEquals("/experts-by-experience/resume", page().getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Come back to your answers")).getAttribute("href"));

        BrowserContext other = Browser.get().newContext();
        try {
            Page phone = other.newPage();
            phone.navigate(server.getURL() + "/experts-by-experience");
            phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("I have a resume code")).click();
            Browser.assertAccessible(phone);
            phone.getByLabel("Enter your resume code").fill("WRNG-CODE");
            continueButton(phone).click();
            assertTrue(phone.title().startsWith("Error: "));
            Browser.assertAccessible(phone);
            phone.getByLabel("Enter your resume code").fill(code.toLowerCase().replace("-", " "));
            continueButton(phone).click();
            assertEquals(server.getURL() + "/experts-by-experience/application", phone.url(),
                    "an application resumes on its task list, which shows what is left to do");
            assertEquals("Completed", phone.locator("#experience-status").textContent().strip());
            phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your experience")).click();
            assertTrue(phone.getByLabel("Adopted", new Page.GetByLabelOptions().setExact(true)).isChecked());
        } finally {
            other.close();
        }

        page().getByLabel("Email address").fill("applicant@example.org");
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Email me a link")).click();
        assertTrue(page().title().startsWith("Check your email"), page().title());
        Browser.assertAccessible(page());
        assertEquals(1, dispatcher.dispatchDue());
        MimeMessage[] received = mail.getReceivedMessages();
        assertEquals(1, received.length);
        Matcher link = Pattern.compile("https?://\\S+/experts-by-experience/resume/[A-Za-z0-9_-]+")
                .matcher(GreenMailUtil.getBody(received[0]));
        assertTrue(link.find(), "the email carries a link");
        String path = link.group().replaceFirst("https?://[^/]+", "");

        BrowserContext laptop = Browser.get().newContext();
        try {
            Page later = laptop.newPage();
            Response landing = later.navigate(server.getURL() + path);
            assertEquals(200, landing.status(), "opening the link does not use it up");
            Browser.assertAccessible(later);
            later.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open my answers")).click();
            assertEquals(server.getURL() + "/experts-by-experience/application", later.url());
            assertEquals("Completed", later.locator("#experience-status").textContent().strip());
            later.navigate(server.getURL() + path);
            later.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open my answers")).click();
            assertTrue(later.title().startsWith("This link has expired"), "the link works once");
            Browser.assertAccessible(later);
        } finally {
            laptop.close();
        }
    }

    @Test
    void answersSentAfterTheCloseAreRefusedPlainlyAndTheStartPageSaysApplicationsHaveClosed() {
        page().navigate(server.getURL() + "/experts-by-experience");
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
        Window before = window.current();
        window.set("2020-01-06T09:00", "2020-02-05T17:00", null);
        try {
            page().navigate(server.getURL() + "/experts-by-experience/application/check");
            Response refused = page().waitForResponse(r -> r.request().method().equals("POST"), () -> sendApplication().click());
            assertEquals(409, refused.status());
            assertTrue(page().title().startsWith("Applications have closed"), page().title());
            assertTrue(mainText().contains("We could not accept your answers"), mainText());
            Browser.assertAccessible(page());

            page().navigate(server.getURL() + "/experts-by-experience");
            assertTrue(mainText().contains("Applications have closed"), mainText());
            assertEquals(0, page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).count());
            Browser.assertAccessible(page());
        } finally {
            window.set(ukTime(before.opensAt()), ukTime(before.closesAt()), null);
        }
    }

    private static String ukTime(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneId.of("Europe/London")).toString();
    }

    private void section(String name) {
        page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    private String status(String task) {
        assertEquals(server.getURL() + "/experts-by-experience/application", page().url());
        return page().locator("#" + task + "-status").textContent().strip();
    }

    private PublicPage on() {
        return PublicPage.on(page());
    }

    private String mainText() {
        return on().mainText();
    }

    private String errorSummary() {
        return on().errorSummary();
    }

    private Locator saveAndContinue() {
        return on().button("Save and continue");
    }

    private Locator sendApplication() {
        return on().button("Send application");
    }

    private static Locator continueButton(Page on) {
        return PublicPage.on(on).button("Continue");
    }
}
