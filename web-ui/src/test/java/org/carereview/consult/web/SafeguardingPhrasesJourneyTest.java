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
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The safeguarding lead adds a phrase a child might write; the next submission using it is flagged. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafeguardingPhrasesJourneyTest implements FreshDatabase {

    static final String LEAD = "phrases.lead@example.org";
    static final String PASSWORD = "a phrases lead password";
    static final String PHRASE = "my tummy always hurts after";

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    AccountService accounts;
    @Inject
    DataSource dataSource;

    @Test
    void theLeadAddsAPhraseAndTheNextSubmissionUsingItIsFlagged() {
        accounts.createStaff(LEAD, Role.SAFEGUARDING_LEAD, PASSWORD);
        assertEquals(List.of("f"), flagged(send("Sometimes my tummy always hurts after contact visits.")),
                "not on the list yet");
        BrowserContext context = Browser.get().newContext();
        try {
            Page page = context.newPage();
            Browser.signInAsStaff(page, server.getURL(), LEAD, PASSWORD);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Safeguarding phrases")).click();
            Browser.assertAccessible(page);

            page.getByLabel("Phrase").fill("My tummy always hurts after");
            page.getByLabel("Weight").fill("ten");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save phrase")).click();
            assertTrue(page.title().startsWith("Error: "));
            assertTrue(page.locator(".govuk-error-summary").textContent().contains("whole number"));
            Browser.assertAccessible(page);

            page.getByLabel("Weight").fill("10");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save phrase")).click();
            assertTrue(page.locator(".govuk-notification-banner").textContent().contains(PHRASE));
            assertTrue(page.locator("tbody").last().textContent().contains("Added with weight 10"));
            assertEquals(List.of("t"), flagged(send("Sometimes my tummy always hurts after contact visits.")),
                    "screened with the new phrase");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove " + PHRASE)).click();
            assertTrue(page.locator(".govuk-notification-banner").textContent().contains("removed"));
            Browser.assertAccessible(page);
            assertEquals(List.of("f"), flagged(send("My tummy always hurts after school.")));
        } finally {
            context.close();
        }
    }


    private String send(String text) {
        return (String) AdviceApi.send(http, text, List.of(), null).get("id");
    }

    private List<String> flagged(String id) {
        return TestSql.column(dataSource, "SELECT safeguarding::text FROM submission WHERE id = ?::uuid", id)
                .stream().map(v -> v.substring(0, 1)).toList();
    }
}
