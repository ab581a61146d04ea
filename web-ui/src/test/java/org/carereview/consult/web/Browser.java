package org.carereview.consult.web;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
     * Fails the test with a readable list if axe finds any accessibility violation on the page. axe runs as a
     * script in the page, so the page's context must have JavaScript on (with it off this would wait forever).
     */
    static void assertAccessible(Page page) {
        AxeResults results = new AxeBuilder(page).analyze();
        if (!results.getViolations().isEmpty()) {
            fail("Accessibility violations on " + page.url() + ":\n" + results.getViolations().stream()
                    .map(v -> " - " + v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream()
                            .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("\n")));
        }
    }
}
