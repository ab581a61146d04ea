package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.experts.Criterion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reviewer scores without seeing who applied; an administrator selects and sees the group against its targets. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpertsStaffJourneyTest implements FreshDatabase {

    static final String ADMIN = "experts.admin@example.org";
    static final String PASSWORD = "an experts staff password";

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AccountService accounts;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD);
        return properties;
    }

    private String apply() {
        Map<String, Object> body = new HashMap<>();
        body.put("experiences", List.of("KINSHIP_CARE"));
        body.put("name", "Perpetua Hollowbrook");
        body.put("dateOfBirth", "2004-02-11");
        body.put("region", "SOUTH_WEST");
        body.put("email", "perpetua@example.org");
        body.put("phone", "07700 900 321");
        body.put("experienceStory", "My nan brought me up after my mum became ill.");
        body.put("motivation", "Kinship carers need the same support foster carers get.");
        body.put("availability", "School holidays");
        body.put("supportNeeds", "Travel costs paid in advance");
        body.put("equality", Map.of("ethnicity", "Romany Gypsy"));
        body.put("consents", Map.of("dataUse", true));
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/experts-by-experience/applications", body),
                Map.class).get("reference");
    }

    private void signIn(Page page, String email) {
        Browser.signInAsStaff(page, server.getURL(), email, PASSWORD);
    }

    @Test
    void aReviewerScoresAnonymouslyAndAnAdministratorSelectsAndSeesTheComposition() {
        String reference = apply();
        accounts.createStaff("scoring.reviewer@example.org", Role.REVIEWER, PASSWORD);
        BrowserContext reviewerBrowser = Browser.get().newContext();
        try {
            Page page = reviewerBrowser.newPage();
            signIn(page, "scoring.reviewer@example.org");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Score applications to the Experts by Experience group")).click();
            Browser.assertAccessible(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
            // Waits for the application's page to load (a click does not wait for the next page to finish).
            page.getByText("My nan brought me up").first().waitFor();
            String html = Browser.html(page);
            for (String secret : List.of("Perpetua", "Hollowbrook", "perpetua@", "07700", "2004", "South West", "Romany",
                    "Travel costs")) {
                assertFalse(html.contains(secret), "the scoring page must not show: " + secret);
            }
            Browser.assertAccessible(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save score")).click();
            assertTrue(page.title().startsWith("Error: "));
            Browser.assertAccessible(page);
            for (Criterion c : Criterion.values()) {
                page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(c.label()))
                        .getByLabel("4", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true)).check();
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save score")).click();
            assertTrue(page.locator(".govuk-notification-banner").textContent().contains(reference));
        } finally {
            reviewerBrowser.close();
        }

        BrowserContext adminBrowser = Browser.get().newContext();
        try {
            Page page = adminBrowser.newPage();
            signIn(page, ADMIN);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Applications and decisions")).click();
            Browser.assertAccessible(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
            assertTrue(Browser.html(page).contains("16.0 from 1 scores"));
            Browser.assertAccessible(page);
            page.getByLabel("Select for the group").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save decision")).click();
            assertTrue(page.locator(".govuk-notification-banner").textContent().contains("Decision saved"));
            page.navigate(server.getURL() + "/staff/applications/composition");
            Browser.assertAccessible(page);
            assertEquals("1", page.locator("tr:has(th:text-is('South West')) td").first().textContent().trim());
            assertTrue(page.locator("svg desc").first().textContent().contains("South West: 1 of 2"));

            page.navigate(server.getURL() + "/staff/members");
            Browser.assertAccessible(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
            page.getByLabel("Paused").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the change")).click();
            assertTrue(page.title().startsWith("Error: "), "a date and a reason are needed");
            assertTrue(page.locator(".govuk-error-summary").textContent().contains("Enter the reason for the change"));
            Browser.assertAccessible(page);
            page.getByLabel("From").fill("2027-03-01");
            page.getByLabel("Reason").fill("Exams until the summer");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the change")).click();
            assertTrue(page.locator(".govuk-notification-banner").textContent().contains("Paused, from 1 March 2027"));
            assertEquals(2, page.locator("tbody tr").count(), "selected, then paused: both kept");
            assertTrue(page.locator("tbody").textContent().contains("Exams until the summer"));
            Browser.assertAccessible(page);
        } finally {
            adminBrowser.close();
        }
    }
}
