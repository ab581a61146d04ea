package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
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

/** The triage queue shows "Group of N" beside each submission of a copy-and-paste campaign (ADR 0034). */
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
    void copiesOfOneTemplateAreTaggedWithTheirGroupsSizeOnTheQueue() {
        accounts.createStaff(REVIEWER, Role.REVIEWER, PASSWORD);
        AdviceApi.send(http, TEMPLATE, List.of(), null);
        AdviceApi.send(http, TEMPLATE + " Please make this happen.", List.of(), null);
        AdviceApi.send(http, "Nobody asked me what I wanted", List.of(), null);
        assertEquals(2, groups.regroupAll());
        BrowserContext context = Browser.get().newContext();
        try {
            Page page = context.newPage();
            Browser.signInAsStaff(page, server.getURL(), REVIEWER, PASSWORD);
            page.navigate(server.getURL() + "/staff/triage");
            assertEquals(2, page.locator(".govuk-tag:text-is('Group of 2')").count());
            assertEquals(3, page.locator("tbody tr").count());
            Browser.assertAccessible(page);
        } finally {
            context.close();
        }
    }
}
