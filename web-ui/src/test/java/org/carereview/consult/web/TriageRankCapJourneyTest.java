package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A search matching more submissions than are ranked says so, and says how to see every match (ADR 0009). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageRankCapJourneyTest implements FreshDatabase {

    static final String REVIEWER = "cap.reviewer@example.org";
    static final String PASSWORD = "a rank cap reviewer password";

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    AccountService accounts;
    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.triage.rank-candidates", "2");
        return properties;
    }

    @Test
    void aSearchRankedAmongItsNewestMatchesSaysSoAndNewestFirstShowsThemAll() {
        accounts.createStaff(REVIEWER, Role.REVIEWER, PASSWORD);
        for (int i = 1; i <= 3; i++) {
            AdviceApi.send(http, "I asked the ombudsman for help, time " + i, List.of(), null);
        }
        AdviceApi.send(http, "Nobody asked me what I wanted", List.of(), null);
        TestSql.execute(dataSource, "ANALYZE submission");
        BrowserContext context = Browser.get().newContext();
        try {
            Page page = context.newPage();
            Browser.signInAsStaff(page, server.getURL(), REVIEWER, PASSWORD);
            page.navigate(server.getURL() + "/staff/triage");
            page.getByLabel("Search").fill("ombudsman");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
            assertEquals("2 submissions on this page", page.locator("caption").textContent().trim());
            String inset = page.locator(".govuk-inset-text").textContent();
            assertTrue(inset.contains("the most relevant of the newest 2"), inset);
            assertTrue(inset.contains("sort by newest"), inset);
            Browser.assertAccessible(page);

            page.getByLabel("Sort").selectOption("NEWEST");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
            assertEquals("3 submissions on this page", page.locator("caption").textContent().trim());
            assertEquals(0, page.locator(".govuk-inset-text").count(), "every match is listed, nothing to explain");
        } finally {
            context.close();
        }
    }
}
