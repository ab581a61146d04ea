package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.core.type.Argument;
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
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journey for "You said, we did" (ADR 0037): one reviewer writes a summary and quotes someone who agreed
 * to be quoted, a second reviewer approves the quote (the first cannot, and cannot publish before), the first
 * publishes, and the public page shows the chart, the table with small counts suppressed, the quote and what the
 * review did, in the standard words, the child-friendly words and the bundle keys, axe clean and valid HTML. The
 * person who agreed to be contacted gets one email with the link; unpublished, the page is a 404.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YouSaidWeDidJourneyTest implements FreshDatabase {

    static final String PASSWORD = "a summary reviewer password";
    static final String WRITER = "summary.writer@example.org";
    static final String APPROVER = "summary.approver@example.org";
    static final String TITLE = "Moving home in care";
    static final String QUOTE = "Nobody told me why I had to move.";
    static final String DID = "We asked every council how often children in care move home. We will write about it in our report.";
    static final String DID_CHILD = "We asked every council how often children move. It will be in our report.";

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    AccountService accounts;
    @Inject
    DataSource db;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(SweepProperties.with(TestDatabase.fresh().micronautProperties()));
        properties.put("consult.words.keys-version", "true");
        return properties;
    }

    @Test
    void aSecondReviewerApprovesTheQuoteTheFirstPublishesAndThePublicPageShowsItInBothWordings() {
        accounts.createStaff(WRITER, Role.REVIEWER, PASSWORD);
        accounts.createStaff(APPROVER, Role.REVIEWER, PASSWORD);
        String reference = advice(QUOTE + " I found out the day before.", "quoted.person@example.org");
        // Twelve replies about support, three about safety: the two small counts protect each other.
        for (int i = 0; i < 15; i++) {
            TestSql.execute(db, "INSERT INTO submission (kind, reference, status, themes, submitted_at, created_at, "
                    + "updated_at) VALUES ('CALL_FOR_ADVICE', ?, 'NEW', ?::text[], now(), now(), now())",
                    String.format("CFA-JRNY-%04d", i), i < 12 ? "{SUPPORT}" : "{SAFETY}");
        }
        String summaryUrl;
        try (BrowserContext writer = Browser.get().newContext(); BrowserContext approver = Browser.get().newContext()) {
            Page a = signedIn(writer, WRITER);
            a.navigate(server.getURL() + "/staff/summaries");
            Browser.assertAccessible(a);
            Browser.clickAndWait(a, a.getByText("Write a new summary"));
            Browser.clickAndWait(a, StaffPage.on(a).button("Save as a draft"));
            assertEquals(4, a.locator(".govuk-error-summary__list a").count(), a.locator(".govuk-error-summary").innerText());
            assertTrue(a.title().startsWith("Error: "));
            Browser.assertAccessible(a);
            a.locator("#channel").check();
            a.locator("#title").fill(TITLE);
            a.locator("#whatWeDid").fill(DID);
            a.locator("#whatWeDidChild").fill(DID_CHILD);
            Browser.clickAndWait(a, StaffPage.on(a).button("Save as a draft"));
            summaryUrl = a.url();
            assertEquals("Draft", a.locator("[data-testid=state]").innerText());

            a.locator("#reference").fill(reference);
            a.locator("#text").fill("Somebody told me everything.");
            Browser.clickAndWait(a, StaffPage.on(a).button("Add quote"));
            assertTrue(a.locator(".govuk-error-summary").innerText().contains("not in the redacted text"));
            Browser.assertAccessible(a);
            a.locator("#text").fill(QUOTE);
            Browser.clickAndWait(a, StaffPage.on(a).button("Add quote"));
            assertEquals("Waiting for someone else to approve it", a.locator("[data-testid=staff-quote] .govuk-body-s").innerText());
            assertEquals(0, a.locator("[data-testid=staff-quote] button:has-text('Approve')").count(), "the writer cannot approve it");
            Browser.clickAndWait(a, StaffPage.on(a).button("Publish"));
            assertTrue(a.locator(".govuk-error-summary").innerText().contains("1 quote has not been approved"));
            Browser.assertAccessible(a);

            Page b = signedIn(approver, APPROVER);
            b.navigate(summaryUrl);
            Browser.clickAndWait(b, b.locator("[data-testid=staff-quote] button:has-text('Approve')"));
            assertEquals("Approved", b.locator("[data-testid=staff-quote] .govuk-body-s").innerText());

            a.navigate(summaryUrl);
            Browser.clickAndWait(a, a.getByText("Preview the public page"));
            assertTrue(a.locator("[data-testid=quote]").innerText().contains(QUOTE));
            Browser.assertAccessible(a);
            a.navigate(summaryUrl);
            Browser.clickAndWait(a, StaffPage.on(a).button("Publish"));
            assertEquals("Published", a.locator("[data-testid=state]").innerText());
            Browser.assertAccessible(a);
        }
        String id = summaryUrl.substring(summaryUrl.lastIndexOf('/') + 1);
        assertEquals(List.of("quoted.person@example.org"), TestSql.column(db, "SELECT recipient FROM outbox_message "
                + "WHERE template = 'summary-published' AND fields->>'link' LIKE ?", "%/you-said-we-did/" + id));

        for (PublicPageCheck.Version version : PublicPageCheck.Version.values()) {
            readThePublicPage(version);
        }

        try (BrowserContext writer = Browser.get().newContext()) {
            Page a = signedIn(writer, WRITER);
            a.navigate(summaryUrl);
            Browser.clickAndWait(a, StaffPage.on(a).button("Unpublish"));
            assertEquals("Unpublished", a.locator("[data-testid=state]").innerText());
            assertEquals(404, a.navigate(server.getURL() + "/you-said-we-did/" + id).status());
        }
    }

    private void readThePublicPage(PublicPageCheck.Version version) {
        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            PublicPageCheck check = new PublicPageCheck(context, server.getURL().toString(), version, "you said, we did")
                    .allow(TITLE, QUOTE, DID, DID_CHILD);
            page.navigate(server.getURL() + "/you-said-we-did");
            check.check(page, "list");
            Browser.clickAndWait(page, page.getByText(TITLE));
            check.check(page, "summary");
            assertEquals(1, page.locator("main svg[role=img]").count(), "a chart");
            assertEquals(QUOTE, page.locator("[data-testid=quote]").innerText().strip());
            String table = page.locator("[data-testid=counts]").innerText();
            assertTrue(table.contains("12"), table);
            if (version != PublicPageCheck.Version.KEYS) {
                assertEquals(2, table.split("Under 10", -1).length - 1, "safety (3) and care (1) suppressed: " + table);
            }
            String did = page.locator("[data-testid=what-we-did]").innerText().strip();
            assertEquals(version == PublicPageCheck.Version.CHILD ? DID_CHILD : DID, did);
            check.finish();
        }
    }

    private Page signedIn(BrowserContext context, String email) {
        Page page = context.newPage();
        Browser.signInAsStaff(page, server.getURL(), email, PASSWORD);
        page.waitForURL(url -> !url.contains("/sign-in"));
        return page;
    }

    /** Advice about care from someone who agreed to be quoted and to be contacted; answers its reference. */
    private String advice(String words, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("respondentType", "CARE_EXPERIENCED");
        body.put("keyQuestions", words);
        body.put("themes", List.of("CARE"));
        body.put("contactEmail", email);
        body.put("consentToContact", true);
        body.put("consentToPublish", true);
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/call-for-advice/submissions", body),
                Argument.mapOf(String.class, Object.class)).get("reference");
    }
}
