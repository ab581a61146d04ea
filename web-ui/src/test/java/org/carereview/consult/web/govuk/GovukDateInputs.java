package org.carereview.consult.web.govuk;

import org.carereview.consult.web.govuk.GovukRenderer.Call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.carereview.consult.web.govuk.GovukComponents.putIfSet;

/**
 * Translates GOV.UK Frontend's date-input options into a call of {@code govuk/date-input :: dateInput}.
 * Our fragment takes the boxes as items only. GOV.UK also takes {@code day}, {@code month} and {@code year}
 * options (each replaces that box's defaults; {@code false} leaves the box out) and {@code values} by name:
 * they become items here, built as GOV.UK's template builds them. Fixtures that mix those options with
 * {@code items} test GOV.UK's precedence between the two, which has no counterpart in our fragment: they fail.
 */
final class GovukDateInputs {

    private static final List<String> PARTS = List.of("day", "month", "year");

    private GovukDateInputs() {
    }

    static Call translate(GovukOptions o) {
        GovukOptions legend = o.object("fieldset").object("legend");
        String prefix = o.string("namePrefix");
        return Call.of("govuk/date-input", "dateInput")
                .with("id", o.string("id")).with("namePrefix", prefix).with("items", items(o, prefix))
                .with("legend", legend.string("text")).with("legendClasses", legend.string("classes"))
                .with("isPageHeading", legend.bool("isPageHeading"))
                .with("hint", o.object("hint").string("text")).with("error", o.object("errorMessage").string("text"));
    }

    private static List<Map<String, Object>> items(GovukOptions o, String prefix) {
        boolean byPart = PARTS.stream().anyMatch(o::has) || o.has("values");
        List<GovukOptions> given = o.list("items");
        if (given != null && !given.isEmpty()) {
            if (byPart) {
                throw new AssertionError("items together with day, month, year or values: GOV.UK's precedence rules");
            }
            return given.stream().map(GovukDateInputs::item).toList();
        }
        if (!byPart) {
            return given == null ? null : List.of(); // the fragment's own day, month and year
        }
        GovukOptions values = o.object("values");
        List<Map<String, Object>> items = new ArrayList<>();
        for (String part : PARTS) {
            if (o.isFalse(part)) {
                continue;
            }
            boolean replaced = o.has(part);
            Map<String, Object> item = item(o.object(part));
            String name = (String) item.computeIfAbsent("name", key -> part);
            String classes = (String) item.get("classes");
            if (classes == null || !classes.contains("govuk-input--width-")) {
                // GOV.UK's template knows its year box by identity, whatever its name, and makes it 4 wide.
                String width = "govuk-input--width-" + (part.equals("year") ? 4 : 2);
                item.put("classes", classes == null ? width : width + " " + classes);
            }
            // The box's own value, else (for a box not replaced) values.<part>, else values.<its full name>.
            String ofPart = replaced ? null : values.string(part);
            String ofName = values.string(prefix == null ? name : prefix + "-" + name);
            if (!item.containsKey("value")) {
                putIfSet(item, "value", ofPart != null ? ofPart : ofName);
            }
            items.add(item);
        }
        return items;
    }

    private static Map<String, Object> item(GovukOptions item) {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfSet(map, "id", item.string("id"));
        putIfSet(map, "name", item.string("name"));
        putIfSet(map, "label", item.string("label"));
        putIfSet(map, "value", item.string("value"));
        putIfSet(map, "classes", item.string("classes"));
        putIfSet(map, "autocomplete", item.string("autocomplete"));
        putIfSet(map, "error", item.bool("error"));
        return map;
    }
}
