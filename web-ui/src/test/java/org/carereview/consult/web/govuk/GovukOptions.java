package org.carereview.consult.web.govuk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fixture's macro options, read key by key. Every key a test reads is recorded, and
 * {@link #assertAllRead()} fails when the fixture uses an option the test did not translate into a
 * fragment parameter: a fixture can only pass if our fragment really supports everything it asks for.
 */
final class GovukOptions {

    private final String path;
    private final Map<String, Object> values;
    private final Set<String> read = new LinkedHashSet<>();
    private final List<GovukOptions> children = new ArrayList<>();

    GovukOptions(String path, Map<String, Object> values) {
        this.path = path;
        this.values = values == null ? Map.of() : values;
    }

    /** True when the fixture sets the option to null on purpose (as footer's {@code contentLicence: null}). */
    boolean explicitlyNull(String key) {
        read.add(key);
        return values.containsKey(key) && values.get(key) == null;
    }

    /** True when the option is {@code false} (as date-input's {@code year: false}, which leaves the year out). */
    boolean isFalse(String key) {
        read.add(key);
        return Boolean.FALSE.equals(values.get(key));
    }

    /** Whether the fixture gives the option at all. */
    boolean has(String key) {
        return values.containsKey(key);
    }

    /** A text option; numbers (e.g. {@code "value": 1}) become their decimal string. */
    String string(String key) {
        read.add(key);
        Object value = values.get(key);
        return value == null ? null : String.valueOf(value);
    }

    Integer integer(String key) {
        read.add(key);
        Object value = values.get(key);
        return value == null ? null : ((Number) value).intValue();
    }

    Boolean bool(String key) {
        read.add(key);
        return (Boolean) values.get(key);
    }

    /** A nested options object; an absent one reads as empty. */
    @SuppressWarnings("unchecked")
    GovukOptions object(String key) {
        read.add(key);
        Object value = values.get(key);
        GovukOptions child = new GovukOptions(path + "." + key, value instanceof Map ? (Map<String, Object>) value : null);
        children.add(child);
        return child;
    }

    /**
     * A list of options objects; an absent list reads as null. Entries that are not objects (GOV.UK allows
     * {@code null}, {@code false} and {@code ""} for "no item here") are null.
     */
    @SuppressWarnings("unchecked")
    List<GovukOptions> list(String key) {
        read.add(key);
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        List<GovukOptions> items = new ArrayList<>();
        int index = 0;
        for (Object item : (List<Object>) value) {
            GovukOptions child = item instanceof Map ? new GovukOptions(path + "." + key + "[" + index + "]",
                    (Map<String, Object>) item) : null;
            if (child != null) {
                children.add(child);
            }
            items.add(child);
            index++;
        }
        return items;
    }

    /** A list of lists of options objects (a table's rows); a row that is not a list ({@code false}, null) is null. */
    @SuppressWarnings("unchecked")
    List<List<GovukOptions>> rows(String key) {
        read.add(key);
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        List<List<GovukOptions>> rows = new ArrayList<>();
        int r = 0;
        for (Object row : (List<Object>) value) {
            if (row instanceof List<?> cells) {
                List<GovukOptions> out = new ArrayList<>();
                int c = 0;
                for (Object cell : cells) {
                    GovukOptions child = new GovukOptions(path + "." + key + "[" + r + "][" + c++ + "]", (Map<String, Object>) cell);
                    children.add(child);
                    out.add(child);
                }
                rows.add(out);
            } else {
                rows.add(null);
            }
            r++;
        }
        return rows;
    }

    /** A list of plain values, as strings. */
    @SuppressWarnings("unchecked")
    List<String> strings(String key) {
        read.add(key);
        Object value = values.get(key);
        return value == null ? null : ((List<Object>) value).stream().map(String::valueOf).toList();
    }

    void assertAllRead() {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw new AssertionError("fixture option " + path + "." + key + " is not supported by the fragment under test");
            }
        }
        children.forEach(GovukOptions::assertAllRead);
    }
}
