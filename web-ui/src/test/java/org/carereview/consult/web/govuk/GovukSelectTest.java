package org.carereview.consult.web.govuk;

import org.carereview.consult.web.govuk.GovukRenderer.Call;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The select fragment against GOV.UK Frontend's own fixtures, and what our pages rely on. */
class GovukSelectTest {

    private final GovukComponents components = new GovukComponents();

    @ParameterizedTest(name = "select: {0}")
    @ValueSource(strings = {"default", "with hint text and error message", "with label as page heading",
            "with full width override", "with describedBy", "hint", "hint and describedBy", "error",
            "error and describedBy", "without values", "without values with selected value", "with falsy values",
            "item selected overrides value", "id", "with selected value"})
    void selectMatchesGovukFrontend(String fixture) {
        components.assertMatches("select", fixture);
    }

    @Test
    void fixtureWithAnUnsupportedOptionFails() {
        // "attributes" sets arbitrary attributes on the select, which our fragment does not offer.
        assertThrows(AssertionError.class, () -> components.assertMatches("select", "attributes"));
    }

    @Test
    void nullItemsAreLeftOut() {
        Element html = GovukHtml.parse(components.renderer.call(call(Arrays.asList(
                Map.of("value", "1", "text", "One"), null, Map.of("value", "2", "text", "Two")), null, null)));
        assertEquals(2, html.select("option").size());
    }

    @Test
    void theOptionMatchingTheValueIsSelected() {
        Element html = GovukHtml.parse(components.renderer.call(call(List.of(
                Map.of("value", "", "text", "Any status"), Map.of("value", "NEW", "text", "New"),
                Map.of("value", "IN_REVIEW", "text", "In review")), "IN_REVIEW", null)));
        assertEquals("In review", html.selectFirst("option[selected]").text());
        assertEquals(1, html.select("option[selected]").size());
    }

    @Test
    void errorIsWiredToAriaDescribedByAndTheErrorClasses() {
        Element html = GovukHtml.parse(components.renderer.call(call(List.of(Map.of("value", "NEW", "text", "New")),
                null, "Choose a status")));
        Element select = html.selectFirst("select#status");
        assertEquals("status-hint status-error", select.attr("aria-describedby"));
        assertTrue(select.hasClass("govuk-select--error"));
        assertTrue(html.selectFirst(".govuk-form-group").hasClass("govuk-form-group--error"));
        assertEquals("Error: Choose a status", html.selectFirst("#status-error").text());
    }

    @Test
    void optionTextIsEscapedNotInterpreted() {
        String hostile = "<script>alert(1)</script><b>bold</b>";
        String rendered = components.renderer.call(call(List.of(Map.of("value", hostile, "text", hostile)), null, null));
        Element html = GovukHtml.parse(rendered);
        assertTrue(html.select("script, b").isEmpty(), rendered);
        assertEquals(hostile, html.selectFirst("option").text());
        assertEquals(hostile, html.selectFirst("option").attr("value"));
    }

    private static Call call(List<Map<String, Object>> items, String value, String error) {
        return Call.of("govuk/select", "select")
                .with("id", null).with("name", "status").with("items", items).with("value", value)
                .with("label", "Status").with("labelClasses", null).with("isPageHeading", false)
                .with("hint", "The triage status").with("error", error).with("classes", null).with("describedBy", null);
    }
}
