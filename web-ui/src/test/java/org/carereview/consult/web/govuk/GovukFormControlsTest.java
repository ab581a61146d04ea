package org.carereview.consult.web.govuk;

import org.carereview.consult.web.govuk.GovukRenderer.Call;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text inputs, textareas, character counts and their parts, against GOV.UK Frontend's own fixtures. */
class GovukFormControlsTest {

    private final GovukComponents components = new GovukComponents();

    @ParameterizedTest(name = "input: {0}")
    @ValueSource(strings = {"default", "with hint text", "with error message", "with error and hint",
            "with width-2 class", "with width-20 class", "with label as page heading", "with extra letter spacing",
            "classes", "id", "custom type", "value", "zero value", "with autocomplete attribute",
            "with spellcheck enabled", "with spellcheck disabled"})
    void inputMatchesGovukFrontend(String fixture) {
        components.assertMatches("input", fixture);
    }

    @ParameterizedTest(name = "textarea: {0}")
    @ValueSource(strings = {"default", "with hint", "with error message", "with default value", "with custom rows",
            "with label as page heading", "id", "with hint and error message",
            "with spellcheck enabled", "with spellcheck disabled"})
    void textareaMatchesGovukFrontend(String fixture) {
        components.assertMatches("textarea", fixture);
    }

    @ParameterizedTest(name = "character count: {0}")
    @ValueSource(strings = {"default", "with hint", "with hint and error", "with default value",
            "with default value exceeding limit", "with custom rows", "with label as page heading", "with maxwords",
            "with threshold", "id"})
    void characterCountMatchesGovukFrontend(String fixture) {
        components.assertMatches("character-count", fixture);
    }

    @ParameterizedTest(name = "label: {0}")
    @ValueSource(strings = {"default", "with bold text", "styled as large text", "as page heading l",
            "as page heading without class", "for", "classes", "empty"})
    void labelMatchesGovukFrontend(String fixture) {
        components.assertMatches("label", fixture);
    }

    @ParameterizedTest(name = "hint: {0}")
    @ValueSource(strings = {"default", "id", "classes"})
    void hintMatchesGovukFrontend(String fixture) {
        components.assertMatches("hint", fixture);
    }

    @ParameterizedTest(name = "error message: {0}")
    @ValueSource(strings = {"default", "id"})
    void errorMessageMatchesGovukFrontend(String fixture) {
        components.assertMatches("error-message", fixture);
    }

    @ParameterizedTest(name = "fieldset: {0}")
    @ValueSource(strings = {"default", "styled as large text", "as page heading l", "as page heading without class",
            "html fieldset content", "with describedBy", "role"})
    void fieldsetMatchesGovukFrontend(String fixture) {
        components.assertMatches("fieldset", fixture);
    }

    @Test
    void fixtureWithAnUnsupportedOptionFails() {
        // "with prefix" uses the prefix option, which our input does not offer: the comparison must not pass silently.
        assertThrows(AssertionError.class, () -> components.assertMatches("input", "with prefix"));
    }

    @Test
    void inputWiresHintAndErrorToAriaDescribedByAndErrorClasses() {
        Element html = GovukHtml.parse(components.renderer.call(input("email", "Enter an email address, like name@example.com")));
        Element input = html.selectFirst("input#email");
        assertEquals("email-hint email-error", input.attr("aria-describedby"));
        assertTrue(input.hasClass("govuk-input--error"));
        assertTrue(html.selectFirst(".govuk-form-group").hasClass("govuk-form-group--error"));
        assertEquals("Error: Enter an email address, like name@example.com", html.selectFirst("#email-error").text());
        assertEquals("Error:", html.selectFirst("#email-error .govuk-visually-hidden").text());
    }

    @Test
    void inputWithoutErrorHasNoErrorClassesOrMessage() {
        Element html = GovukHtml.parse(components.renderer.call(input("email", null)));
        assertEquals("email-hint", html.selectFirst("input").attr("aria-describedby"));
        assertFalse(html.selectFirst("input").hasClass("govuk-input--error"));
        assertTrue(html.select(".govuk-error-message").isEmpty());
    }

    @Test
    void userTextIsEscapedNotInterpreted() {
        String hostile = "<script>alert(1)</script><b>bold</b>";
        String rendered = components.renderer.call(Call.of("govuk/textarea", "textarea")
                .with("id", "advice").with("name", "advice").with("value", hostile).with("rows", null)
                .with("label", hostile).with("labelClasses", null).with("isPageHeading", false)
                .with("hint", hostile).with("error", hostile).with("spellcheck", null));
        Element html = GovukHtml.parse(rendered);
        assertTrue(html.select("script, b").isEmpty(), rendered);
        assertEquals(hostile, html.selectFirst("textarea").text());
        assertEquals(hostile, html.selectFirst("label").text());
    }

    @Test
    void characterCountPutsCountMessageFirstInAriaDescribedBy() {
        Element html = GovukHtml.parse(components.renderer.call(Call.of("govuk/character-count", "characterCount")
                .with("id", "questions").with("name", "questions").with("value", null).with("rows", 8)
                .with("maxlength", 5000).with("maxwords", null).with("threshold", null)
                .with("label", "What questions should the review answer?").with("labelClasses", "govuk-label--m")
                .with("isPageHeading", false).with("hint", "You can write as much or as little as you like")
                .with("error", "Enter the questions the review should answer")));
        assertEquals("questions-info questions-hint questions-error", html.selectFirst("textarea").attr("aria-describedby"));
        assertEquals("You can enter up to 5,000 characters", html.selectFirst("#questions-info").text());
        assertEquals("5000", html.selectFirst(".govuk-character-count").attr("data-maxlength"));
        assertEquals("8", html.selectFirst("textarea").attr("rows"));
    }

    private static Call input(String name, String error) {
        return Call.of("govuk/input", "input")
                .with("id", null).with("name", name).with("type", "email").with("value", "someone@example.com")
                .with("label", "Email address").with("labelClasses", null).with("isPageHeading", false)
                .with("hint", "We will only use this to reply to you").with("error", error)
                .with("classes", null).with("autocomplete", "email").with("spellcheck", false);
    }
}
