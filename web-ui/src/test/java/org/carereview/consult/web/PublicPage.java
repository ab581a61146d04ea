package org.carereview.consult.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A page object for the public journeys in a browser test (the call for advice, the application, deep-dive
 * feedback): links, buttons and answers by the words a person reads, the page's text as it is heard, the error
 * summary, the reference on a confirmation page and a saved draft's resume code. A journey test says what the
 * person does ({@code on.button("Save and continue").click()}), not which element it is. Staff pages have
 * {@link StaffPage}. The words tests ({@code AdviceWordsTest} and the like) walk the same pages in every version of
 * the words, so they find links and buttons by selectors instead; only the helpers that read no words, such as
 * {@link #reference()}, serve them.
 */
final class PublicPage {

    private final Page page;

    private PublicPage(Page page) {
        this.page = page;
    }

    /** The page object for the page once it has loaded (see {@link Browser#html}). */
    static PublicPage on(Page page) {
        page.waitForLoadState();
        return new PublicPage(page);
    }

    Page page() {
        return page;
    }

    Locator link(String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The field, checkbox or radio whose label is exactly these words. */
    Locator answer(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    /** The page's main text with runs of white space made single spaces, as a reader hears it. */
    String mainText() {
        return page.locator("main").textContent().replaceAll("\\s+", " ");
    }

    String errorSummary() {
        return page.locator(".govuk-error-summary").textContent();
    }

    /** Whether the page says there is an error (its title starts "Error: ", as GOV.UK pages do). */
    boolean hasErrors() {
        return page.title().startsWith("Error: ");
    }

    /** Follows the error summary's link with these words to the answer it is about. */
    void followError(String words) {
        page.locator(".govuk-error-summary").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(words))
                .click();
    }

    /** The reference on a confirmation page. */
    String reference() {
        return page.getByTestId("reference").textContent().trim();
    }

    /** The resume code on the page after "Save and come back later". */
    String resumeCode() {
        return page.getByTestId("resume-code").textContent().trim();
    }

    /** axe finds nothing wrong with the page as it is now. */
    PublicPage assertAccessible() {
        Browser.assertAccessible(page);
        return this;
    }
}
