package org.carereview.consult.core.counts;

/**
 * Small-count suppression (ADR 0008), for every table of counts this channel publishes: pages, API and CSV.
 *
 * <ol>
 *   <li>A count from 1 to 9 is shown as {@value #SMALL}. 0 is shown as 0, larger counts as they are.</li>
 *   <li>Where a row or column (of two or more cells) has exactly one suppressed cell, its next smallest
 *       shown cell above 0 is suppressed too, shown as {@value #HIDDEN}; likewise where the line's
 *       suppressed cells would all be pinned by the line's total (two cells of "&lt;10" adding up to 2 must
 *       both be 1). Repeated over rows and columns until nothing changes.</li>
 *   <li>Totals add up the shown cells only, so they reveal nothing the shown cells do not.</li>
 * </ol>
 * A zero is never suppressed: a hidden cell is known to be 0 or at least 10 (1 to 9 always show as "&lt;10"),
 * so hiding a 0 beside a "&lt;10" would protect nothing. Ties between equally small cells go to the first
 * (leftmost, topmost), so the result is the same every time.
 */
public final class Suppression {

    public static final int THRESHOLD = 10;
    public static final String SMALL = "<10";
    public static final String HIDDEN = "suppressed";

    /** How one cell is shown. */
    public enum Shown { COUNT, SMALL, HIDDEN }

    private Suppression() {
    }

    /** Which cells of this rectangular table of counts (rows × columns, none negative) are shown. */
    public static Shown[][] apply(long[][] counts) {
        int rows = counts.length;
        int columns = rows == 0 ? 0 : counts[0].length;
        Shown[][] shown = new Shown[rows][columns];
        for (int r = 0; r < rows; r++) {
            if (counts[r].length != columns) {
                throw new IllegalArgumentException("the table is not rectangular");
            }
            for (int c = 0; c < columns; c++) {
                if (counts[r][c] < 0) {
                    throw new IllegalArgumentException("a count cannot be negative");
                }
                shown[r][c] = counts[r][c] > 0 && counts[r][c] < THRESHOLD ? Shown.SMALL : Shown.COUNT;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < rows; r++) {
                changed |= protect(counts, shown, r, -1);
            }
            for (int c = 0; c < columns; c++) {
                changed |= protect(counts, shown, -1, c);
            }
        }
        return shown;
    }

    /**
     * Whether a line's suppressed cells could be worked out from its total: there is one of them, or they add
     * up to the least they could (every "&lt;10" 1, every hidden cell 10), or, with no hidden cell, the most.
     */
    static boolean pinned(int small, int hidden, long sum) {
        if (small + hidden == 1) {
            return true;
        }
        return sum == small + 10L * hidden || (hidden == 0 && sum == 9L * small);
    }

    /** The sum of the shown cells of a row ({@code column} = -1), a column ({@code row} = -1), or all ({@code -1, -1}). */
    public static long shownTotal(long[][] counts, Shown[][] shown, int row, int column) {
        long total = 0;
        for (int r = 0; r < counts.length; r++) {
            for (int c = 0; c < counts[r].length; c++) {
                if ((row < 0 || r == row) && (column < 0 || c == column) && shown[r][c] == Shown.COUNT) {
                    total += counts[r][c];
                }
            }
        }
        return total;
    }

    /** The cell as published: its count as a number, or {@value #SMALL}, or {@value #HIDDEN}. */
    public static Object published(long count, Shown shown) {
        return switch (shown) {
            case COUNT -> count;
            case SMALL -> SMALL;
            case HIDDEN -> HIDDEN;
        };
    }

    /** Suppresses one more cell in the line if its suppressed cells are pinned; answers whether it did. */
    private static boolean protect(long[][] counts, Shown[][] shown, int row, int column) {
        int length = row >= 0 ? counts[row].length : counts.length;
        int small = 0;
        int hidden = 0;
        long sum = 0;
        int candidate = -1;
        for (int i = 0; i < length; i++) {
            long value = row >= 0 ? counts[row][i] : counts[i][column];
            Shown state = row >= 0 ? shown[row][i] : shown[i][column];
            if (state != Shown.COUNT) {
                small += state == Shown.SMALL ? 1 : 0;
                hidden += state == Shown.HIDDEN ? 1 : 0;
                sum += value;
            } else if (value > 0 && (candidate < 0 || value < (row >= 0 ? counts[row][candidate] : counts[candidate][column]))) {
                candidate = i;
            }
        }
        if (length < 2 || candidate < 0 || small + hidden == 0 || !pinned(small, hidden, sum)) {
            return false;
        }
        shown[row >= 0 ? row : candidate][row >= 0 ? candidate : column] = Shown.HIDDEN;
        return true;
    }
}
