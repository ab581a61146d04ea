package org.carereview.consult.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import java.net.URL;

/**
 * A page object for the staff console in a browser test: what every staff page has (links and buttons by their
 * names, the banner after a change, the heading, the table's caption, the error summary, GOV.UK date boxes) and how
 * a member of staff signs in. A journey test says what the person does ({@code queue.button("Apply filters")}),
 * not which element it is.
 */
final class StaffPage {

    private final Page page;
    private final URL base;

    StaffPage(Page page, URL base) {
        this.page = page;
        this.base = base;
    }

    /**
     * The page object for a page already open in the console (paths open on the same server), once it has loaded
     * (see {@link Browser#html}).
     */
    static StaffPage on(Page page) {
        page.waitForLoadState();
        try {
            return new StaffPage(page, new URL(new URL(page.url()), "/"));
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException("the page has no address yet: " + page.url(), e);
        }
    }

    /** Signs in through the staff sign-in page; the page ends on the staff console. */
    StaffPage signIn(String email, String password) {
        Browser.signInAsStaff(page, base, email, password);
        return this;
    }

    Page page() {
        return page;
    }

    StaffPage open(String path) {
        page.navigate(base.toString().replaceAll("/$", "") + path);
        return this;
    }

    Locator link(String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The notification banner's text (what a change just did). */
    String banner() {
        return page.locator(".govuk-notification-banner").textContent();
    }

    String heading() {
        return page.locator("h1").textContent().trim();
    }

    /** The first table's caption (on the queue: how many submissions are on the page). */
    String caption() {
        return page.locator("caption").textContent().trim();
    }

    String errorSummary() {
        return page.locator(".govuk-error-summary").textContent();
    }

    /** Whether the page says there is an error (its title starts "Error: ", as GOV.UK pages do). */
    boolean hasErrors() {
        return page.title().startsWith("Error: ");
    }

    /** The table row that holds this text (a submission's reference, say). */
    Locator rowOf(String text) {
        return page.locator("tbody tr", new Page.LocatorOptions().setHasText(text));
    }

    /** Chooses an option of the select with this label, by the option's words. */
    StaffPage choose(String label, String option) {
        page.getByLabel(label, new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel(option));
        return this;
    }

    /** Fills in the GOV.UK date boxes (day, month, year) of the fieldset with this legend. */
    StaffPage fillDate(String legend, String day, String month, String year) {
        dateBox(legend, "Day").fill(day);
        dateBox(legend, "Month").fill(month);
        dateBox(legend, "Year").fill(year);
        return this;
    }

    Locator dateBox(String legend, String box) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true))
                .getByLabel(box, new Locator.GetByLabelOptions().setExact(true));
    }

    /** axe finds nothing wrong with the page as it is now. */
    StaffPage assertAccessible() {
        Browser.assertAccessible(page);
        return this;
    }
}
