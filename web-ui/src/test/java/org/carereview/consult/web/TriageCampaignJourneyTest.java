package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.triage.campaigns.CampaignGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reviewer works through a copy-and-paste campaign (ADR 0034): the queue marks each copy "Group of N", the link
 * shows the group with the text its copies share, one bulk change tags the whole group, and each copy's page says
 * which group it is part of.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageCampaignJourneyTest implements FreshDatabase {

    static final String REVIEWER = "campaign.reviewer@example.org";
    static final String PASSWORD = "a campaign reviewer password";
    static final String TEMPLATE = "Every child in care should be told who their independent reviewing officer is "
            + "and how to contact them, because most of us only find out years later that someone was meant to "
            + "check our care plan and speak up for us when things went wrong.";

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    AccountService accounts;
    @Inject
    CampaignGroups groups;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.campaigns.enabled", "false");
        return properties;
    }

    @Test
    void aReviewerOpensACampaignFromTheQueueAndTagsTheWholeGroupAtOnce() {
        accounts.createStaff(REVIEWER, Role.REVIEWER, PASSWORD);
        String first = (String) AdviceApi.send(http, TEMPLATE, List.of(), null).get("reference");
        AdviceApi.send(http, TEMPLATE + " Please make this happen.", List.of(), null);
        AdviceApi.send(http, "Nobody asked me what I wanted", List.of(), null);
        assertEquals(2, groups.regroupAll());
        BrowserContext context = Browser.get().newContext();
        try {
            Page page = context.newPage();
            Browser.signInAsStaff(page, server.getURL(), REVIEWER, PASSWORD);
            page.navigate(server.getURL() + "/staff/triage");
            assertEquals(2, page.locator("tbody a:text-is('Group of 2')").count());
            assertEquals(3, page.locator("tbody tr").count());
            Browser.assertAccessible(page);

            Browser.clickAndWait(page, page.locator("tbody a:text-is('Group of 2')").first());
            assertEquals("A group of 2 submissions that share most of their words",
                    page.locator("h2:has-text('A group of')").innerText());
            assertEquals(2, page.locator("tbody tr").count());
            page.getByText("The text they share").click();
            assertTrue(page.getByText(TEMPLATE, new Page.GetByTextOptions().setExact(true)).isVisible());
            assertTrue(page.getByText("As " + first + ", the first of them we received").isVisible());
            Browser.assertAccessible(page);

            page.getByLabel("Add a theme").selectOption(new SelectOption().setLabel("Care"));
            page.getByLabel("Change all 2 submissions in this group, not only the ones ticked").check();
            Browser.clickAndWait(page, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply to selected")));
            assertEquals(2, page.locator("tbody td:text-is('Care')").count(), "both copies tagged, none ticked one by one");

            Browser.clickAndWait(page, page.locator("tbody a:text-is('" + first + "')"));
            assertEquals("Part of a group of 2", page.locator("#campaign").innerText());
            assertTrue(page.locator(".govuk-inset-text").innerText().contains("most of us only find out years later"));
            Browser.assertAccessible(page);
            Browser.clickAndWait(page, page.getByText("See all 2 in the triage queue"));
            assertEquals(2, page.locator("tbody tr").count());
        } finally {
            context.close();
        }
    }
}
