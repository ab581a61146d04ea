package org.carereview.consult.web;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the accessibility statement says was checked on the information pages, in both versions of the words:
 * at 320 CSS pixels wide (1280 pixels zoomed to 400%) nothing needs scrolling sideways, and the Tab key reaches
 * every link and button in order, each with a visible focus style.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InformationPagesReflowTest implements FreshDatabase {

    static final List<String> PAGES = List.of("/", "/accessibility", "/cookies", "/privacy");

    /** What a person can reach with the Tab key, as the browser decides it. */
    static final String FOCUSABLE = "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), "
            + "select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";

    @Inject
    EmbeddedServer server;

    @ParameterizedTest
    @EnumSource(value = PublicPageCheck.Version.class, names = {"STANDARD", "CHILD"})
    void atThreeHundredAndTwentyPixelsWideNothingScrollsSideways(PublicPageCheck.Version version) {
        try (BrowserContext context = Browser.get().newContext(new NewContextOptions().setViewportSize(320, 640))) {
            Page page = open(context, version);
            List<String> wide = new ArrayList<>();
            for (String path : PAGES) {
                page.navigate(server.getURL() + path);
                int scrollWidth = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
                int innerWidth = ((Number) page.evaluate("() => window.innerWidth")).intValue();
                assertEquals(320, innerWidth);
                if (scrollWidth > innerWidth) {
                    wide.add(path + " is " + scrollWidth + "px wide");
                }
            }
            assertTrue(wide.isEmpty(), "pages that scroll sideways at 320px in the " + version + " version: " + wide);
        }
    }

    @ParameterizedTest
    @EnumSource(value = PublicPageCheck.Version.class, names = {"STANDARD", "CHILD"})
    void theTabKeyReachesEveryLinkAndButtonInOrderAndShowsWhereItIs(PublicPageCheck.Version version) {
        try (BrowserContext context = Browser.get().newContext()) {
            Page page = open(context, version);
            for (String path : PAGES) {
                page.navigate(server.getURL() + path);
                int count = ((Number) page.evaluate("selector => { let i = 0;"
                        + " for (const e of document.querySelectorAll(selector)) {"
                        + "   if (e.checkVisibility({visibilityProperty: true})) { e.dataset.tabOrder = i++; } }"
                        + " return i; }", FOCUSABLE)).intValue();
                assertTrue(count > 5, path + " has links to reach");
                List<String> reached = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    page.keyboard().press("Tab");
                    reached.add((String) page.evaluate("() => { const e = document.activeElement, s = getComputedStyle(e);"
                            + " const shown = s.boxShadow !== 'none' || (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0"
                            + "   && !/^rgba\\(.*,\\s*0\\)$/.test(s.outlineColor) && s.outlineColor !== 'transparent');"
                            + " return (e.dataset.tabOrder ?? ('not expected: ' + e.outerHTML.slice(0, 80)))"
                            + "   + (shown ? '' : ' without a visible focus style'); }"));
                }
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    expected.add(String.valueOf(i));
                }
                assertEquals(expected, reached, String.format(Locale.ROOT,
                        "%s in the %s version: the Tab key must reach each link and button in order, visibly", path, version));
            }
        }
    }

    private Page open(BrowserContext context, PublicPageCheck.Version version) {
        Page page = context.newPage();
        page.navigate(server.getURL() + "/?version=" + version.name().toLowerCase(Locale.ROOT));
        return page;
    }
}
