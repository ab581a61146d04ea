package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.experts.ApplicationInput;
import org.carereview.consult.experts.Applications;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real review had 1,011 applications: the staff pages reach every one, a page of 100 at a time. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationsAtScaleTest implements FreshDatabase {

    static final String ADMIN = "scale.admin@example.org";
    static final String PASSWORD = "an applications at scale password";
    static final int IN_LONDON = 5;
    static final int ELSEWHERE = 201;

    @Inject
    EmbeddedServer server;
    @Inject
    Applications applications;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD);
    }

    @BeforeAll
    void manyApplications() {
        for (int i = 0; i < IN_LONDON + ELSEWHERE; i++) {
            applications.submit(new ApplicationInput(List.of("CARE_LEAVER"), "Applicant " + i, null, "2001-04-0" + (1 + i % 9),
                    i < IN_LONDON ? "LONDON" : "NORTH_EAST", null, "07700 900" + String.format("%03d", i), null,
                    "I lived in children's homes.", "Young people should be heard.", null, null, null, null,
                    new ApplicationInput.Consents(true, null)), null);
        }
    }

    @Test
    void theApplicationsPagesGoOnThroughEveryApplicationAndTheFiltersNarrowThem() {
        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            Browser.signInAsStaff(page, server.getURL(), ADMIN, PASSWORD);
            page.navigate(server.getURL() + "/staff/applications");
            Set<String> seen = new HashSet<>(references(page));
            assertEquals(100, seen.size());
            Browser.assertAccessible(page);
            Browser.clickAndWait(page, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page")));
            seen.addAll(references(page));
            Browser.clickAndWait(page, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page")));
            List<String> last = references(page);
            seen.addAll(last);
            assertEquals(IN_LONDON + ELSEWHERE - 200, last.size());
            assertEquals(IN_LONDON + ELSEWHERE, seen.size(), "every application once");
            assertEquals(0, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page")).count());
            Browser.clickAndWait(page, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("First page")));
            assertEquals(100, references(page).size());

            page.getByLabel("Region").selectOption("LONDON");
            Browser.clickAndWait(page, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show applications")));
            assertEquals(IN_LONDON, references(page).size());
            assertTrue(page.url().contains("region=LONDON"), page.url());
            Browser.assertAccessible(page);

            page.navigate(server.getURL() + "/staff/applications?region=ATLANTIS");
            assertTrue(page.title().startsWith("Error: "), page.title());
            assertTrue(page.locator(".govuk-error-summary a[href='#region']").innerText().contains("Select a region"));
            Browser.assertAccessible(page);
        }
    }

    @Test
    void theScoringPagesGoOnThroughEveryApplicationToo() {
        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            Browser.signInAsStaff(page, server.getURL(), ADMIN, PASSWORD);
            page.navigate(server.getURL() + "/staff/applications/scoring");
            Set<String> seen = new HashSet<>(references(page));
            while (page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page")).count() > 0) {
                Browser.clickAndWait(page, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page")));
                List<String> more = references(page);
                assertFalse(more.isEmpty());
                seen.addAll(more);
            }
            assertEquals(IN_LONDON + ELSEWHERE, seen.size(), "every application to score, once");
            Browser.assertAccessible(page);
        }
    }

    private static List<String> references(Page page) {
        return page.locator("tbody tr td:first-child a").allInnerTexts().stream().map(String::strip).toList();
    }
}
