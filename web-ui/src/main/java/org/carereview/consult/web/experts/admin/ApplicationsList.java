package org.carereview.consult.web.experts.admin;

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
    Map<String, Object> model(@Nullable ApplicationPage page) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("outcomes", options("Any outcome", ApplicationOutcome.values(), ApplicationOutcome::label));
        model.put("regions", options("Any region", Region.values(), Region::label));
        model.put("ageBands", options("Any age", AgeBand.values(), AgeBand::label));
        model.put("experiences", options("Any experience", Experience.values(), Experience::label));
        model.put("values", filters());
        model.put("head", GovukItems.columns("Reference", "Name", "Outcome", "Sent"));
        model.put("rows", page == null ? List.of() : page.items().stream().map(a -> List.of(
                GovukItems.linkCell(a.reference(), PATH + "/" + a.id()),
                GovukItems.writtenCell(a.name() == null ? "(withdrawn)" : a.name()),
                GovukItems.cell(a.outcome().label()), GovukItems.cell(UkTime.day(a.submittedAt())))).toList());
        model.put("filtered", !filters().isEmpty());
        model.put("firstPage", after == null || after.isBlank() ? null : link(null));
        model.put("nextPage", page == null || page.next() == null ? null : link(page.next()));
        return model;
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
