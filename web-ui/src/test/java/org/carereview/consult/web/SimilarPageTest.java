package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.embedding.Embeddings;
import org.carereview.consult.db.FreshDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The submission page's "More like this" with the real model: links to the most alike submissions the viewer may see
 * (never a flagged one for a reviewer), plain words while the submission waits to be read; axe and the HTML checker
 * find nothing wrong.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimilarPageTest implements FreshDatabase {

    static final String REVIEWER = "similar.page.reviewer@example.org";
    static final String LEAD = "similar.page.lead@example.org";
    static final String PASSWORD = "a more like this password";

    @Inject EmbeddedServer server;
    @Inject @Client("/") HttpClient http;
    @Inject AccountService accounts;
    @Inject Embeddings embeddings;

    Map<String, Object> workers;
    Map<String, Object> alike;
    Map<String, Object> flagged;

    @BeforeAll
    void setUp() {
        accounts.createStaff(REVIEWER, Role.REVIEWER, PASSWORD);
        accounts.createStaff(LEAD, Role.SAFEGUARDING_LEAD, PASSWORD);
        workers = advice("My social worker changed five times in two years and I had to tell my story again each time.");
        alike = advice("Stop changing our social workers every few months, we have to explain everything to a stranger.");
        advice("The food in the children's home was cold and there was never enough.");
        flagged = advice("My social worker keeps changing and my stepdad hits me and I am scared to go home.");
        while (embeddings.embedDue() > 0) {
            // the worker's batches
        }
    }

    @Test
    void aReviewerSeesTheMostAlikeFirstAsLinksButNeverTheFlaggedOne() {
        Map<String, String> pages = new LinkedHashMap<>();
        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            Browser.signInAsStaff(page, server.getURL(), REVIEWER, PASSWORD);
            page.navigate(server.getURL() + "/staff/triage/" + workers.get("id"));
            Locator rows = page.locator("#more-like-this ~ table tbody tr");
            assertEquals(2, rows.count(), "the two others a reviewer may see");
            assertTrue(rows.first().textContent().contains((String) alike.get("reference")), rows.first().textContent());
            assertTrue(rows.first().textContent().contains("Call for advice"));
            assertTrue(rows.first().textContent().matches("(?s).*\\d+%.*"), "how alike, as a percentage");
            assertFalse(Browser.html(page).contains((String) flagged.get("reference")), "a reviewer never sees it");
            Browser.assertAccessible(page);
            pages.put("more like this", Browser.html(page));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName((String) alike.get("reference"))).click();
            assertEquals(alike.get("reference"), page.locator("h1").textContent().trim());

            Map<String, Object> fresh = advice("Children in care should see their brothers and sisters every week.");
            page.navigate(server.getURL() + "/staff/triage/" + fresh.get("id"));
            assertEquals("We have not finished reading this submission yet. Similar submissions will show here within a "
                    + "few minutes.", page.getByTestId("similar-waiting").textContent().replaceAll("\\s+", " ").trim());
            Browser.assertAccessible(page);
            pages.put("more like this, waiting", Browser.html(page));
        }
        assertEquals(List.of(), Vnu.problems(pages));
    }

    @Test
    void theSafeguardingLeadSeesTheFlaggedOneAmongThem() {
        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            Browser.signInAsStaff(page, server.getURL(), LEAD, PASSWORD);
            page.navigate(server.getURL() + "/staff/triage/" + workers.get("id"));
            assertTrue(page.locator("#more-like-this ~ table").textContent().contains((String) flagged.get("reference")));
        }
    }

    private Map<String, Object> advice(String keyQuestions) {
        return AdviceApi.send(http, keyQuestions, List.of("CARE"), null);
    }
}
