package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.carereview.consult.core.retention.RetentionSchedule;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The privacy notice and the administrators' retention page say what the purge does: with settings that are
 * not the defaults, both show those settings' periods (the purge reads the same RetentionConfiguration).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionPagesTest implements TestPropertyProvider {

    static final String ADMIN = "retention.admin@example.org";
    static final String ADMIN_PASSWORD = "a retention admin password";

    @Inject
    EmbeddedServer server;
    @Inject
    RetentionSchedule schedule;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.fresh().withAdministrator(ADMIN, ADMIN_PASSWORD);
        properties.put("consult.retention.drafts", "45d");
        properties.put("consult.retention.withdrawn", "7d");
        properties.put("consult.retention.quarantined", "10d");
        properties.put("consult.retention.after-review-ends-months", "9");
        properties.put("consult.retention.equality-after-window-closes", "60d");
        properties.put("consult.retention.sent-messages", "14d");
        properties.put("consult.retention.unused-accounts", "21d");
        properties.put("consult.retention.audit-months", "36");
        properties.put("consult.review.ends-on", "2028-03-31");
        return properties;
    }

    @Test
    void thePrivacyNoticeGivesTheConfiguredPeriodsInBothVersionsOfItsWords() throws Exception {
        for (String words : List.of("standard", "child")) {
            String text = privacy(words);
            for (String period : List.of("45 days", "7 days", "10 days", "9 months", "31 March 2028", "60 days",
                    "14 days", "21 days", "36 months")) {
                assertTrue(text.contains(period), words + " version lacks " + period);
            }
            for (String byDefault : List.of("30 days", "6 months", "90 days", "24 months")) {
                assertFalse(java.util.regex.Pattern.compile("\\b" + byDefault).matcher(text).find(),
                        words + " version still says the default " + byDefault);
            }
        }
        RetentionSchedule.Periods periods = schedule.periods();
        assertEquals(List.of("45 days", "9 months", "31 March 2028"),
                List.of(periods.drafts(), periods.afterReviewEnds(), periods.reviewEndsOn()),
                "the page's words and the purge's schedule come from one configuration");
    }

    @Test
    void anAdministratorReadsTheScheduleFromTheStaffConsole() {
        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/staff/admin/retention");
            assertEquals(server.getURL() + "/staff/sign-in", page.url(), "signed out: sign in first");

            Browser.signInAsStaff(page, server.getURL(), ADMIN, ADMIN_PASSWORD);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("How long records are kept")).click();
            assertEquals(server.getURL() + "/staff/admin/retention", page.url());
            Browser.assertAccessible(page);
            List<String> rows = page.locator("main table tbody tr").allInnerTexts();
            assertEquals(schedule.rules().size(), rows.size());
            assertTrue(rows.stream().anyMatch(row -> row.contains("Unfinished answers") && row.contains("45 days")), rows.toString());
            assertTrue(rows.stream().anyMatch(row -> row.contains("9 months after the review ends on 31 March 2028")),
                    rows.toString());
            assertTrue(rows.stream().anyMatch(row -> row.contains("Flagged for safeguarding") && row.contains("Kept")),
                    rows.toString());
            assertTrue(page.locator("main").innerText().contains("The review ends on 31 March 2028"));
        }
    }

    private String privacy(String words) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.getURL() + "/privacy")).header("Accept", "text/html")
                        .header("Cookie", "words=" + words).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return org.jsoup.Jsoup.parse(response.body()).selectFirst("main").text();
    }
}
