package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.embedding.Embeddings;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.triage.tagging.SuggestionMaker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reviewer decides suggested themes in the browser (ADR 0035): accepts two and rejects one on submissions' pages,
 * sees the history say the tag was suggested and who accepted it, and accepts one theme for several at once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TagSuggestionsJourneyTest implements FreshDatabase {

    static final String REVIEWER = "suggestions.journey@example.org";
    static final String PASSWORD = "a suggestions journey password";

    @Inject EmbeddedServer server;
    @Inject @Client("/") HttpClient http;
    @Inject AccountService accounts;
    @Inject Embeddings embeddings;
    @Inject SuggestionMaker maker;
    @Inject DataSource dataSource;

    Map<String, Object> first;
    Map<String, Object> second;
    Map<String, Object> third;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.suggestions.enabled", "false");
        properties.put("consult.campaigns.enabled", "false");
        return properties;
    }

    @BeforeAll
    void someTaggedSomeNot() {
        accounts.createStaff(REVIEWER, Role.REVIEWER, PASSWORD);
        AdviceApi.send(http, "Social workers leave so often that nobody in the team knows our family.", List.of("DELIVERY"), null);
        AdviceApi.send(http, "Councils cannot keep social workers because the caseloads are far too high.", List.of("DELIVERY"), null);
        AdviceApi.send(http, "My foster carers were kind and I stayed with them for six years, it felt like home.", List.of("CARE"), null);
        first = AdviceApi.send(http, "i had 5 social workers in 2 years and had to explain everything again every time", List.of(), null);
        second = AdviceApi.send(http, "Agency social workers come and go and never get to know the children they work with.", List.of(), null);
        third = AdviceApi.send(http, "The team has had four managers in a year, and every one changed the rules.", List.of(), null);
        while (embeddings.embedDue() > 0) {
            // the embedding worker's batches
        }
        while (maker.makeDue() > 0) {
            // the suggestion job's batches
        }
    }

    @Test
    void aReviewerAcceptsTwoSuggestionsRejectsOneAndAcceptsOneThemeForSeveralAtOnce() {
        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            Browser.signInAsStaff(page, server.getURL(), REVIEWER, PASSWORD);

            page.navigate(server.getURL() + "/staff/triage/" + first.get("id"));
            assertEquals(3, page.locator("#suggestions ~ h3").count(), "the three most likely themes, none chosen");
            Browser.assertAccessible(page);
            String accepted = suggestionName(page, 0);
            String rejected = suggestionName(page, 1);
            Browser.clickAndWait(page, StaffPage.on(page).button("Accept " + accepted));
            assertTrue(page.getByText("Suggestion accepted: the tag is added").isVisible());
            Browser.clickAndWait(page, StaffPage.on(page).button("Reject " + rejected));
            assertTrue(page.getByText("Suggestion rejected: it will not be shown again").isVisible());
            assertEquals(0, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reject " + rejected)).count());
            Locator history = page.locator("table:below(h2:text('History')) tbody tr");
            assertTrue(history.last().textContent().contains("Suggested, accepted by " + REVIEWER), history.last().textContent());

            page.navigate(server.getURL() + "/staff/triage/" + second.get("id"));
            String secondName = suggestionName(page, 0);
            Browser.clickAndWait(page, StaffPage.on(page).button("Accept " + secondName));
            assertTrue(page.getByText("Suggestion accepted: the tag is added").isVisible());
            assertEquals(2, TestSql.count(dataSource, "SELECT count(*) FROM submission_change WHERE via = 'SUGGESTION'"));
            assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM tag_suggestion WHERE state = 'REJECTED'"));

            page.navigate(server.getURL() + "/staff/triage/" + third.get("id"));
            String thirdName = suggestionName(page, 0);
            page.navigate(server.getURL() + "/staff/triage/suggestions");
            page.getByLabel("Theme").selectOption(new SelectOption().setLabel(thirdName));
            Browser.clickAndWait(page, StaffPage.on(page).button("Show suggestions"));
            Browser.assertAccessible(page);
            Locator rows = page.locator("tbody tr");
            assertTrue(rows.count() >= 1, "the third submission waits for its " + thirdName + " suggestion");
            for (int i = 0; i < rows.count(); i++) {
                rows.nth(i).locator("input[type=checkbox]").check();
            }
            int ticked = rows.count();
            Browser.clickAndWait(page, StaffPage.on(page).button("Accept for selected"));
            assertTrue(page.getByText(ticked + " updated, 0 skipped").isVisible());
            assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM submission s JOIN theme t ON t.name = ? "
                    + "WHERE s.id = ?::uuid AND t.code = ANY (s.themes)", thirdName, third.get("id")));
        }
    }

    private static String suggestionName(Page page, int n) {
        String heading = page.locator("#suggestions ~ h3").nth(n).innerText();
        return heading.substring(heading.indexOf(": ") + 2, heading.indexOf(" – "));
    }
}
