package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh browser context and page for each test, closed after it, so no cookie or draft of one test is seen by the
 * next. A browser test registers it as an instance field and reads {@link #page()} inside a test:
 *
 * <pre>{@code
 * @RegisterExtension
 * final BrowserPage browser = new BrowserPage();
 * }</pre>
 *
 * The context and page are open before the class's own {@code @BeforeEach} methods run and still open in its
 * {@code @AfterEach} methods. With {@code @MicronautTest}'s one instance per class the extension is the same object
 * in every test, holding that test's page. A test that plays two people (a second device, a member of staff) opens
 * the second context itself from {@link Browser#get()}.
 */
final class BrowserPage implements BeforeEachCallback, AfterEachCallback {

    private final com.microsoft.playwright.Browser.NewContextOptions options;
    private BrowserContext context;
    private Page page;

    /** A context as Chromium opens one by default (JavaScript on, a 1280 by 720 window). */
    BrowserPage() {
        this(new com.microsoft.playwright.Browser.NewContextOptions());
    }

    /** A context opened with these options each time, such as JavaScript off or a narrow viewport. */
    BrowserPage(com.microsoft.playwright.Browser.NewContextOptions options) {
        this.options = options;
    }

    @Override
    public void beforeEach(ExtensionContext test) {
        context = Browser.get().newContext(options);
        page = context.newPage();
    }

    @Override
    public void afterEach(ExtensionContext test) {
        if (context != null) {
            context.close();
        }
        context = null;
        page = null;
    }

    /** This test's page. */
    Page page() {
        if (page == null) {
            throw new IllegalStateException("a BrowserPage's page is open only while a test runs");
        }
        return page;
    }

    /** This test's context: its cookies, or a second tab in the same browser. */
    BrowserContext context() {
        if (context == null) {
            throw new IllegalStateException("a BrowserPage's context is open only while a test runs");
        }
        return context;
    }
}
