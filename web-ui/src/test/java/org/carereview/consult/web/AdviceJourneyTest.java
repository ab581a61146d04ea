package org.carereview.consult.web;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.notifications.Dispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** People send advice in a real browser: the whole journey, save and resume, and the spam trap. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdviceJourneyTest implements FreshDatabase {

    @RegisterExtension
    static final TestMail mail = new TestMail();

    static final String ADMIN = "journey.admin@example.org";
    static final String ADMIN_PASSWORD = "a journey admin password";

    @Inject
    EmbeddedServer server;

    @Inject
    Dispatcher dispatcher;

    @Inject
    DataSource dataSource;

    /** A fresh browser context and page for each test, closed after it. */
    @RegisterExtension
    final BrowserPage browser = new BrowserPage();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.fresh().withAdministrator(ADMIN, ADMIN_PASSWORD);
        properties.putAll(mail.properties());
        // A browser completes the journey faster than a person; the minimum time is tested on its own.
        properties.put("consult.advice.minimum-time", "0s");
        return properties;
    }

    @Test
    void aPersonAnswersOneQuestionAPageChecksTheirAnswersAndGetsTheReferenceOnScreenAndByEmail() throws Exception {
        startsFromTheHomePage();
        isAskedWhoTheyAreAndSaysTheyAreCareExperienced();
        asksTheirKeyQuestionsAndLeavesTheOptionalOnes();
        choosesATheme();
        givesAnEmailAddressOnlyOnceItIsOne();
        changesAnAnswerFromCheckYourAnswers();
        sendsAndGetsTheReferenceOnScreenAndByEmail();
    }

    /** From the home page to the first question. */
    private void startsFromTheHomePage() {
        page().navigate(server.getURL() + "/");
        on().assertAccessible().link("Send advice to the review").click();
        assertEquals(server.getURL() + "/call-for-advice", page().url());
        on().assertAccessible().button("Start now").click();
    }

    /** Nothing chosen is refused with its error; a person is not asked for an organisation. */
    private void isAskedWhoTheyAreAndSaysTheyAreCareExperienced() {
        assertEquals(server.getURL() + "/call-for-advice/who", page().url());
        continueButton().click();
        assertTrue(on().hasErrors(), page().title());
        assertTrue(on().errorSummary().contains("Select who you are responding as"));
        on().assertAccessible().answer("I am care-experienced").check();
        continueButton().click();
        assertEquals(server.getURL() + "/call-for-advice/key-questions", page().url(), "no organisation page for a person");
    }

    private void asksTheirKeyQuestionsAndLeavesTheOptionalOnes() {
        on().assertAccessible().answer("What key questions should the review answer?")
                .fill("Why do children move home so often? 🏠\nAnd why so far?");
        continueButton().click();
        for (String step : new String[] {"engagement", "resources", "groups"}) {
            assertEquals(server.getURL() + "/call-for-advice/" + step, page().url());
            on().assertAccessible();
            continueButton().click();
        }
    }

    private void choosesATheme() {
        assertEquals(server.getURL() + "/call-for-advice/themes", page().url());
        on().assertAccessible().answer("Care").check();
        continueButton().click();
    }

    /** An address that is not one is refused; a real one is kept with the person's agreement to be contacted. */
    private void givesAnEmailAddressOnlyOnceItIsOne() {
        assertEquals(server.getURL() + "/call-for-advice/contact", page().url());
        on().answer("Email address (optional)").fill("not an email");
        continueButton().click();
        assertTrue(on().hasErrors());
        on().assertAccessible().answer("Email address (optional)").fill("young.person@example.org");
        on().answer("You can contact me about my advice").check();
        continueButton().click();
    }

    /** A Change link opens the question and its button returns to check your answers with the new answer. */
    private void changesAnAnswerFromCheckYourAnswers() {
        assertEquals(server.getURL() + "/call-for-advice/check", page().url());
        assertTrue(Browser.html(page()).contains("And why so far?"));
        on().assertAccessible();
        page().locator("a[href='/call-for-advice/resources?change=1']").click();
        on().answer("What should the review read?").fill("The Care Crisis Review, 2018");
        on().button("Save and return to check your answers").click();
        assertEquals(server.getURL() + "/call-for-advice/check", page().url(), "Change returns to check your answers");
        assertTrue(Browser.html(page()).contains("The Care Crisis Review, 2018"));
    }

    /** The reference is on the confirmation page and in the one email sent; the advice is stored as new. */
    private void sendsAndGetsTheReferenceOnScreenAndByEmail() throws Exception {
        on().button("Send advice").click();
        String reference = on().reference();
        assertTrue(reference.matches("CFA-[2-9A-Z]{4}-[2-9A-Z]{4}"), reference);
        assertTrue(page().title().startsWith("Advice sent"));
        on().assertAccessible();

        assertEquals(1, dispatcher.dispatchDue());
        MimeMessage[] received = mail.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("young.person@example.org", received[0].getAllRecipients()[0].toString());
        assertTrue(GreenMailUtil.getBody(received[0]).contains(reference), "the email carries the reference");
        assertEquals(List.of("NEW|The Care Crisis Review, 2018"), TestSql.column(dataSource, "SELECT s.status || '|' || "
                + "a.resources FROM submission s JOIN advice_submission a ON a.submission_id = s.id WHERE s.reference = ?", reference));
    }

    @Test
    void aPersonSavesLeavesAndResumesWithTheCodeOnAnotherDevice() {
        page().navigate(server.getURL() + "/call-for-advice");
        on().button("Start now").click();
        on().answer("Parent or family member").check();
        continueButton().click();
        on().answer("What key questions should the review answer?").fill("How do families get help before a crisis?");
        on().button("Save and come back later").click();
        String code = on().resumeCode();
        Locator comeBack = on().assertAccessible().link("Come back to your answers");
        assertEquals("/call-for-advice/resume", comeBack.getAttribute("href"), "a link with words, not a web address");
        assertFalse(page().locator("main").textContent().contains("/call-for-advice/resume"), "no bare path on the page");

        try (BrowserContext other = Browser.get().newContext()) {
            PublicPage phone = PublicPage.on(other.newPage());
            phone.page().navigate(server.getURL() + "/call-for-advice/resume");
            phone.assertAccessible().answer("Enter your resume code").fill("WRNG-CODE");
            phone.button("Continue").click();
            assertTrue(phone.hasErrors());
            phone.assertAccessible().answer("Enter your resume code").fill(code.toLowerCase().replace("-", " "));
            phone.button("Continue").click();
            assertEquals(server.getURL() + "/call-for-advice/engagement", phone.page().url(),
                    "resuming opens the first question not yet answered, not check answers");
            phone.page().navigate(server.getURL() + "/call-for-advice/check");
            assertTrue(Browser.html(phone.page()).contains("How do families get help before a crisis?"));
            phone.button("Send advice").click();
            assertTrue(phone.reference().startsWith("CFA-"));
        }
    }

    @Test
    void theEmailedLinkOpensTheFirstQuestionAfterTheLastOneAnswered() throws Exception {
        page().navigate(server.getURL() + "/call-for-advice");
        on().button("Start now").click();
        on().answer("I am care-experienced").check();
        continueButton().click();
        on().answer("What key questions should the review answer?").fill("Why do children move so often?");
        continueButton().click();
        continueButton().click();
        continueButton().click();
        on().answer("Who should the review speak to?").fill("Foster carers");
        continueButton().click();
        assertEquals(server.getURL() + "/call-for-advice/themes", page().url());
        on().button("Save and come back later").click();
        on().answer("Email address").fill("comes.back@example.org");
        on().button("Email me a link").click();
        assertEquals(1, dispatcher.dispatchDue());
        Matcher link = Pattern.compile("https?://\\S+/call-for-advice/resume/[A-Za-z0-9_-]+")
                .matcher(GreenMailUtil.getBody(mail.getReceivedMessages()[0]));
        assertTrue(link.find(), "the email carries a link");

        try (BrowserContext laptop = Browser.get().newContext()) {
            PublicPage later = PublicPage.on(laptop.newPage());
            later.page().navigate(server.getURL() + link.group().replaceFirst("https?://[^/]+", ""));
            later.button("Open my answers").click();
            assertEquals(server.getURL() + "/call-for-advice/themes", later.page().url(),
                    "the skipped optional questions are not asked again; the first unanswered one after them is");
        }
    }

    @Test
    void aBotFillingTheHiddenFieldIsAnsweredNormallyButQuarantined() {
        page().navigate(server.getURL() + "/call-for-advice");
        on().button("Start now").click();
        on().answer("Other").check();
        continueButton().click();
        on().answer("What key questions should the review answer?").fill("Buy cheap watches");
        continueButton().click();
        page().navigate(server.getURL() + "/call-for-advice/contact");
        page().locator("#website").evaluate("field => field.value = 'http://spam.example'");
        continueButton().click();
        on().button("Send advice").click();
        String reference = on().reference();
        assertEquals(List.of("QUARANTINED|HONEYPOT"), TestSql.column(dataSource,
                "SELECT status || '|' || quarantine_reason FROM submission WHERE reference = ?", reference));

        StaffPage quarantine = new StaffPage(page(), server.getURL()).signIn(ADMIN, ADMIN_PASSWORD).open("/staff/quarantine");
        assertTrue(Browser.html(page()).contains(reference), "staff see what was held back");
        quarantine.assertAccessible().button("Release " + reference).click();
        assertEquals(List.of("NEW"), TestSql.column(dataSource, "SELECT status FROM submission WHERE reference = ?", reference));
        assertEquals(List.of("RELEASE"), TestSql.column(dataSource, "SELECT e.action FROM audit_event e "
                + "JOIN submission s ON s.id = e.submission_id WHERE s.reference = ?", reference), "the release is audited");
    }

    @Test
    void anAdministratorSignsInToTheStaffConsole() {
        page().navigate(server.getURL() + "/staff");
        assertEquals(server.getURL() + "/staff/sign-in", page().url(), "the console asks for sign-in first");
        StaffPage staff = StaffPage.on(page()).assertAccessible();

        page().getByLabel("Email address").fill(ADMIN);
        page().getByLabel("Password").fill("wrong password");
        staff.button("Sign in").click();
        assertTrue(staff.hasErrors());
        staff.assertAccessible();

        page().getByLabel("Password").fill(ADMIN_PASSWORD);
        staff.button("Sign in").click();
        assertEquals(server.getURL() + "/staff", page().url());
        assertTrue(Browser.html(page()).contains(ADMIN));
        staff.assertAccessible().link("Manage staff accounts").click();
        staff.assertAccessible();
    }

    @Test
    void anUnknownPageIsAFriendly404() {
        Response response = page().navigate(server.getURL() + "/no-such-page");
        assertEquals(404, response.status());
        assertTrue(page().title().contains("Page not found"), page().title());
        on().assertAccessible();
    }

    private Page page() {
        return browser.page();
    }

    private PublicPage on() {
        return PublicPage.on(page());
    }

    private Locator continueButton() {
        return on().button("Continue");
    }
}
