package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.experts.ApplicationDrafts;
import org.carereview.consult.experts.ApplicationInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Children in care often use a carer's phone or a school computer: the next person in the same browser can
 * read nothing of someone's answers once they "Forget my answers on this device" or have sent them, the draft
 * cookies last only for the browser session, and pages with answers are never stored (ADR 14).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedDeviceJourneyTest implements FreshDatabase {

    static final String ADVICE = "Nobody asks me before I move placement, secret-advice-7Q";
    static final String STORY = "I lived with my nan and then in a children's home, secret-story-4K";

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Inject
    ApplicationDrafts applicationDrafts;

    @Inject
    JsonMapper json;

    /** A fresh browser context and page for each test, closed after it. */
    @RegisterExtension
    final BrowserPage browser = new BrowserPage(
            new com.microsoft.playwright.Browser.NewContextOptions().setJavaScriptEnabled(true));

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.advice.minimum-time", "0s");
        properties.put("consult.rate-limit-per-minute", "0");
        return properties;
    }

    private Page page() {
        return browser.page();
    }

    @Test
    void afterForgetMyAnswersTheNextPersonInTheSameBrowserSeesNoAdviceButTheResumeCodeStillWorks() {
        startAdvice();
        Cookie cookie = draftCookie("cfa-draft");
        assertEquals(-1.0, cookie.expires, "a session cookie: gone when the browser closes");
        assertTrue(cookie.httpOnly);

        Response question = page().navigate(url("/call-for-advice/key-questions"));
        assertTrue(Browser.html(page()).contains(ADVICE), "the question page shows the answer");
        assertNoStore(question);
        Response check = page().navigate(url("/call-for-advice/check"));
        assertTrue(Browser.html(page()).contains(ADVICE));
        assertNoStore(check);
        assertTrue(forgetButton(page()).isVisible(), "check your answers offers to forget");
        Browser.assertAccessible(page());

        page().navigate(url("/call-for-advice/key-questions"));
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and come back later")).click();
        String code = page().getByTestId("resume-code").textContent().trim();
        assertTrue(forgetButton(page()).isVisible(), "the page with the resume code offers to forget");
        forgetButton(page()).click();

        assertEquals(url("/call-for-advice/forgotten"), page().url());
        assertTrue(page().title().startsWith("Your answers are no longer on this device"), page().title());
        assertTrue(page().locator("main").textContent().contains("resume code"));
        assertEquals(0, forgetButton(page()).count(), "nothing left to forget");
        assertNoStore(page().navigate(page().url()));
        Browser.assertAccessible(page());
        assertTrue(browser.context().cookies().stream().noneMatch(c -> c.name.equals("cfa-draft")));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM draft WHERE answers::text LIKE '%secret-advice-7Q%'"),
                "the draft stays on the server for the resume code");

        Page next = browser.context().newPage();
        next.navigate(url("/call-for-advice"));
        assertEquals(0, next.getByText("Continue where you left off").count());
        next.navigate(url("/call-for-advice/check"));
        assertFalse(Browser.html(next).contains(ADVICE), "the next person cannot read the advice");
        next.navigate(url("/call-for-advice/key-questions"));
        assertFalse(Browser.html(next).contains(ADVICE));

        next.navigate(url("/call-for-advice/resume"));
        next.getByLabel("Enter your resume code").fill(code);
        next.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
        assertEquals(url("/call-for-advice/engagement"), next.url(), "back at the first question not yet answered");
        next.navigate(url("/call-for-advice/check"));
        assertTrue(Browser.html(next).contains(ADVICE), "the resume code brings the answers back");
    }

    @Test
    void afterSendingAdviceNothingOfItCanBeReadInThatBrowserOrWithTheOldCookie() {
        startAdvice();
        String draft = draftCookie("cfa-draft").value;
        page().navigate(url("/call-for-advice/check"));
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send advice")).click();
        String reference = page().getByTestId("reference").textContent().trim();
        assertTrue(reference.startsWith("CFA-"), reference);
        assertFalse(Browser.html(page()).contains(ADVICE), "the confirmation shows the reference, not the answers");
        assertTrue(browser.context().cookies().stream().noneMatch(c -> c.name.equals("cfa-draft")), "sending clears the draft cookie");
        assertNoStore(page().navigate(page().url()));

        Page next = browser.context().newPage();
        next.navigate(url("/call-for-advice"));
        assertEquals(0, next.getByText("Continue where you left off").count());
        next.navigate(url("/call-for-advice/check"));
        assertFalse(Browser.html(next).contains(ADVICE));

        BrowserContext withOldCookie = Browser.get().newContext();
        try {
            withOldCookie.addCookies(List.of(new Cookie("cfa-draft", draft).setDomain(host()).setPath("/call-for-advice")));
            Page old = withOldCookie.newPage();
            old.navigate(url("/call-for-advice/check"));
            assertFalse(Browser.html(old).contains(ADVICE), "the old cookie opens nothing");
            old.navigate(url("/call-for-advice/key-questions"));
            assertFalse(Browser.html(old).contains(ADVICE));
        } finally {
            withOldCookie.close();
        }
    }

    @Test
    void afterForgetTheNextPersonSeesNoApplicationAndAfterSendingNothingOfItCanBeRead() throws Exception {
        page().navigate(url("/experts-by-experience"));
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
        Cookie cookie = draftCookie("ebe-draft");
        assertEquals(-1.0, cookie.expires, "a session cookie: gone when the browser closes");
        assertTrue(forgetButton(page()).isVisible(), "the task list offers to forget");
        completeApplication(UUID.fromString(cookie.value));

        Response check = page().navigate(url("/experts-by-experience/application/check"));
        assertTrue(Browser.html(page()).contains(STORY));
        assertNoStore(check);
        Response question = page().navigate(url("/experts-by-experience/application/your-story"));
        assertTrue(Browser.html(page()).contains(STORY));
        assertNoStore(question);
        assertTrue(forgetButton(page()).isVisible(), "a question page offers to forget");
        forgetButton(page()).click();
        assertEquals(url("/experts-by-experience/forgotten"), page().url());
        Browser.assertAccessible(page());

        Page next = browser.context().newPage();
        next.navigate(url("/experts-by-experience"));
        assertEquals(0, next.getByText("Continue your application").count());
        next.navigate(url("/experts-by-experience/application/check"));
        assertFalse(Browser.html(next).contains(STORY), "the next person cannot read the application");
        next.close();

        // The same applicant starts again, sends it, and the browser keeps nothing of it.
        page().navigate(url("/experts-by-experience"));
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
        String draft = draftCookie("ebe-draft").value;
        completeApplication(UUID.fromString(draft));
        page().navigate(url("/experts-by-experience/application/check"));
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send application")).click();
        String reference = page().getByTestId("reference").textContent().trim();
        assertTrue(reference.startsWith("EBE-"), reference);
        assertFalse(Browser.html(page()).contains(STORY), "the confirmation shows the reference, not the answers");
        assertFalse(Browser.html(page()).contains("Jordan Example"));
        assertTrue(browser.context().cookies().stream().noneMatch(c -> c.name.equals("ebe-draft")), "sending clears the draft cookie");

        next = browser.context().newPage();
        next.navigate(url("/experts-by-experience/application/check"));
        assertFalse(Browser.html(next).contains(STORY));
        BrowserContext withOldCookie = Browser.get().newContext();
        try {
            withOldCookie.addCookies(List.of(new Cookie("ebe-draft", draft).setDomain(host()).setPath("/experts-by-experience")));
            Page old = withOldCookie.newPage();
            old.navigate(url("/experts-by-experience/application/check"));
            assertFalse(Browser.html(old).contains(STORY), "the old cookie opens nothing");
        } finally {
            withOldCookie.close();
        }
    }

    private void startAdvice() {
        page().navigate(url("/call-for-advice"));
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
        assertTrue(forgetButton(page()).isVisible(), "the first question offers to forget");
        page().getByLabel("I am care-experienced").check();
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
        page().getByLabel("What key questions should the review answer?").fill(ADVICE);
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
        assertEquals(url("/call-for-advice/engagement"), page().url());
    }

    private void completeApplication(UUID draft) throws Exception {
        Map<String, Object> answers = new HashMap<>();
        answers.put("experiences", List.of("CARE_LEAVER"));
        answers.put("name", "Jordan Example");
        answers.put("dateOfBirth", "2000-05-14");
        answers.put("region", "NORTH_WEST");
        answers.put("email", "jordan.shared@example.org");
        answers.put("experienceStory", STORY);
        answers.put("motivation", "I want the review to hear what moving schools felt like.");
        answers.put("consents", Map.of("dataUse", true));
        applicationDrafts.save(draft, json.readValue(json.writeValueAsString(answers), ApplicationInput.class));
    }

    private Cookie draftCookie(String name) {
        return browser.context().cookies().stream().filter(c -> c.name.equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie"));
    }

    private static com.microsoft.playwright.Locator forgetButton(Page on) {
        return on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Forget my answers on this device"));
    }

    private static void assertNoStore(Response response) {
        assertEquals("no-store", response.headers().get("cache-control"), response.url());
    }

    private String host() {
        return server.getHost();
    }

    private String url(String path) {
        return server.getURL() + path;
    }
}
