package org.carereview.consult.deepdives;

/** The dashboards as CSV, with the same suppressed counts as the pages and the API. */
final class DashboardCsv {

    static final String SHOWN_TOTAL = "Total of the counts shown";

    private DashboardCsv() {
    }

    /** One line per category: dimension, code, category, count; then each dimension's total of shown counts. */
    static String summary(AreaSummary summary) {
        StringBuilder csv = new StringBuilder(CsvCell.line("area", "dimension", "code", "category", "count"));
        for (AreaSummary.Line line : summary.lines()) {
            for (AreaSummary.Item item : line.items()) {
                csv.append(CsvCell.line(summary.area().name(), line.dimension(), item.code(), item.label(), item.count()));
            }
            csv.append(CsvCell.line(summary.area().name(), line.dimension(), "", SHOWN_TOTAL, line.total()));
        }
        return csv.toString();
    }

    /** Areas down, categories across, each area's total of shown counts at the end, and a line of column totals. */
    static String comparison(CountTable table) {
        int width = table.columns().size() + 2;
        Object[] header = new Object[width];
        header[0] = "area";
        for (int i = 0; i < table.columns().size(); i++) {
            header[i + 1] = table.columns().get(i).label();
        }
        header[width - 1] = SHOWN_TOTAL;
        StringBuilder csv = new StringBuilder(CsvCell.line(header));
        for (CountTable.Row row : table.rows()) {
            Object[] line = new Object[width];
            line[0] = row.name();
            for (int i = 0; i < row.counts().size(); i++) {
                line[i + 1] = row.counts().get(i);
            }
            line[width - 1] = row.total();
            csv.append(CsvCell.line(line));
        }
        Object[] totals = new Object[width];
        totals[0] = SHOWN_TOTAL;
        for (int i = 0; i < table.columnTotals().size(); i++) {
            totals[i + 1] = table.columnTotals().get(i);
        }
        totals[width - 1] = table.total();
        return csv.append(CsvCell.line(totals)).toString();
    }
}
