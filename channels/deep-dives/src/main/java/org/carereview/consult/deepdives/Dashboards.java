package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.counts.Suppression;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.Theme;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The dashboards: every area's counts by theme, dilemma, participant type and month, each table suppressed
 * as a whole ({@link Suppression}); an area's summary is its row of those tables. {@code campaignsOnce} counts the
 * cards of one copy-and-paste campaign as one card per area (ADR 0034).
 */
@Singleton
public class Dashboards {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private final AreaStore areas;
    private final CountStore counts;

    Dashboards(AreaStore areas, CountStore counts) {
        this.areas = areas;
        this.counts = counts;
    }

    @Transactional
    public Comparison comparison(boolean campaignsOnce) {
        List<AreaStore.Found> all = areas.all();
        CountStore.Counts counted = counts.counts(campaignsOnce);
        return new Comparison(table(Dimension.THEME, all, counted), table(Dimension.DILEMMA, all, counted),
                table(Dimension.PARTICIPANT_TYPE, all, counted), table(Dimension.MONTH, all, counted));
    }

    /** The area's row of every table; 404 for an unknown area. */
    @Transactional
    public AreaSummary summary(String slug, boolean campaignsOnce) {
        Area area = areas.find(slug).orElseThrow(Areas::notFound).area();
        Comparison c = comparison(campaignsOnce);
        return new AreaSummary(area, AreaSummary.Line.of(c.byTheme(), slug), AreaSummary.Line.of(c.byDilemma(), slug),
                AreaSummary.Line.of(c.byParticipantType(), slug), AreaSummary.Line.of(c.byMonth(), slug));
    }

    @Transactional
    public String summaryCsv(String slug, boolean campaignsOnce) {
        return DashboardCsv.summary(summary(slug, campaignsOnce));
    }

    @Transactional
    public String comparisonCsv(Dimension dimension, boolean campaignsOnce) {
        return DashboardCsv.comparison(comparison(campaignsOnce).table(dimension));
    }

    /**
     * Reads the {@code count} parameter: {@code every} (or nothing) counts every card, {@code campaigns-once} counts a
     * campaign once; anything else is a 422 naming it.
     */
    public static boolean campaignsOnce(@Nullable String count) {
        if (count == null || count.isBlank() || count.strip().equalsIgnoreCase("every")) {
            return false;
        }
        if (count.strip().equalsIgnoreCase("campaigns-once")) {
            return true;
        }
        throw new InvalidInputException("count", "Choose every or campaigns-once");
    }

    private static CountTable table(Dimension dimension, List<AreaStore.Found> all, CountStore.Counts counted) {
        List<CountTable.Category> columns = columns(dimension, counted);
        long[][] matrix = new long[all.size()][columns.size()];
        for (int r = 0; r < all.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                matrix[r][c] = counted.get(dimension, all.get(r).id(), columns.get(c).code());
            }
        }
        Suppression.Shown[][] shown = Suppression.apply(matrix);
        List<CountTable.Row> rows = new ArrayList<>();
        for (int r = 0; r < all.size(); r++) {
            List<Object> cells = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                cells.add(Suppression.published(matrix[r][c], shown[r][c]));
            }
            Area area = all.get(r).area();
            rows.add(new CountTable.Row(area.slug(), area.name(), cells, Suppression.shownTotal(matrix, shown, r, -1)));
        }
        List<Long> columnTotals = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            columnTotals.add(Suppression.shownTotal(matrix, shown, -1, c));
        }
        return new CountTable(dimension.slug(), dimension.title(), columns, rows, columnTotals,
                Suppression.shownTotal(matrix, shown, -1, -1));
    }

    private static List<CountTable.Category> columns(Dimension dimension, CountStore.Counts counted) {
        return switch (dimension) {
            case THEME -> Arrays.stream(Theme.values()).map(t -> new CountTable.Category(t.name(), t.label())).toList();
            case DILEMMA -> Arrays.stream(Dilemma.values())
                    .map(d -> new CountTable.Category(d.name(), Tags.label(d))).toList();
            case PARTICIPANT_TYPE -> Arrays.stream(ParticipantType.values())
                    .map(p -> new CountTable.Category(p.name(), p.label())).toList();
            case MONTH -> months(counted);
        };
    }

    /** Every month from the first with feedback to the last, with none missed out in between. */
    private static List<CountTable.Category> months(CountStore.Counts counted) {
        TreeSet<YearMonth> seen = new TreeSet<>();
        counted.counts().getOrDefault(Dimension.MONTH, Map.of()).values()
                .forEach((Map<String, Long> byMonth) -> byMonth.keySet().forEach(m -> seen.add(YearMonth.parse(m))));
        List<CountTable.Category> months = new ArrayList<>();
        if (!seen.isEmpty()) {
            for (YearMonth m = seen.first(); !m.isAfter(seen.last()); m = m.plusMonths(1)) {
                months.add(new CountTable.Category(m.toString(), MONTH.format(m)));
            }
        }
        return months;
    }
}
