package org.carereview.consult.web.pages;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the maps the GOV.UK fragments in views/govuk read (see views/README.md). The fragments take
 * lists of {@code Map}s, not records: Thymeleaf's OGNL reads {@code ${item.text}} from a map, but cannot
 * read a record's accessor as a property. Keys are GOV.UK Frontend's option names, with plain strings
 * where GOV.UK nests a {@code {text: ...}} object. Absent (null) values are left out.
 */
public final class GovukItems {

    private GovukItems() {
    }

    /** A radio or checkbox: {@code {value, text}}. */
    public static Map<String, Object> item(String value, String text) {
        return map("value", value, "text", text);
    }

    /** A radio or checkbox with a hint under its label: {@code {value, text, hint}}. */
    public static Map<String, Object> item(String value, String text, String hint) {
        return map("value", value, "text", text, "hint", hint);
    }

    /** The "or" line between radios or checkboxes: {@code {divider}}. */
    public static Map<String, Object> divider(String text) {
        return map("divider", text);
    }

    /** A "None" checkbox that unticks the others: {@code {value, text, behaviour: 'exclusive'}}. */
    public static Map<String, Object> exclusive(String value, String text) {
        return map("value", value, "text", text, "behaviour", "exclusive");
    }

    /** An error summary entry linking to the field with this id: {@code {href: '#id', text}}. */
    public static Map<String, Object> error(String fieldId, String text) {
        return map("href", "#" + fieldId, "text", text);
    }

    /** A link, as in the footer: {@code {href, text}}. */
    public static Map<String, Object> link(String href, String text) {
        return map("href", href, "text", text);
    }

    /** A summary list row: {@code {key, value}}. */
    public static Map<String, Object> row(String key, String value) {
        return map("key", key, "value", value);
    }

    /** A summary list row whose value is shown as paragraphs: {@code {key, lines}}. */
    public static Map<String, Object> row(String key, List<String> lines) {
        return map("key", key, "lines", lines);
    }

    /** A summary list row with a "Change" style action: {@code {key, value, actions: [{href, text, visuallyHiddenText}]}}. */
    public static Map<String, Object> row(String key, String value, String href, String actionText, String visuallyHiddenText) {
        return map("key", key, "value", value,
                "actions", List.of(map("href", href, "text", actionText, "visuallyHiddenText", visuallyHiddenText)));
    }

    /** A table's column heading: {@code {text}}. */
    public static Map<String, Object> column(String text) {
        return map("text", text);
    }

    /** A column heading for numbers, right-aligned: {@code {text, format: 'numeric'}}. */
    public static Map<String, Object> numericColumn(String text) {
        return map("text", text, "format", "numeric");
    }

    /** A table cell: {@code {text}} (null text is an empty cell). */
    public static Map<String, Object> cell(Object text) {
        return map("text", text == null ? null : String.valueOf(text));
    }

    /** A table cell holding what a person wrote (a name): {@code {text, dir: 'auto'}}, so its direction is its own. */
    public static Map<String, Object> writtenCell(String text) {
        return map("text", text, "dir", "auto");
    }

    /** A table's heading row: one column heading for each text. */
    public static List<Map<String, Object>> columns(String... texts) {
        return Arrays.stream(texts).map(GovukItems::column).toList();
    }

    /** A table cell holding a number, right-aligned: {@code {text, format: 'numeric'}}. */
    public static Map<String, Object> numeric(Object text) {
        return map("text", String.valueOf(text), "format", "numeric");
    }

    /** A table cell whose text links to {@code href}: {@code {text, href}}. */
    public static Map<String, Object> linkCell(String text, String href) {
        return map("text", text, "href", href);
    }

    /** A link cell whose text a person wrote (a title): {@code {text, href, dir: 'auto'}}. */
    public static Map<String, Object> writtenLinkCell(String text, String href) {
        return map("text", text, "href", href, "dir", "auto");
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
