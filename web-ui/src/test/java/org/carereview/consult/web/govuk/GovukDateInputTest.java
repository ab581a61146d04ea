package org.carereview.consult.web.govuk;

import org.carereview.consult.web.govuk.GovukRenderer.Call;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The date input fragment against GOV.UK Frontend's own fixtures, and what our pages rely on.
 * Fixtures left out, because they use what the fragment does not offer (and no page of ours needs):
 * "classes", "attributes", "with optional form-group classes" and "with input attributes" (classes and
 * attributes on the container, the form group or a box); "custom pattern" and "custom inputmode" (boxes
 * always take numbers); "fieldset html" (legends are text); "with hint and described by" and "with error
 * message and described by" (fieldset.describedBy); "with field value and items", "with field value and item
 * value" and "with field value, item value and values" (GOV.UK's precedence between items and its day,
 * month, year and values options: ours takes items only, see {@link GovukDateInputs}).
 */
class GovukDateInputTest {

    private final GovukComponents components = new GovukComponents();

    @ParameterizedTest(name = "date input: {0}")
    @ValueSource(strings = {"default", "with translations", "with values", "with values and name prefix",
            "with values, name prefix and custom names", "day and month", "day and month (using items)",
            "month and year", "month and year (using items)", "with errors only", "with errors only (using classes)",
            "with errors only (using items)", "with errors only (using items and classes)",
            "with error message and hint", "with error message and hint (using items)", "with error on day input",
            "with error on day input (using items)", "with error on month input",
            "with error on month input (using items)", "with error on year input",
            "with error on year input (using items)", "with items", "with empty items", "with nested name",
            "with id on items", "suffixed id", "with item value", "with field value",
            "with field value overriding values", "with error on single field",
            "with error on single field by omission", "with error on single field using classes",
            "with error on single item", "with error on single item by omission",
            "with error on single item using classes", "items with classes", "items without classes",
            "with autocomplete values"})
    void dateInputMatchesGovukFrontend(String fixture) {
        components.assertMatches("date-input", fixture);
    }

    @Test
    void fixtureWithAnUnsupportedOptionFails() {
        // "custom pattern" sets a pattern on the day box, which our fragment does not offer.
        assertThrows(AssertionError.class, () -> components.assertMatches("date-input", "custom pattern"));
    }

    @Test
    void anErrorIsWiredToTheFieldsetAndStylesEveryBox() {
        Element html = GovukHtml.parse(components.renderer.call(call("Sent from must be a real date")));
        assertEquals("group", html.selectFirst("fieldset").attr("role"));
        assertEquals("from-hint from-error", html.selectFirst("fieldset").attr("aria-describedby"));
        assertEquals("Error: Sent from must be a real date", html.selectFirst("#from-error").text());
        assertEquals(3, html.select("input.govuk-input--error").size());
        assertTrue(html.selectFirst(".govuk-form-group").hasClass("govuk-form-group--error"));
    }

    @Test
    void boxesKeepTheirOwnIdsNamesAndWhatWasTyped() {
        Element html = GovukHtml.parse(components.renderer.call(call(null)));
        Element day = html.selectFirst("input#fromDay");
        assertEquals("fromDay", day.attr("name"));
        assertEquals("31", day.val());
        assertEquals("Day", html.selectFirst("label[for=fromDay]").text());
        assertTrue(html.selectFirst("input#fromYear").hasClass("govuk-input--width-4"));
        assertEquals("numeric", day.attr("inputmode"));
        assertTrue(html.select(".govuk-input--error, .govuk-error-message").isEmpty());
    }

    @Test
    void typedTextIsEscapedNotInterpreted() {
        String hostile = "\"><script>alert(1)</script>";
        String rendered = components.renderer.call(Call.of("govuk/date-input", "dateInput")
                .with("id", "from").with("namePrefix", null)
                .with("items", List.of(Map.of("name", "day", "value", hostile)))
                .with("legend", hostile).with("legendClasses", null).with("isPageHeading", false)
                .with("hint", hostile).with("error", hostile));
        Element html = GovukHtml.parse(rendered);
        assertTrue(html.select("script").isEmpty(), rendered);
        assertEquals(hostile, html.selectFirst("input").val());
        assertEquals(hostile, html.selectFirst("legend").text());
    }

    private static Call call(String error) {
        return Call.of("govuk/date-input", "dateInput")
                .with("id", "from").with("namePrefix", null)
                .with("items", List.of(
                        Map.of("id", "fromDay", "name", "fromDay", "label", "Day", "value", "31"),
                        Map.of("id", "fromMonth", "name", "fromMonth", "label", "Month", "value", "2"),
                        Map.of("id", "fromYear", "name", "fromYear", "label", "Year", "value", "2027",
                                "classes", "govuk-input--width-4")))
                .with("legend", "Sent from").with("legendClasses", "govuk-fieldset__legend--s")
                .with("isPageHeading", false).with("hint", "For example, 31 1 2027").with("error", error);
    }
}
