package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The link at the top of a public page switches the words, and the choice is remembered for the visit only. */
@MicronautTest(transactional = false)
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class WordsInfrastructureTest implements FreshDatabase {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.words.keys-version", "true");
        return properties;
    }

    @Test
    void theLinkAtTheTopSwitchesToSimplerWordsAndTheChoiceLastsUntilTheBrowserCloses() {
        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/cookies");
            page.getByText("Use simpler words").click();
            assertTrue(page.url().endsWith("/cookies?version=child"), page.url());
            assertTrue(page.getByText("Use the standard words").isVisible());
            page.navigate(server.getURL() + "/privacy");
            assertTrue(page.getByText("Use the standard words").isVisible(), "remembered on the next page");
            var cookie = context.cookies().stream().filter(c -> c.name.equals("words")).findFirst().orElseThrow();
            assertEquals("child", cookie.value);
            assertEquals(-1.0, cookie.expires, "a session cookie");
            assertTrue(cookie.httpOnly);
            page.getByText("Use the standard words").click();
            assertTrue(page.getByText("Use simpler words").isVisible());
            assertTrue(context.cookies().stream().noneMatch(c -> c.name.equals("words")), "standard words need no cookie");
        }
    }

    @Test
    void staffPagesComeInOneVersionWithNoLink() {
        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/staff/sign-in?version=child");
            assertEquals(0, page.getByText("Use the standard words").count());
            assertEquals(0, page.getByText("Use simpler words").count());
        }
    }

    @Test
    void theCheckFindsWordsThatDoNotComeFromTheBundles() {
        try (BrowserContext context = Browser.get().newContext()) {
            PublicPageCheck check = new PublicPageCheck(context, server.getURL().toString(), PublicPageCheck.Version.KEYS, "infrastructure");
            Page page = context.newPage();
            page.navigate(server.getURL() + "/cookies");
            check.check(page, "cookies");
            AssertionError failed = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, check::finish);
            assertTrue(failed.getMessage().contains("words not from the bundles"), failed.getMessage());
            assertTrue(page.locator("header").innerText().contains("\u27e6common.serviceName\u27e7"), page.locator("header").innerText());
        }
    }
}
