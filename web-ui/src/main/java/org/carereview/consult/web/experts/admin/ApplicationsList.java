package org.carereview.consult.web.experts.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.experts.AgeBand;
import org.carereview.consult.experts.ApplicationOutcome;
import org.carereview.consult.experts.ApplicationPage;
import org.carereview.consult.experts.Experience;
import org.carereview.consult.experts.Region;
import org.carereview.consult.web.pages.GovukItems;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The administrators' applications page as its GET form sends it: the API's four filters (codes, blank for any)
 * and {@code after}, the keyset cursor of the page. Every application is reachable, a page at a time.
 */
record ApplicationsList(@Nullable String outcome, @Nullable String region, @Nullable String ageBand,
                        @Nullable String experience, @Nullable String after) {

    static final int PAGE_SIZE = 100;
    static final String PATH = "/staff/applications";

    /** The page's model; {@code page} is null when the filters could not be read (the form shows why). */
    ListPage model(@Nullable ApplicationPage page) {
        return new ListPage(options("Any outcome", ApplicationOutcome.values(), ApplicationOutcome::label),
                options("Any region", Region.values(), Region::label),
                options("Any age", AgeBand.values(), AgeBand::label),
                options("Any experience", Experience.values(), Experience::label), filters(),
                GovukItems.columns("Reference", "Name", "Outcome", "Sent"),
                page == null ? List.of() : page.items().stream().map(a -> List.of(
                        GovukItems.linkCell(a.reference(), PATH + "/" + a.id()),
                        GovukItems.writtenCell(a.name() == null ? "(withdrawn)" : a.name()),
                        GovukItems.cell(a.outcome().label()), GovukItems.cell(UkTime.day(a.submittedAt())))).toList(),
                !filters().isEmpty(), after == null || after.isBlank() ? null : link(null),
                page == null || page.next() == null ? null : link(page.next()));
    }

    /**
     * The applications list ({@code experts/admin/applications}): the filters' choices and values, the table's head
     * and one page of rows, whether any filter is set, and the links to the first and next page (null where none).
     */
    @Introspected
    record ListPage(List<Map<String, Object>> outcomes, List<Map<String, Object>> regions,
                    List<Map<String, Object>> ageBands, List<Map<String, Object>> experiences,
                    Map<String, String> values, List<Map<String, Object>> head,
                    List<List<Map<String, Object>>> rows, boolean filtered, @Nullable String firstPage,
                    @Nullable String nextPage) {
    }

    /** The filters that narrow the list, by name, blanks left out. */
    Map<String, String> filters() {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "outcome", outcome);
        put(values, "region", region);
        put(values, "ageBand", ageBand);
        put(values, "experience", experience);
        return values;
    }

    private String link(@Nullable String cursor) {
        List<String> parts = new ArrayList<>();
        filters().forEach((name, value) -> parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        if (cursor != null) {
            parts.add("after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        return parts.isEmpty() ? PATH : PATH + "?" + String.join("&", parts);
    }

    private static <E extends Enum<E>> List<Map<String, Object>> options(String any, E[] codes, Function<E, String> label) {
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(Map.of("value", "", "text", any));
        for (E code : codes) {
            items.add(Map.of("value", code.name(), "text", label.apply(code)));
        }
        return items;
    }

    private static void put(Map<String, String> values, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value.strip());
        }
    }
}
