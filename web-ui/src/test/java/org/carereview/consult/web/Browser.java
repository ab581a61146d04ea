package org.carereview.consult.web;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * One headless Debian Chromium per test JVM (never a downloaded browser), shared by every browser test;
 * each test gets a fresh context (no cookies carried over).
 */
final class Browser {

    private static com.microsoft.playwright.Browser browser;

    private Browser() {
    }

    static synchronized com.microsoft.playwright.Browser get() {
        if (browser == null) {
            Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            String executable = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(executable))
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    /** Signs a member of staff in through the staff sign-in page; the page ends on the staff console. */
    static void signInAsStaff(Page page, java.net.URL baseUrl, String email, String password) {
        page.navigate(baseUrl + "/staff/sign-in");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    /**
     * Clicks (a button that sends a form, or a link) and waits for the page it leads to, answering that page's
     * response: a click alone does not wait for the next page, so reading the page straight after it could catch
     * the old one or a half-loaded one.
     */
    @SuppressWarnings("deprecation")
    static com.microsoft.playwright.Response clickAndWait(Page page, com.microsoft.playwright.Locator target) {
        return page.waitForNavigation(target::click);
    }

    /**
     * The page's HTML once it has loaded. A click that leads to another page returns as soon as that page starts
     * to arrive, and the browser may not have read all of it yet: its HTML read straight away can be cut short
     * (on a busy machine, a check-your-answers page without the answer the test looks for).
     */
    static String html(Page page) {
        page.waitForLoadState();
        return page.content();
    }

    /** axe-core as the axe-core Playwright binding ships it, read once. */
    private static final String AXE = axeSource();

    /** Runs axe in the page and answers only its violations, each as "id: help [targets]". */
    private static final String RUN_AXE = """
            async () => {
              const results = await axe.run(document, { resultTypes: ['violations'] });
              return results.violations.map(v => ' - ' + v.id + ': ' + v.help + ' '
                + v.nodes.map(n => JSON.stringify(n.target)).join(', '));
            }""";

    /**
     * Fails the test with a readable list if axe finds any accessibility violation on the page: every rule axe runs
     * by default, asked for violations only (passes are not gathered, which made a check take seconds). axe runs as
     * a script in the page, so the page's context must have JavaScript on.
     */
    static void assertAccessible(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate(AXE);
        }
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate(RUN_AXE);
        if (!violations.isEmpty()) {
            fail("Accessibility violations on " + page.url() + ":\n" + String.join("\n", violations));
        }
    }

    private static String axeSource() {
        try (var in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not in the axe-core Playwright jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
