package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cookies page names every cookie the service really sets, found by using the service in a browser: the
 * journeys, signing in, and choosing the simpler words with the link at the top of the page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CookiesPageJourneyTest implements FreshDatabase {

    static final String ADMIN = "cookies.admin@example.org";
    static final String ADMIN_PASSWORD = "a cookies admin password";

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.fresh().withAdministrator(ADMIN, ADMIN_PASSWORD);
        properties.put("consult.advice.minimum-time", "0s");
        return properties;
    }

    @Test
    void theCookiesPageNamesEveryCookieTheAdviceApplicationStaffSignInAndTheSimplerWordsSet() {
        BrowserContext context = Browser.get().newContext();
        try {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/call-for-advice");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
            page.getByLabel("I am care-experienced").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
            page.getByLabel("What key questions should the review answer?").fill("Why do children move so often?");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();

            page.navigate(server.getURL() + "/experts-by-experience");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your experience").setExact(true)).click();
            page.getByLabel("Adopted", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and continue")).click();

            Browser.signInAsStaff(page, server.getURL(), ADMIN, ADMIN_PASSWORD);
            page.waitForURL(server.getURL() + "/staff**");

            page.navigate(server.getURL() + "/cookies");
            page.locator("header a[href='?version=child']").click();
            page.waitForURL(server.getURL() + "/cookies?version=child");

            Set<String> names = context.cookies().stream().map(cookie -> cookie.name).collect(Collectors.toCollection(TreeSet::new));
            for (String expected : List.of("cfa-draft", "ebe-draft", "JWT", "csrf", "words")) {
                assertTrue(names.contains(expected), "the journeys set " + expected + "; cookies seen: " + names);
            }

            page.navigate(server.getURL() + "/cookies");
            List<String> listed = page.locator("main table tbody th[scope=row]").allTextContents().stream()
                    .map(String::strip).toList();
            for (String name : names) {
                assertTrue(listed.contains(name), "the cookies page does not list " + name + "; it lists " + listed);
            }
            Browser.assertAccessible(page);
        } finally {
            context.close();
        }
    }
}
