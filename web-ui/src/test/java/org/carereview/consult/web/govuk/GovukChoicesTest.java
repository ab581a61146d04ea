package org.carereview.consult.web.govuk;

import org.carereview.consult.web.govuk.GovukRenderer.Call;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Radios and checkboxes, against GOV.UK Frontend's own fixtures. */
class GovukChoicesTest {

    private final GovukComponents components = new GovukComponents();

    @ParameterizedTest(name = "radios: {0}")
    @ValueSource(strings = {"default", "with hint", "inline", "with a divider",
            "with hints on items", "without fieldset", "with fieldset and error message", "with very long option text",
            "with conditional items", "with conditional item checked", "with conditional items and pre-checked value",
            "small with long text", "small inline", "with idPrefix", "minimal items and name", "with error message",
            "with error message and idPrefix", "with hint and error message", "with hints on parent and items",
            "prechecked using value", "item checked overrides value", "with disabled"})
    void radiosMatchGovukFrontend(String fixture) {
        components.assertMatches("radios", fixture);
    }

    @ParameterizedTest(name = "checkboxes: {0}")
    @ValueSource(strings = {"default", "with hint", "with pre-checked values", "with divider and None",
            "with divider, None and conditional items", "with hints on items", "with legend as a page heading",
            "with error message", "with very long option text", "with conditional items", "small", "small with error",
            "with idPrefix", "with checked item", "multiple hints", "with error message and hint",
            "with error and idPrefix", "item checked overrides values", "with conditional item checked"})
    void checkboxesMatchGovukFrontend(String fixture) {
        components.assertMatches("checkboxes", fixture);
    }

    @Test
    void radiosShowErrorMessageAndErrorClass() {
        Element html = GovukHtml.parse(components.renderer.call(respondentRadios("Select who you are responding as")));
        assertTrue(html.selectFirst(".govuk-form-group").hasClass("govuk-form-group--error"));
        assertEquals("respondent-error", html.selectFirst("fieldset").attr("aria-describedby"));
        assertEquals("Error: Select who you are responding as", html.selectFirst("#respondent-error").text());
        // the error summary links to the first radio, whose id is the plain prefix
        assertEquals("respondent", html.selectFirst("input[type=radio]").id());
    }

    @Test
    void radiosSelectTheGivenValue() {
        Element html = GovukHtml.parse(components.renderer.call(respondentRadios(null)));
        assertTrue(html.selectFirst("input[value=carer]").hasAttr("checked"));
        assertFalse(html.selectFirst("input[value=care-experienced]").hasAttr("checked"));
        assertFalse(html.selectFirst(".govuk-form-group").hasClass("govuk-form-group--error"));
    }

    private static Call respondentRadios(String error) {
        return Call.of("govuk/radios", "radios")
                .with("name", "respondent").with("idPrefix", null)
                .with("items", List.of(
                        Map.of("value", "care-experienced", "text", "Someone with experience of care"),
                        Map.of("value", "carer", "text", "A foster or kinship carer")))
                .with("value", "carer")
                .with("legend", "Who are you responding as?").with("legendClasses", "govuk-fieldset__legend--m")
                .with("isPageHeading", false).with("hint", null).with("error", error).with("classes", null);
    }
}
