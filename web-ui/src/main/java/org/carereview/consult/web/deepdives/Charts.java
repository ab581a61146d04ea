package org.carereview.consult.web.deepdives;

import org.carereview.consult.deepdives.AreaSummary;
import org.carereview.consult.deepdives.CountTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Map keys are words of two letters or more: Thymeleaf's OGNL reads {@code m['x']} as a character, not a string.
 *
 * Charts drawn on the server as SVG, every coordinate worked out here (the templates only place them): bars for
 * one area's counts, and a grid of shaded cells for the areas side by side. A suppressed count gets no bar and no
 * shade, only its marker, so a chart never shows more than the table beside it.
 */
public final class Charts {

    private static final int LABEL_WIDTH = 270;
    private static final int BAR_AREA = 300;
    private static final int ROW = 30;
    private static final int CELL_WIDTH = 110;
    private static final int CELL_HEIGHT = 34;
    private static final int NAME_WIDTH = 230;
    private static final int HEADER = 58;

    private Charts() {
    }

    /** One bar: its label, what it shows beside it (a number, or the words for a suppressed count) and its length. */
    public record Bar(String label, String shown, long value) {
    }

    /** A bar per category of one line of an area's summary. */
    static Map<String, Object> bars(String id, String subject, AreaSummary.Line line) {
        List<Bar> bars = line.items().stream().map(i -> new Bar(i.label(), String.valueOf(i.count()),
                i.count() instanceof Number n ? n.longValue() : 0)).toList();
        return bars(id, subject + ", " + line.title().toLowerCase(java.util.Locale.UK) + ": " + describe(line), bars);
    }

    /**
     * Horizontal bars for the {@code deepdives/parts :: chart} fragment, which a public page may use as well: a
     * suppressed count has value 0 (no bar), only its words beside it. {@code description} is the chart's text
     * alternative.
     */
    public static Map<String, Object> bars(String id, String description, List<Bar> items) {
        long max = Math.max(1, items.stream().mapToLong(Bar::value).max().orElse(1));
        List<Map<String, Object>> bars = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Bar item = items.get(i);
            int width = (int) (item.value() * BAR_AREA / max);
            int y = 10 + i * ROW;
            bars.add(Map.of("label", item.label(), "labelY", y + 15, "barY", y, "width", width,
                    "value", item.shown(), "valueX", LABEL_WIDTH + width + 6));
        }
        return Map.of("id", id, "barX", LABEL_WIDTH, "bars", bars,
                "viewBox", "0 0 " + (LABEL_WIDTH + BAR_AREA + 90) + " " + (20 + items.size() * ROW),
                "description", description);
    }

    /** Areas down, categories across, each cell shaded by its count (suppressed cells unshaded). */
    static Map<String, Object> grid(String id, CountTable table) {
        long max = Math.max(1, table.rows().stream().flatMap(r -> r.counts().stream())
                .mapToLong(c -> c instanceof Number n ? n.longValue() : 0).max().orElse(1));
        List<Map<String, Object>> headers = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            int x = NAME_WIDTH + c * CELL_WIDTH + CELL_WIDTH / 2;
            List<Map<String, Object>> lines = new ArrayList<>();
            List<String> words = wrap(table.columns().get(c).label(), 15);
            for (int l = 0; l < words.size(); l++) {
                lines.add(Map.of("text", words.get(l), "baseline", HEADER - 8 - (words.size() - 1 - l) * 15));
            }
            headers.add(Map.of("centre", x, "lines", lines));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            CountTable.Row row = table.rows().get(r);
            int y = HEADER + r * CELL_HEIGHT;
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int c = 0; c < row.counts().size(); c++) {
                Object count = row.counts().get(c);
                int x = NAME_WIDTH + c * CELL_WIDTH;
                cells.add(Map.of("left", x + 2, "top", y + 2, "width", CELL_WIDTH - 4, "height", CELL_HEIGHT - 4,
                        "fill", shade(count, max), "text", String.valueOf(count), "textX", x + CELL_WIDTH / 2,
                        "textY", y + CELL_HEIGHT / 2 + 5));
            }
            rows.add(Map.of("name", row.name(), "nameY", y + CELL_HEIGHT / 2 + 5, "cells", cells));
        }
        Map<String, Object> chart = new HashMap<>();
        chart.put("id", id);
        chart.put("headers", headers);
        chart.put("rows", rows);
        chart.put("viewBox", "0 0 " + (NAME_WIDTH + table.columns().size() * CELL_WIDTH + 10) + " "
                + (HEADER + table.rows().size() * CELL_HEIGHT + 10));
        chart.put("description", "Areas compared " + table.title().toLowerCase(java.util.Locale.UK) + ": "
                + table.rows().stream().map(r -> r.name() + ", " + cells(table, r)).collect(Collectors.joining(". ")));
        return chart;
    }

    private static String describe(AreaSummary.Line line) {
        return line.items().stream().map(i -> i.label() + " " + i.count()).collect(Collectors.joining("; "));
    }

    private static String cells(CountTable table, CountTable.Row row) {
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            parts.add(table.columns().get(c).label() + " " + row.counts().get(c));
        }
        return String.join("; ", parts);
    }

    /** From near white to GOV.UK light blue; black text stays readable on all of them. */
    private static String shade(Object count, long max) {
        if (!(count instanceof Number n) || n.longValue() == 0) {
            return "#ffffff";
        }
        double f = (double) n.longValue() / max;
        return String.format("#%02x%02x%02x", mix(0xf3, 0x56, f), mix(0xf2, 0x94, f), mix(0xf1, 0xca, f));
    }

    private static int mix(int from, int to, double f) {
        return (int) Math.round(from + (to - from) * f);
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
