package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a 390-pixel phone, the first question, the inset before writing and the confirmation read differently in
 * the two versions of the words, send the same answers, and fit the screen. Screenshots of both versions go to
 * target/screenshots/words (copied to docs/screenshots/words).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoVersionsScreenshotsTest implements FreshDatabase {

    static final Path SCREENSHOTS = Path.of("target", "screenshots", "words");

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.advice.minimum-time", "0s");
        properties.put("consult.rate-limit-per-minute", "0");
        return properties;
    }

    @Test
    void thePhoneSizedJourneyReadsDifferentlyInEachVersionAndFitsTheScreen() {
        Map<String, String> standard = walk("standard");
        Map<String, String> child = walk("child");
        for (String page : List.of("first-question", "inset-before-writing")) {
            assertNotEquals(standard.get(page), child.get(page), page + ": the child-friendly words differ");
        }
        assertTrue(standard.get("confirmation").startsWith("CFA-"), standard.get("confirmation"));
        assertTrue(child.get("confirmation").startsWith("CFA-"), child.get("confirmation"));
    }

    /** Walks the advice journey at 390 px in one version; returns each page's heading (or reference), by page. */
    private Map<String, String> walk(String version) {
        Map<String, String> seen = new LinkedHashMap<>();
        try (BrowserContext context = Browser.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(390, 844).setDeviceScaleFactor(1))) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/call-for-advice?version=" + version);
            page.locator("main form button[type=submit], main a.govuk-button--start").first().click();
            assertEquals(server.getURL() + "/call-for-advice/who", page.url());
            seen.put("first-question", shoot(page, version, "first-question", "legend h1, h1"));
            page.locator("input[name=respondentType][value=CARE_EXPERIENCED]").check();
            continueOn(page);
            seen.put("inset-before-writing", shoot(page, version, "inset-before-writing", ".govuk-inset-text"));
            page.locator("textarea[name=keyQuestions]").fill("Why do children move so often?");
            continueOn(page);
            while (!page.url().endsWith("/check")) {
                continueOn(page);
            }
            page.locator("main form button[type=submit]").first().click();
            assertTrue(page.url().contains("/call-for-advice/confirmation/"), page.url());
            seen.put("confirmation", page.locator("[data-testid=reference], .govuk-panel__body strong").first().innerText().strip());
            shoot(page, version, "confirmation", "h1");
        }
        return seen;
    }

    private static void continueOn(Page page) {
        page.locator("main form button[type=submit]:not([name=action])").first().click();
    }

    private static String shoot(Page page, String version, String name, String selector) {
        assertTrue((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
                name + " scrolls sideways at 390 px in the " + version + " version");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(SCREENSHOTS.resolve(name + "-" + version + ".png")));
        return page.locator(selector).first().innerText().strip();
    }
}
