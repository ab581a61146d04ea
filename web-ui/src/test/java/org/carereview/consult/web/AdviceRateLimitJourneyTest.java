package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Beyond the rate limit the page says when to try again and keeps the person's answers. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdviceRateLimitJourneyTest implements FreshDatabase {

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        // Frozen time: the rate limit counts per clock minute, and a real minute could end between two posts.
        properties.put(TestClock.PROPERTY, "2026-11-23T12:00:10Z");
        properties.put("consult.rate-limit-per-minute", "1");
        properties.put("consult.advice.minimum-time", "0s");
        return properties;
    }

    @Test
    void aSecondSendInTheSameMinuteIsRefusedButTheAnswersAreKept() {
        BrowserContext context = Browser.get().newContext();
        try {
            Page page = context.newPage();
            answer(page, "First piece of advice");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send advice")).click();
            assertTrue(page.getByTestId("reference").textContent().startsWith("CFA-"));

            answer(page, "Second piece of advice");
            Response refused = page.waitForResponse(r -> r.url().endsWith("/call-for-advice/check")
                    && r.request().method().equals("POST"),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send advice")).click());
            assertEquals(429, refused.status());
            assertTrue(refused.headers().containsKey("retry-after"));
            assertTrue(page.locator(".govuk-error-summary").textContent().contains("Your answers are saved"));
            Browser.assertAccessible(page);

            assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM submission"), "nothing stored beyond the limit");
            assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM draft WHERE answers::text LIKE '%Second piece%'"),
                    "the refused person's answers are still saved");
        } finally {
            context.close();
        }
    }

    private void answer(Page page, String advice) {
        page.navigate(server.getURL() + "/call-for-advice");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
        page.getByLabel("Other", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
        page.getByLabel("What key questions should the review answer?").fill(advice);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
        page.navigate(server.getURL() + "/call-for-advice/check");
    }
}
