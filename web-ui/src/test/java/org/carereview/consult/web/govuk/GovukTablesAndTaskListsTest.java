package org.carereview.consult.web.govuk;

import org.carereview.consult.web.govuk.GovukRenderer.Call;
import org.carereview.consult.web.pages.GovukItems;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The table and task-list fragments against GOV.UK Frontend's own fixtures, and what the table adds: a cell that is a
 * link.
 */
class GovukTablesAndTaskListsTest {

    private final GovukComponents components = new GovukComponents();

    @ParameterizedTest(name = "table: {0}")
    @ValueSource(strings = {"default", "with head", "with head and caption", "classes", "html as text",
            "head with classes", "with firstCellIsHeader true", "firstCellIsHeader with classes",
            "firstCellIsHeader with html as text", "with falsy items", "rows with classes",
            "with small text modifier for tables with a lot of data"})
    void tableMatchesGovukFrontend(String fixture) {
        components.assertMatches("table", fixture);
    }

    @ParameterizedTest(name = "task list: {0}")
    @ValueSource(strings = {"default", "forced hover state", "with hint text and additional states",
            "with all possible colours", "with very long single word tags", "custom classes", "custom id prefix",
            "html passed as text", "with empty values"})
    void taskListMatchesGovukFrontend(String fixture) {
        components.assertMatches("task-list", fixture);
    }

    /** Raw HTML in a cell is not supported (every cell is text): a fixture that needs it fails rather than pass half-read. */
    @Test
    void aFixtureWithHtmlCellsIsRefused() {
        assertThrows(AssertionError.class, () -> components.assertMatches("table", "html"));
    }

    @Test
    void aLinkCellLinksItsTextAndARowHeaderCanBeOne() {
        String rendered = components.renderer.call(Call.of("govuk/table", "table").with("caption", null)
                .with("captionClasses", null).with("head", List.of(GovukItems.column("Area"), GovukItems.numericColumn("Cards")))
                .with("rows", List.of(List.of(GovukItems.linkCell("Camden <b>", "/staff/deep-dives/areas/camden"),
                        GovukItems.numeric(12))))
                .with("firstCellIsHeader", true).with("classes", null));
        Element html = GovukHtml.parse(rendered);
        Element link = html.selectFirst("th[scope=row] > a.govuk-link");
        assertEquals("/staff/deep-dives/areas/camden", link.attr("href"));
        assertEquals("Camden <b>", link.text(), "the text is escaped, never markup");
        assertEquals("12", html.selectFirst("td.govuk-table__cell--numeric").text());
        assertEquals("govuk-table__header govuk-table__header--numeric", html.select("thead th").get(1).className());
    }
}
