package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The accessibility check every browser test leans on finds what axe finds, and passes a page with nothing wrong. */
class AxeCheckTest {

    @Test
    void aPageWithAnImageWithoutAltTextAndAnUnlabelledFieldFails() {
        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            page.setContent("<!DOCTYPE html><html lang=\"en\"><head><title>Broken</title></head><body><main>"
                    + "<h1>Broken</h1><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"><input type=\"text\">"
                    + "</main></body></html>");

            AssertionError failed = assertThrows(AssertionError.class, () -> Browser.assertAccessible(page));

            assertTrue(failed.getMessage().contains("image-alt"), failed.getMessage());
            assertTrue(failed.getMessage().contains("label"), failed.getMessage());
        }
    }

    @Test
    void aPageWithNothingWrongPasses() {
        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            page.setContent("<!DOCTYPE html><html lang=\"en\"><head><title>Fine</title></head><body><main>"
                    + "<h1>Fine</h1><label for=\"name\">Name</label><input id=\"name\" type=\"text\"></main></body></html>");

            Browser.assertAccessible(page);
        }
    }
}
