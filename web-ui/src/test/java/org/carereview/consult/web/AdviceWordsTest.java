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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every page of the call for advice, with each question page's errors and check answers' "answer at least one",
 * in the standard words, the child-friendly words and the keys version: easy enough to read for each, every word
 * from the bundles, and accessible and valid HTML in all three. The selectors do not depend on the words.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdviceWordsTest implements FreshDatabase {

    static final String ORGANISATION = "Kinship Carers Together";
    static final String EMAIL = "young.person@example.org";
    static final String ANSWER = "Why do children move home so often?";
    static final String TOO_LONG = "y".repeat(10_001);

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.words.keys-version", "true");
        properties.put("consult.advice.minimum-time", "0s");
        properties.put("consult.rate-limit-per-minute", "0");
        return properties;
    }

    @ParameterizedTest
    @EnumSource(PublicPageCheck.Version.class)
    void everyPageOfTheCallForAdviceInEachVersionOfTheWords(PublicPageCheck.Version version) {
        String base = server.getURL().toString();
        try (BrowserContext context = Browser.get().newContext()) {
            PublicPageCheck check = new PublicPageCheck(context, base, version, "advice")
                    .allow(ORGANISATION, EMAIL, ANSWER, TOO_LONG);
            Page page = context.newPage();

            page.navigate(base + "/call-for-advice?expired=1");
            check.check(page, "start, answers not found");
            page.navigate(base + "/call-for-advice");
            check.check(page, "start");
            page.locator("form[action='/call-for-advice/start'] button").click();

            page.waitForURL(base + "/call-for-advice/who");
            check.check(page, "who");
            refused(continueButton(page), "#respondentType");
            check.check(page, "who, with errors");
            page.locator("input[name=respondentType][value=ORGANISATION]").check();
            continueButton(page).click();

            page.waitForURL(base + "/call-for-advice/organisation");
            check.check(page, "organisation");
            page.locator("#organisation").fill("o".repeat(201));
            refused(continueButton(page), "#organisation");
            check.allow("o".repeat(201)).check(page, "organisation, with errors");
            page.locator("#organisation").fill(ORGANISATION);
            continueButton(page).click();

            for (String[] question : new String[][] {{"key-questions", "keyQuestions"}, {"engagement", "engagementAdvice"},
                    {"resources", "resources"}, {"groups", "groupsToSpeakTo"}}) {
                page.waitForURL(base + "/call-for-advice/" + question[0]);
                check.check(page, question[0]);
                page.locator("#" + question[1]).fill(TOO_LONG);
                refused(continueButton(page), "#" + question[1]);
                check.check(page, question[0] + ", with errors");
                page.locator("#" + question[1]).fill("");
                continueButton(page).click();
            }

            page.waitForURL(base + "/call-for-advice/themes");
            check.check(page, "themes");
            assertEquals(7, page.locator("input[name=themes] ~ .govuk-checkboxes__hint").count(), "each theme explained");
            page.locator("input[name=themes][value=CARE]").evaluate("box => { box.value = 'WEATHER'; box.checked = true; }");
            refused(continueButton(page), "#themes");
            check.check(page, "themes, with errors");
            page.locator("input[name=themes][value=CARE]").check();
            page.locator("input[name=themes][value=SAFETY]").check();
            continueButton(page).click();

            page.waitForURL(base + "/call-for-advice/contact");
            check.check(page, "contact");
            page.locator("#contactEmail").fill("not an email");
            refused(continueButton(page), "#contactEmail");
            check.allow("not an email").check(page, "contact, with errors");
            page.locator("#contactEmail").fill(EMAIL);
            page.locator("input[name=consentToContact]").check();
            page.locator("input[name=consentToPublish]").check();
            continueButton(page).click();

            page.waitForURL(base + "/call-for-advice/check");
            Response refused = Browser.clickAndWait(page, page.locator("#send"));
            assertEquals(422, refused.status());
            Locator link = page.locator(".govuk-error-summary__list a");
            assertEquals(1, link.count());
            assertEquals("/call-for-advice/key-questions?change=1", link.getAttribute("href"),
                    "answering none of the four questions links to the first question's page");
            check.check(page, "check answers, with errors");

            link.click();
            page.waitForURL(base + "/call-for-advice/key-questions?change=1");
            page.locator("#keyQuestions").fill(ANSWER);
            continueButton(page).click();
            page.waitForURL(base + "/call-for-advice/check");
            check.check(page, "check answers");

            page.locator("#send").click();
            page.waitForURL(base + "/call-for-advice/confirmation/*");
            String reference = PublicPage.on(page).reference();
            check.allow(reference).check(page, "confirmation");

            check.finish();
        }
    }


    /** Posts the page's form, expects it back with 422 and the error summary's one link going to the field. */
    private static void refused(Locator button, String field) {
        Response response = Browser.clickAndWait(button.page(), button);
        assertEquals(422, response.status(), button.page().url());
        Locator links = button.page().locator(".govuk-error-summary__list a");
        assertEquals(1, links.count(), button.page().url());
        assertEquals(field, links.getAttribute("href"), "an error on a question page links to its field");
    }

    /** The first button of the page's form: Continue (or Save and return to check your answers). */
    private static Locator continueButton(Page page) {
        return page.locator("main form button").first();
    }
}
