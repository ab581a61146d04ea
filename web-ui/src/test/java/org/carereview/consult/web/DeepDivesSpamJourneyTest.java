package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.deepdives.Links;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The participant page's spam defences: sent sooner than a person could, or with the hidden field filled, the
 * feedback is held back and the page answers as usual; beyond the rate limit the page says when to try again and
 * keeps what was typed. The clock is frozen: the rate limit counts per clock minute.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepDivesSpamJourneyTest implements FreshDatabase {

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Inject
    Links links;

    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put(TestClock.PROPERTY, "2027-03-12T10:00:05Z");
        properties.put("consult.deep-dives.minimum-time", "20s");
        properties.put("consult.rate-limit-per-minute", "2");
        return properties;
    }

    @Test
    void tooFastOrTrappedFeedbackIsHeldBackQuietlyAndTheRateLimitPageKeepsWhatWasTyped() {
        String token = links.create("peterborough", null, null).token();
        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            fill(page, token, "Sent at once");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send feedback")).click();
            String tooFast = page.getByTestId("reference").textContent();

            fill(page, token, "Sent by a bot");
            clock.advance(Duration.ofSeconds(25));
            page.locator("#website").evaluate("field => field.value = 'http://spam.example'");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send feedback")).click();
            String trapped = page.getByTestId("reference").textContent();
            assertEquals(List.of(tooFast + "|QUARANTINED|TOO_FAST", trapped + "|QUARANTINED|HONEYPOT"), TestSql.column(dataSource,
                    "SELECT reference || '|' || status || '|' || quarantine_reason FROM submission ORDER BY quarantine_reason DESC"));

            fill(page, token, "One too many this minute");
            Response refused = page.waitForResponse(r -> r.request().method().equals("POST"),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send feedback")).click());
            assertEquals(429, refused.status());
            assertTrue(refused.headers().containsKey("retry-after"));
            assertTrue(page.locator(".govuk-error-summary").textContent().contains("What you wrote is still below"));
            assertEquals("One too many this minute", page.getByLabel("What works well?").inputValue());
            assertTrue(page.getByLabel("Practitioner").isChecked());
            Browser.assertAccessible(page);
            assertEquals(2, TestSql.count(dataSource, "SELECT count(*) FROM submission"), "nothing stored beyond the limit");
        }
    }

    private void fill(Page page, String token, String works) {
        page.navigate(server.getURL() + "/deep-dives/feedback/" + token);
        page.getByLabel("Practitioner").check();
        page.getByLabel("What works well?").fill(works);
    }
}
