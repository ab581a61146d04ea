package org.carereview.consult.web;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;

import javax.sql.DataSource;
import org.carereview.consult.notifications.Dispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private Page page() {
        return browser.page();
    }

    @Test
    void aPersonAnswersOneQuestionAPageChecksTheirAnswersAndGetsTheReferenceOnScreenAndByEmail() throws Exception {
        page().navigate(server.getURL() + "/");
        Browser.assertAccessible(page());
        page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Send advice to the review")).click();
        assertEquals(server.getURL() + "/call-for-advice", page().url());
        Browser.assertAccessible(page());
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();

        assertEquals(server.getURL() + "/call-for-advice/who", page().url());
        continueButton().click();
        assertTrue(page().title().startsWith("Error: "), page().title());
        assertTrue(page().locator(".govuk-error-summary").textContent().contains("Select who you are responding as"));
        Browser.assertAccessible(page());
        page().getByLabel("I am care-experienced").check();
        continueButton().click();

        assertEquals(server.getURL() + "/call-for-advice/key-questions", page().url(), "no organisation page for a person");
        Browser.assertAccessible(page());
        page().getByLabel("What key questions should the review answer?").fill("Why do children move home so often? 🏠\nAnd why so far?");
        continueButton().click();
        for (String step : new String[] {"engagement", "resources", "groups"}) {
            assertEquals(server.getURL() + "/call-for-advice/" + step, page().url());
            Browser.assertAccessible(page());
            continueButton().click();
        }
        assertEquals(server.getURL() + "/call-for-advice/themes", page().url());
        Browser.assertAccessible(page());
        page().getByLabel("Care", new Page.GetByLabelOptions().setExact(true)).check();
        continueButton().click();

        assertEquals(server.getURL() + "/call-for-advice/contact", page().url());
        page().getByLabel("Email address (optional)").fill("not an email");
        continueButton().click();
        assertTrue(page().title().startsWith("Error: "));
        Browser.assertAccessible(page());
        page().getByLabel("Email address (optional)").fill("young.person@example.org");
        page().getByLabel("You can contact me about my advice").check();
        continueButton().click();

        assertEquals(server.getURL() + "/call-for-advice/check", page().url());
        assertTrue(page().content().contains("And why so far?"));
        Browser.assertAccessible(page());
        page().locator("a[href='/call-for-advice/resources?change=1']").click();
        page().getByLabel("What should the review read?").fill("The Care Crisis Review, 2018");
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and return to check your answers")).click();
        assertEquals(server.getURL() + "/call-for-advice/check", page().url(), "Change returns to check your answers");
        assertTrue(page().content().contains("The Care Crisis Review, 2018"));

        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send advice")).click();
        String reference = page().getByTestId("reference").textContent().trim();
        assertTrue(reference.matches("CFA-[2-9A-Z]{4}-[2-9A-Z]{4}"), reference);
        assertTrue(page().title().startsWith("Advice sent"));
        Browser.assertAccessible(page());

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
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
        page().getByLabel("Parent or family member").check();
        continueButton().click();
        page().getByLabel("What key questions should the review answer?").fill("How do families get help before a crisis?");
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and come back later")).click();
        String code = page().getByTestId("resume-code").textContent().trim();
        Browser.assertAccessible(page());
        Locator comeBack = page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Come back to your answers"));
        assertEquals("/call-for-advice/resume", comeBack.getAttribute("href"), "a link with words, not a web address");
        assertTrue(!page().locator("main").textContent().contains("/call-for-advice/resume"), "no bare path on the page");

        BrowserContext other = Browser.get().newContext();
        try {
            Page phone = other.newPage();
            phone.navigate(server.getURL() + "/call-for-advice/resume");
            Browser.assertAccessible(phone);
            phone.getByLabel("Enter your resume code").fill("WRNG-CODE");
            continueButton(phone).click();
            assertTrue(phone.title().startsWith("Error: "));
            Browser.assertAccessible(phone);
            phone.getByLabel("Enter your resume code").fill(code.toLowerCase().replace("-", " "));
            continueButton(phone).click();
            assertEquals(server.getURL() + "/call-for-advice/engagement", phone.url(),
                    "resuming opens the first question not yet answered, not check answers");
            phone.navigate(server.getURL() + "/call-for-advice/check");
            assertTrue(phone.content().contains("How do families get help before a crisis?"));
            phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send advice")).click();
            assertTrue(phone.getByTestId("reference").textContent().trim().startsWith("CFA-"));
        } finally {
            other.close();
        }
    }

    @Test
    void theEmailedLinkOpensTheFirstQuestionAfterTheLastOneAnswered() throws Exception {
        page().navigate(server.getURL() + "/call-for-advice");
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
        page().getByLabel("I am care-experienced").check();
        continueButton().click();
        page().getByLabel("What key questions should the review answer?").fill("Why do children move so often?");
        continueButton().click();
        continueButton().click();
        continueButton().click();
        page().getByLabel("Who should the review speak to?").fill("Foster carers");
        continueButton().click();
        assertEquals(server.getURL() + "/call-for-advice/themes", page().url());
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and come back later")).click();
        page().getByLabel("Email address").fill("comes.back@example.org");
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Email me a link")).click();
        assertEquals(1, dispatcher.dispatchDue());
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://\\S+/call-for-advice/resume/[A-Za-z0-9_-]+")
                .matcher(GreenMailUtil.getBody(mail.getReceivedMessages()[0]));
        assertTrue(link.find(), "the email carries a link");

        BrowserContext laptop = Browser.get().newContext();
        try {
            Page later = laptop.newPage();
            later.navigate(server.getURL() + link.group().replaceFirst("https?://[^/]+", ""));
            later.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open my answers")).click();
            assertEquals(server.getURL() + "/call-for-advice/themes", later.url(),
                    "the skipped optional questions are not asked again; the first unanswered one after them is");
        } finally {
            laptop.close();
        }
    }

    @Test
    void aBotFillingTheHiddenFieldIsAnsweredNormallyButQuarantined() {
        page().navigate(server.getURL() + "/call-for-advice");
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
        page().getByLabel("Other", new Page.GetByLabelOptions().setExact(true)).check();
        continueButton().click();
        page().getByLabel("What key questions should the review answer?").fill("Buy cheap watches");
        continueButton().click();
        page().navigate(server.getURL() + "/call-for-advice/contact");
        page().locator("#website").evaluate("field => field.value = 'http://spam.example'");
        continueButton().click();
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send advice")).click();
        String reference = page().getByTestId("reference").textContent().trim();
        assertEquals(List.of("QUARANTINED|HONEYPOT"), TestSql.column(dataSource,
                "SELECT status || '|' || quarantine_reason FROM submission WHERE reference = ?", reference));

        signInAsAdministrator();
        page().navigate(server.getURL() + "/staff/quarantine");
        assertTrue(page().content().contains(reference), "staff see what was held back");
        Browser.assertAccessible(page());
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release " + reference)).click();
        assertEquals(List.of("NEW"), TestSql.column(dataSource, "SELECT status FROM submission WHERE reference = ?", reference));
        assertEquals(List.of("RELEASE"), TestSql.column(dataSource, "SELECT e.action FROM audit_event e "
                + "JOIN submission s ON s.id = e.submission_id WHERE s.reference = ?", reference), "the release is audited");
    }

    private void signInAsAdministrator() {
        Browser.signInAsStaff(page(), server.getURL(), ADMIN, ADMIN_PASSWORD);
    }

    private Locator continueButton() {
        return continueButton(page());
    }

    private static Locator continueButton(Page on) {
        return PublicPage.on(on).button("Continue");
    }

    @Test
    void anAdministratorSignsInToTheStaffConsole() {
        page().navigate(server.getURL() + "/staff");
        assertEquals(server.getURL() + "/staff/sign-in", page().url(), "the console asks for sign-in first");
        Browser.assertAccessible(page());

        page().getByLabel("Email address").fill(ADMIN);
        page().getByLabel("Password").fill("wrong password");
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertTrue(page().title().startsWith("Error: "));
        Browser.assertAccessible(page());

        page().getByLabel("Password").fill(ADMIN_PASSWORD);
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertEquals(server.getURL() + "/staff", page().url());
        assertTrue(page().content().contains(ADMIN));
        Browser.assertAccessible(page());

        page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Manage staff accounts")).click();
        Browser.assertAccessible(page());
    }

    @Test
    void anUnknownPageIsAFriendly404() {
        com.microsoft.playwright.Response response = page().navigate(server.getURL() + "/no-such-page");
        assertEquals(404, response.status());
        assertTrue(page().title().contains("Page not found"), page().title());
        Browser.assertAccessible(page());
    }
}
