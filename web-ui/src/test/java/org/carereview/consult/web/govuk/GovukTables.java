package org.carereview.consult.web.govuk;

import org.carereview.consult.web.govuk.GovukRenderer.Call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.carereview.consult.web.govuk.GovukComponents.putIfSet;

/** Translates GOV.UK Frontend's table and task-list fixtures into calls of our fragments. */
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

    static Call taskList(GovukOptions o) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (GovukOptions item : o.list("items")) {
            if (item == null) {
                items.add(null);
                continue;
            }
            Map<String, Object> task = new LinkedHashMap<>();
            GovukOptions title = item.object("title");
            putIfSet(task, "title", title.string("text"));
            putIfSet(task, "titleClasses", title.string("classes"));
            putIfSet(task, "href", item.string("href"));
            putIfSet(task, "hint", item.object("hint").string("text"));
            putIfSet(task, "classes", item.string("classes"));
            GovukOptions status = item.object("status");
            putIfSet(task, "status", status.string("text"));
            putIfSet(task, "statusClasses", status.string("classes"));
            GovukOptions tag = status.object("tag");
            putIfSet(task, "tag", tag.string("text"));
            putIfSet(task, "tagClasses", tag.string("classes"));
            items.add(task);
        }
        return Call.of("govuk/task-list", "taskList").with("items", items).with("idPrefix", o.string("idPrefix"))
                .with("classes", o.string("classes"));
    }

    private static Map<String, Object> cell(GovukOptions o) {
        Map<String, Object> cell = new LinkedHashMap<>();
        putIfSet(cell, "text", o.string("text"));
        putIfSet(cell, "format", o.string("format"));
        putIfSet(cell, "classes", o.string("classes"));
        return cell;
    }
}
