package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The information pages, an error page, "save and come back later" with every page of coming back, and the
 * safety words before the first box to write in, walked in each version of the words: axe, the reading grade,
 * no words from outside the bundles, and the Nu HTML Checker. Every error state is walked too, and the error
 * pages for a page that is not there, a form sent after its token expired and a request in the wrong method. The selectors do
 * not depend on the words, so one walk serves all three versions.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InformationAndDraftsWordsTest implements FreshDatabase {

    /** Names of the cookies the cookies page lists: names, not words. */
    static final String[] COOKIE_NAMES = {"JWT", "cfa-draft", "ebe-draft", "csrf", "words"};
    static final String EMAIL = "w1@example.org";

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.words.keys-version", "true");
        properties.put("consult.advice.minimum-time", "0s");
        properties.put("consult.mail.folder",
                Path.of(System.getProperty("java.io.tmpdir"), "information-words-" + UUID.randomUUID()).toString());
        return properties;
    }

    @ParameterizedTest
    @EnumSource(PublicPageCheck.Version.class)
    void theInformationErrorAndSaveAndResumePagesReadWellInEveryVersion(PublicPageCheck.Version version) {
        try (BrowserContext context = Browser.get().newContext()) {
            String base = server.getURL().toString();
            PublicPageCheck check = new PublicPageCheck(context, base, version, "information and drafts")
                    .allow(COOKIE_NAMES).allow(EMAIL)
                    // the forgotten page gives the address of the page to enter a resume code on
                    .allow("/call-for-advice/resume");
            Page page = context.newPage();

            page.navigate(base + "/");
            assertTelLinks(page.locator("main .govuk-inset-text"));
            check.check(page, "home");
            page.navigate(base + "/accessibility");
            check.check(page, "accessibility statement");
            page.navigate(base + "/cookies");
            assertEquals(List.of(COOKIE_NAMES), page.locator("main table tbody th[scope=row]").allTextContents()
                    .stream().map(String::strip).toList());
            check.check(page, "cookies");
            page.navigate(base + "/privacy");
            check.check(page, "privacy notice");
            Response missing = page.navigate(base + "/no-such-page");
            assertEquals(404, missing.status());
            check.check(page, "page not found");

            // The first box to write in on the call for advice has the safety words before it.
            page.navigate(base + "/call-for-advice");
            Browser.clickAndWait(page, page.locator("main form button[type=submit]").first());
            page.locator("main input[name=respondentType]").first().check();
            Browser.clickAndWait(page, continueButton(page));
            assertEquals(base + "/call-for-advice/key-questions", page.url());
            checkSafetyInset(page, version);

            page.locator("main textarea").first().fill("Why do children move so often?");
            Browser.clickAndWait(page, page.locator("main button[name=action][value=save]"));
            String code = PublicPage.on(page).resumeCode();
            check.allow(code).check(page, "saved, with the resume code");

            assertEquals(422, Browser.clickAndWait(page, page.locator("main form button[type=submit]").first()).status());
            check.check(page, "email me a link, with no address");
            page.locator("main input[name=email]").fill(EMAIL);
            Browser.clickAndWait(page, page.locator("main form button[type=submit]").first());
            assertTrue(page.locator("main strong").textContent().contains(EMAIL), "the page says where the link went");
            check.check(page, "link sent");

            String link = emailedLink();
            Response landing = page.navigate(base + link);
            assertEquals(200, landing.status(), "opening the link does not use it up");
            check.check(page, "the emailed link's page");
            Browser.clickAndWait(page, page.locator("main form button[type=submit]").first());
            assertTrue(page.url().startsWith(base + "/call-for-advice/"), page.url());
            Browser.clickAndWait(page, page.locator("aside form button[type=submit]"));
            assertEquals(base + "/call-for-advice/forgotten", page.url());
            check.check(page, "answers forgotten on this device");

            page.navigate(base + link);
            assertEquals(404, Browser.clickAndWait(page, page.locator("main form button[type=submit]").first()).status());
            check.check(page, "the emailed link, used twice");

            page.navigate(base + "/call-for-advice/resume");
            check.check(page, "enter your resume code");
            assertEquals(422, Browser.clickAndWait(page, continueButton(page)).status());
            check.check(page, "enter your resume code, with no code");
            page.locator("main input[name=code]").fill("WRNG-CODE");
            assertEquals(422, Browser.clickAndWait(page, continueButton(page)).status());
            check.check(page, "enter your resume code, with a code that opens nothing");

            // Two more error pages: a form sent without its token (a page left open too long) and a wrong method.
            page.locator("main form input[name=csrfToken]").evaluate("input => input.remove()");
            assertEquals(403, Browser.clickAndWait(page, continueButton(page)).status());
            check.check(page, "a form that has expired");
            Response wrongMethod = page.navigate(base + "/call-for-advice/saved/email");
            assertEquals(405, wrongMethod.status());
            check.check(page, "a page that cannot be opened that way");

            check.finish();
        }
    }

    /**
     * The safety words are this walk's part of the first question page (the question is the call for advice's):
     * axe on the page, and for the words of the inset alone the reading grade, no words from outside the bundles,
     * and every phone number as a link to call.
     */
    private static void checkSafetyInset(Page page, PublicPageCheck.Version version) {
        Locator inset = page.getByTestId("before-you-write");
        assertEquals(1, inset.count());
        assertTelLinks(inset);
        Browser.assertAccessible(page);
        String html = "<main>" + inset.evaluate("e => e.outerHTML") + "</main>";
        switch (version) {
            case STANDARD, CHILD -> {
                double limit = version == PublicPageCheck.Version.CHILD ? PublicPageCheck.CHILD_GRADE : PublicPageCheck.STANDARD_GRADE;
                double grade = Readability.grade(html);
                assertTrue(grade <= limit, String.format(Locale.ROOT, "the safety words read at grade %.1f in the %s version: %s",
                        grade, version, Readability.sentences(html)));
            }
            case KEYS -> {
                String left = inset.innerText().replaceAll("\u27e6[^\u27e7]*\u27e7", " ");
                assertTrue(left.matches("[\\s\\d.,:;]*"), "words not from the bundles in the safety words: " + left);
            }
        }
    }

    private static void assertTelLinks(Locator within) {
        assertEquals("999", within.locator("a.govuk-link[href='tel:999']").first().textContent());
        assertEquals("0800 1111", within.locator("a.govuk-link[href='tel:08001111']").first().textContent());
        assertEquals("0808 800 5000", within.locator("a.govuk-link[href='tel:08088005000']").first().textContent());
    }

    /** The button that sends the page's form on (the first submit button with no name, so not "save"). */
    private static Locator continueButton(Page page) {
        return page.locator("main form button[type=submit]:not([name])").first();
    }

    /** The path of the one-time link in the latest "carry on with your advice" email. */
    private String emailedLink() {
        List<String> links = TestSql.column(dataSource, "SELECT fields->>'link' FROM outbox_message "
                + "WHERE template = 'advice-draft-link' ORDER BY created_at DESC LIMIT 1");
        assertEquals(1, links.size(), "an email with a link was queued");
        return links.get(0).replaceFirst("https?://[^/]+", "");
    }
}
