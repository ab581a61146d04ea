package org.carereview.consult.web;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With JavaScript on (assets/app/autosave.js), what is typed is saved without pressing anything: quietly at
 * most every 30 seconds while the person types (the browser's clock is driven by the test, nothing sleeps),
 * before the page's Back link is followed, and when the page is left any other way; and a save still on its way
 * never lands after the button's.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutosaveJourneyTest implements FreshDatabase {

    private static final String ADVICE = "Ask us before you move us, autosaved-advice-3F";
    private static final String STORY = "My foster carer helped with homework, back-link-story-8W";

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    /** A fresh browser context and page for each test, closed after it. */
    @RegisterExtension
    final BrowserPage browser = new BrowserPage();

    final List<String> autosaves = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.advice.minimum-time", "0s");
        properties.put("consult.rate-limit-per-minute", "0");
        return properties;
    }

    @BeforeEach
    void listenForAutosaves() {
        autosaves.clear();
        page().onRequest(request -> {
            if (request.url().endsWith("/autosave")) {
                autosaves.add(request.postData());
            }
        });
    }

    private Page page() {
        return browser.page();
    }

    @Test
    void typingOnAFreeTextPageIsSavedQuietlyWithinThirtySecondsAndTheResumeCodeBringsItBack() {
        page().clock().install();
        startAdvice();
        Locator box = page().locator("textarea[name=keyQuestions]");
        box.fill(ADVICE);

        page().clock().runFor(29_000);
        assertEquals(0, autosaves.size(), "nothing is sent while the person is still typing");
        Response saved = page().waitForResponse(r -> r.url().endsWith("/call-for-advice/key-questions/autosave"),
                () -> page().clock().runFor(1_000));
        assertEquals(204, saved.status());
        assertTrue(saved.request().postData().contains("csrfToken="), "a form post with its CSRF field");
        assertEquals(1, drafts(ADVICE), "saved on the server without a button pressed");
        Browser.assertAccessible(page());

        box.pressSequentially(" and");
        box.pressSequentially(" ask again");
        page().waitForResponse(r -> r.url().endsWith("/autosave"), () -> page().clock().runFor(30_000));
        assertEquals(2, autosaves.size(), "one save for everything typed within 30 seconds");
        assertEquals(1, drafts(ADVICE + " and ask again"));

        // A resume code, from the next page, so this page's answer is only ever saved by autosave.
        page().navigate(url("/call-for-advice/engagement"));
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and come back later")).click();
        String code = page().getByTestId("resume-code").textContent().strip();
        Page elsewhere = Browser.get().newContext().newPage();
        try {
            elsewhere.navigate(url("/call-for-advice/resume"));
            elsewhere.getByLabel("Enter your resume code").fill(code);
            elsewhere.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
            elsewhere.navigate(url("/call-for-advice/key-questions"));
            assertEquals(ADVICE + " and ask again", elsewhere.locator("textarea[name=keyQuestions]").inputValue());
        } finally {
            elsewhere.context().close();
        }
    }

    @Test
    void followingTheBackLinkSavesWhatIsOnThePageFirst() {
        startAdvice();
        page().locator("textarea[name=keyQuestions]").fill("An answer that will be changed");
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
        page().navigate(url("/call-for-advice/key-questions?change=1"));
        page().locator("textarea[name=keyQuestions]").fill(ADVICE);

        page().locator("a.govuk-back-link").click();
        page().waitForURL(url("/call-for-advice/check"));
        assertTrue(page().locator("main").textContent().contains(ADVICE), "check your answers shows what was on the page");

        page().navigate(url("/experts-by-experience"));
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
        page().navigate(url("/experts-by-experience/application/your-story"));
        page().locator("textarea[name=experienceStory]").fill(STORY);
        page().locator("a.govuk-back-link").click();
        page().waitForURL(url("/experts-by-experience/application"));
        assertEquals("Incomplete", page().locator("#your-story-status").textContent().strip());
        assertEquals(1, drafts(STORY));
    }

    @Test
    void leavingThePageAnyOtherWaySavesWhatIsOnIt() {
        page().navigate(url("/experts-by-experience"));
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
        page().navigate(url("/experts-by-experience/application/taking-part"));
        page().locator("textarea[name=availability]").fill("Saturdays, left-by-address-bar-2D");

        page().navigate(url("/"));
        // Sent as the page goes (a keepalive request, which the browser does not report to the test once the
        // page has gone): wait for it to reach the draft.
        page().waitForCondition(() -> drafts("left-by-address-bar-2D") == 1);
        page().navigate(url("/experts-by-experience/application/taking-part"));
        assertEquals("Saturdays, left-by-address-bar-2D", page().locator("textarea[name=availability]").inputValue());
    }

    @Test
    void aButtonPressedWhileASaveIsOnItsWaySendsTheFormAfterItSoTheOlderAnswersNeverLandLast() {
        page().navigate(url("/experts-by-experience"));
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
        page().navigate(url("/experts-by-experience/application/your-story"));
        List<Route> onTheirWay = new CopyOnWriteArrayList<>();
        page().route("**/autosave", onTheirWay::add);

        page().locator("textarea[name=experienceStory]").fill("I moved foster homes, story-saved-first-5J");
        page().locator("textarea[name=motivation]").fill("So children are listened to, pressed-while-saving-7K");
        page().waitForCondition(() -> onTheirWay.size() == 1); // leaving the story's box saved the page as it was
        Route late = onTheirWay.get(0);
        assertTrue(late.request().postData().matches("(.*&)?motivation=(&.*)?"), late.request().postData());
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and continue")).click();

        // That save reaches the server only now (a slow phone signal), and is answered.
        APIResponse arrived = page().context().request().post(late.request().url(), RequestOptions.create()
                .setHeader("Content-Type", "application/x-www-form-urlencoded")
                .setData(late.request().postData()));
        assertEquals(204, arrived.status());
        late.fulfill(new Route.FulfillOptions().setStatus(204));

        page().waitForURL(url("/experts-by-experience/application"));
        assertEquals(1, drafts("pressed-while-saving-7K"), "the button's post, with both answers, arrived last");
        assertEquals(1, drafts("story-saved-first-5J"));
    }

    private void startAdvice() {
        page().navigate(url("/call-for-advice"));
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
        page().locator("input[name=respondentType][value=CARE_EXPERIENCED]").check();
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
        assertEquals(url("/call-for-advice/key-questions"), page().url());
    }

    private long drafts(String containing) {
        return TestSql.count(dataSource, "SELECT count(*) FROM draft WHERE answers::text LIKE ?", "%" + containing + "%");
    }

    private String url(String path) {
        return server.getURL() + path;
    }
}
