package org.carereview.consult.web.govuk;

import org.carereview.consult.web.govuk.GovukRenderer.Call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Translates GOV.UK Frontend's table fixtures into a call of {@code govuk/table :: table}. */
final class GovukTables {

    private GovukTables() {
    }

    static Call translate(GovukOptions o) {
        List<Map<String, Object>> head = null;
        List<GovukOptions> columns = o.list("head");
        if (columns != null) {
            head = new ArrayList<>();
            for (GovukOptions column : columns) {
                head.add(cell(column));
            }
        }
        List<List<Map<String, Object>>> rows = new ArrayList<>();
        for (List<GovukOptions> row : o.rows("rows")) {
            if (row == null) {
                rows.add(null);
                continue;
            }
            List<Map<String, Object>> cells = new ArrayList<>();
            for (GovukOptions cell : row) {
                cells.add(cell(cell));
            }
            rows.add(cells);
        }
        return Call.of("govuk/table", "table").with("caption", o.string("caption"))
                .with("captionClasses", o.string("captionClasses")).with("head", head).with("rows", rows)
                .with("firstCellIsHeader", o.bool("firstCellIsHeader")).with("classes", o.string("classes"));
    }

    private static Map<String, Object> cell(GovukOptions o) {
        Map<String, Object> cell = new LinkedHashMap<>();
        putIfSet(cell, "text", o.string("text"));
        putIfSet(cell, "format", o.string("format"));
        putIfSet(cell, "classes", o.string("classes"));
        return cell;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
