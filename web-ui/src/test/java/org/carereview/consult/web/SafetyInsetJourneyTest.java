package org.carereview.consult.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.deepdives.Links;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Before the first box a person can write in, on every public channel, they are told who reads it if they say
 * someone is being hurt, and where to get help now (tap-to-call numbers). After sending something that may mean a
 * child is being hurt, the confirmation puts that help first, before the panel; an ordinary answer's does not.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafetyInsetJourneyTest implements FreshDatabase {

    /** A clear disclosure: "hits me" and "scared to go home" are on the phrase list (core's phrases.tsv). */
    static final String DISCLOSURE = "my stepdad hits me and I am scared to go home";
    static final String INSET = "[data-testid=before-you-write]";
    static final String READ_SOON = "[data-testid=read-soon]";

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Inject
    Links links;

    /** A fresh browser context and page for each test, closed after it. */
    @RegisterExtension
    final BrowserPage browser = new BrowserPage();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        // A browser answers faster than a person; the minimum times are tested on their own.
        properties.put("consult.advice.minimum-time", "0s");
        properties.put("consult.deep-dives.minimum-time", "0s");
        properties.put("consult.mail.folder",
                Path.of(System.getProperty("java.io.tmpdir"), "safety-inset-" + UUID.randomUUID()).toString());
        return properties;
    }

    private Page page() {
        return browser.page();
    }

    @Test
    void showsWhoWillReadItBeforeTheFirstAnswerBoxOfTheCallForAdvice() {
        page().navigate(server.getURL() + "/call-for-advice");
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
        assertEquals(0, page().locator("textarea").count(), "the first page is a choice, not a box to write in");
        assertEquals(0, page().locator(INSET).count());
        page().getByLabel("I am care-experienced").check();
        continueButton().click();

        assertEquals(server.getURL() + "/call-for-advice/key-questions", page().url());
        assertInsetBeforeTheFirstAnswerBox();
        assertEquals("What key questions should the review answer?", page().locator("h1").textContent().trim(),
                "the question is still the page's heading");
        assertTrue(page().getByLabel("What key questions should the review answer?").isVisible(), "the box keeps its label");
    }

    @Test
    void showsWhoWillReadItBeforeTheFirstAnswerBoxOfTheApplication() {
        page().navigate(server.getURL() + "/experts-by-experience");
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
        for (String before : List.of("Your experience", "About you")) {
            section(before);
            assertEquals(0, page().locator("textarea").count(), before + " has no box to write in");
            page().goBack();
        }

        section("Your story");
        assertInsetBeforeTheFirstAnswerBox();
    }

    @Test
    void showsWhoWillReadItBeforeTheFirstAnswerBoxOfTheDeepDiveFeedbackPage() {
        String token = links.create("camden", null, null).token();
        page().navigate(server.getURL() + "/deep-dives/feedback/" + token);
        assertInsetBeforeTheFirstAnswerBox();
        assertEquals(1, page().locator(".govuk-inset-text").count(), "one inset with the numbers, not two");
    }

    @Test
    void afterAdviceThatMaySayAChildIsBeingHurtHelpComesBeforeThePanel() {
        sendAdvice(DISCLOSURE);

        assertTrue(page().title().startsWith("Advice sent"), page().title());
        assertEquals(List.of("true"), TestSql.column(dataSource,
                "SELECT safeguarding::text FROM submission WHERE reference = ?", reference()));
        Locator help = page().locator(READ_SOON);
        assertEquals(1, help.count());
        assertTrue(help.isVisible());
        assertTrue(precedes(READ_SOON, ".govuk-panel"), "help comes before the panel with the reference");
        String text = help.textContent().replaceAll("\\s+", " ");
        assertTrue(text.contains("someone from our safeguarding team will read it soon"), text);
        assertTrue(text.contains("If you gave us your contact details, we may get in touch with you."), text);
        assertTrue(text.contains("If you are in danger now, call 999."), text);
        assertTelLinks(help);

        String main = page().locator("main").textContent().toLowerCase(Locale.ROOT);
        for (String word : List.of("flag", "disclos", "alert")) {
            assertFalse(main.contains(word), "someone reading over their shoulder must not see \"" + word + "\"");
        }
        assertEquals(1, page().locator("main a[href='tel:999']").count(), "the safety line is not shown twice");
        assertEquals(0, page().getByText("If you are worried about your safety or a child's safety").count());
        Browser.assertAccessible(page());
    }

    @Test
    void afterAnOrdinaryAnswerTheConfirmationStaysAsItWas() {
        sendAdvice("Why do children move home so often?");

        assertEquals(List.of("false"), TestSql.column(dataSource,
                "SELECT safeguarding::text FROM submission WHERE reference = ?", reference()));
        assertEquals(0, page().locator(READ_SOON).count());
        assertTrue(precedes(".govuk-panel", "main h2"), "the panel comes first");
        assertTrue(page().getByText("If you are worried about your safety or a child's safety").isVisible());
        assertTelLinks(page().locator("main"));
        Browser.assertAccessible(page());
    }

    @Test
    void afterDeepDiveFeedbackThatMaySayAChildIsBeingHurtHelpComesBeforeThePanel() {
        String token = links.create("camden", null, null).token();
        page().navigate(server.getURL() + "/deep-dives/feedback/" + token);
        page().getByLabel("Care-experienced young person").check();
        page().getByLabel("What needs to change?").fill(DISCLOSURE);
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send feedback")).click();

        assertTrue(page().title().startsWith("Feedback sent"), page().title());
        assertTrue(precedes(READ_SOON, ".govuk-panel"), "help comes before the panel with the reference");
        assertTelLinks(page().locator(READ_SOON));
        assertEquals(1, page().locator("main a[href='tel:999']").count(), "the safety line is not shown twice");
        Browser.assertAccessible(page());
    }

    /** The inset is on this page(), before the first textarea, says who reads it, has tap-to-call numbers, and axe is content. */
    private void assertInsetBeforeTheFirstAnswerBox() {
        Locator inset = page().locator(INSET);
        assertEquals(1, inset.count(), "the inset is on " + page().url());
        assertTrue(inset.isVisible());
        assertTrue(inset.getAttribute("class").contains("govuk-inset-text"));
        assertTrue(page().locator("textarea").count() > 0, page().url() + " has a box to write in");
        assertTrue(precedes(INSET, "textarea"), "the inset comes before the first box to write in");
        String text = inset.textContent().replaceAll("\\s+", " ");
        assertTrue(text.contains("someone from our safeguarding team will read it"), text);
        assertTrue(text.contains("children's services or the police"), text);
        assertTrue(text.contains("we will tell you first"), text);
        assertTrue(text.contains("we cannot get in touch with you"), text);
        assertTelLinks(inset);
        Browser.assertAccessible(page());
    }

    private static void assertTelLinks(Locator within) {
        assertEquals("999", within.locator("a.govuk-link[href='tel:999']").first().textContent());
        assertEquals("0800 1111", within.locator("a.govuk-link[href='tel:08001111']").first().textContent());
        assertEquals("0808 800 5000", within.locator("a.govuk-link[href='tel:08088005000']").first().textContent());
    }

    /** Whether the first element matching {@code first} comes before the first matching {@code second} in the page(). */
    private boolean precedes(String first, String second) {
        return (Boolean) page().evaluate("([a, b]) => { const x = document.querySelector(a), y = document.querySelector(b);"
                + " return !!x && !!y && (x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0; }",
                List.of(first, second));
    }

    private void sendAdvice(String keyQuestions) {
        page().navigate(server.getURL() + "/call-for-advice");
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
        page().getByLabel("I am care-experienced").check();
        continueButton().click();
        page().getByLabel("What key questions should the review answer?").fill(keyQuestions);
        continueButton().click();
        for (String step : List.of("engagement", "resources", "groups")) {
            assertEquals(server.getURL() + "/call-for-advice/" + step, page().url());
            continueButton().click();
        }
        page().getByLabel("Care", new Page.GetByLabelOptions().setExact(true)).check();
        continueButton().click();
        assertEquals(server.getURL() + "/call-for-advice/contact", page().url());
        continueButton().click();
        assertEquals(server.getURL() + "/call-for-advice/check", page().url());
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send advice")).click();
    }

    private String reference() {
        return page().getByTestId("reference").textContent().trim();
    }

    private Locator continueButton() {
        return PublicPage.on(page()).button("Continue");
    }

    private void section(String name) {
        page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }
}
