package org.carereview.consult.web.govuk;

import org.carereview.consult.web.govuk.GovukRenderer.Call;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Buttons, links, banners, summaries and the page furniture, against GOV.UK Frontend's own fixtures. */
class GovukContentComponentsTest {

    private final GovukComponents components = new GovukComponents();

    @ParameterizedTest(name = "button: {0}")
    @ValueSource(strings = {"default", "link", "start", "secondary", "warning", "inverse", "classes", "link classes",
            "name", "type", "explicit link", "value", "no type", "start link", "prevent double click",
            "don't prevent double click"})
    void buttonMatchesGovukFrontend(String fixture) {
        components.assertMatches("button", fixture);
    }

    @ParameterizedTest(name = "back link: {0}")
    @ValueSource(strings = {"default", "with custom text and link"})
    void backLinkMatchesGovukFrontend(String fixture) {
        components.assertMatches("back-link", fixture);
    }

    @ParameterizedTest(name = "skip link: {0}")
    @ValueSource(strings = {"default", "no href", "custom href", "custom text"})
    void skipLinkMatchesGovukFrontend(String fixture) {
        components.assertMatches("skip-link", fixture);
    }

    @ParameterizedTest(name = "tag: {0}")
    @ValueSource(strings = {"default", "grey", "turquoise", "green", "purple", "red", "yellow"})
    void tagMatchesGovukFrontend(String fixture) {
        components.assertMatches("tag", fixture);
    }

    @ParameterizedTest(name = "panel: {0}")
    @ValueSource(strings = {"default", "body html", "title with no body text"})
    void panelMatchesGovukFrontend(String fixture) {
        components.assertMatches("panel", fixture);
    }

    @ParameterizedTest(name = "inset text: {0}")
    @ValueSource(strings = {"default", "with html"})
    void insetTextMatchesGovukFrontend(String fixture) {
        components.assertMatches("inset-text", fixture);
    }

    @ParameterizedTest(name = "warning text: {0}")
    @ValueSource(strings = {"default", "multiple lines"})
    void warningTextMatchesGovukFrontend(String fixture) {
        components.assertMatches("warning-text", fixture);
    }

    @ParameterizedTest(name = "notification banner: {0}")
    @ValueSource(strings = {"default", "with text as html", "with type as success", "with long heading",
            "with lots of content", "custom title", "custom text"})
    void notificationBannerMatchesGovukFrontend(String fixture) {
        components.assertMatches("notification-banner", fixture);
    }

    @ParameterizedTest(name = "pagination: {0}")
    @ValueSource(strings = {"with prev and next only", "with previous only", "with next only"})
    void paginationMatchesGovukFrontend(String fixture) {
        components.assertMatches("pagination", fixture);
    }

    @ParameterizedTest(name = "phase banner: {0}")
    @ValueSource(strings = {"default", "text"})
    void phaseBannerMatchesGovukFrontend(String fixture) {
        components.assertMatches("phase-banner", fixture);
    }

    @ParameterizedTest(name = "error summary: {0}")
    @ValueSource(strings = {"default", "without links", "mixed with and without links", "with description only",
            "with everything", "description"})
    void errorSummaryMatchesGovukFrontend(String fixture) {
        components.assertMatches("error-summary", fixture);
    }

    @ParameterizedTest(name = "summary list: {0}")
    @ValueSource(strings = {"actions href", "single action with anchor", "empty items array",
            "rows with classes", "as a summary card with a text header"})
    void summaryListMatchesGovukFrontend(String fixture) {
        components.assertMatches("summary-list", fixture);
    }

    @ParameterizedTest(name = "header (generic header): {0}")
    @ValueSource(strings = {"default", "custom url"})
    void headerMatchesGovukFrontendGenericHeader(String fixture) {
        components.assertMatches("generic-header", fixture);
    }

    @ParameterizedTest(name = "footer: {0}")
    @ValueSource(strings = {"with only meta links", "with no content licence", "with only custom meta"})
    void footerMatchesGovukFrontendWithoutCrownOrCopyright(String fixture) {
        components.assertMatches("footer", fixture);
    }

    @Test
    void footerNeverShowsCrownLicenceOrCrownCopyright() {
        String rendered = components.renderer.call(Call.of("govuk/footer", "footer")
                .with("links", List.of(Map.of("href", "/privacy", "text", "Privacy"))).with("text", null));
        Element html = GovukHtml.parse(rendered);
        assertTrue(html.select("svg, .govuk-footer__licence-description, .govuk-footer__copyright-logo").isEmpty(), rendered);
        assertEquals("/privacy", html.selectFirst("a.govuk-footer__link").attr("href"));
    }

    @Test
    void summaryListShowsLinesAsParagraphs() {
        Element html = GovukHtml.parse(components.renderer.call(Call.of("govuk/summary-list", "summaryList")
                .with("rows", List.of(Map.of("key", "Resources", "lines", List.of("First report", "<b>Second</b>"),
                        "actions", List.of(Map.of("href", "/change/resources", "text", "Change", "visuallyHiddenText", "resources")))))
                .with("classes", null)));
        assertEquals(List.of("First report", "<b>Second</b>"),
                html.select(".govuk-summary-list__value p.govuk-body").eachText());
        assertEquals("Change resources", html.selectFirst(".govuk-summary-list__actions a").text());
    }

    @Test
    void summaryListMarksRowsWithoutActionsWhenOthersHaveThem() {
        Element html = GovukHtml.parse(components.renderer.call(Call.of("govuk/summary-list", "summaryList")
                .with("rows", List.of(
                        Map.of("key", "Reference", "value", "CFA-1234"),
                        Map.of("key", "Name", "value", "Sam", "actions", List.of(Map.of("href", "/name", "text", "Change")))))
                .with("classes", null)));
        assertTrue(html.select(".govuk-summary-list__row").get(0).hasClass("govuk-summary-list__row--no-actions"));
    }

    @Test
    void submitShorthandIsASubmitButtonThatIgnoresDoubleClicks() {
        Element button = GovukHtml.parse(components.renderer.markup(
                "<button th:replace=\"~{govuk/button :: submit('Send advice')}\"></button>", Map.of())).selectFirst("button");
        assertEquals("submit", button.attr("type"));
        assertEquals("true", button.attr("data-prevent-double-click"));
        assertEquals("Send advice", button.text());
    }

    @Test
    void startButtonShorthandIsALinkWithTheArrow() {
        Element link = GovukHtml.parse(components.renderer.markup(
                "<a th:replace=\"~{govuk/button :: startButton('Start now', '/call-for-advice')}\"></a>", Map.of())).selectFirst("a");
        assertEquals("/call-for-advice", link.attr("href"));
        assertTrue(link.hasClass("govuk-button--start"));
        assertEquals(1, link.select("svg.govuk-button__start-icon").size());
    }

    @Test
    void csrfFieldCarriesTheToken() {
        Element input = GovukHtml.parse(components.renderer.markup(
                "<form method=\"post\"><input th:replace=\"~{govuk/csrf :: field}\"></form>", Map.of("csrfToken", "t0k3n")))
                .selectFirst("input");
        assertEquals("hidden", input.attr("type"));
        assertEquals("csrfToken", input.attr("name"));
        assertEquals("t0k3n", input.attr("value"));
    }
}
