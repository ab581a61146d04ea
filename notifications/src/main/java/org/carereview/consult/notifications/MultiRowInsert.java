package org.carereview.consult.notifications;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * One INSERT for many rows ({@code INSERT INTO t (a, b) VALUES (?, ?), (?, ?), ...}), in the caller's transaction: the
 * intake writes the rows of the submissions that arrive together with one statement per table instead of one per row
 * (a round trip and an executor start each). Here rather than in {@code core} because the outbox, in this module,
 * writes its messages with it too; it knows nothing of either.
 *
 * @param <R> what one row is made from
 */
public final class MultiRowInsert<R> {

    /** Sets one row's parameters, from {@code first} on. */
    @FunctionalInterface
    public interface Binder<R> {
        void bind(PreparedStatement ps, int first, R row) throws SQLException;
    }

    /** At most this many rows go in one statement; more are written by several. */
    static final int MAX_ROWS = 100;

    private final String head;
    private final String row;
    private final String tail;
    private final int parameters;
    private final Binder<R> binder;

    /**
     * @param head   up to and including {@code VALUES}, such as {@code INSERT INTO t (a, b) VALUES}
     * @param row    one row's values with a {@code ?} per parameter, such as {@code (?, ?::jsonb)}
     * @param tail   what follows the rows (an {@code ON CONFLICT} clause), or an empty string
     * @param binder sets one row's parameters
     */
    public MultiRowInsert(String head, String row, String tail, Binder<R> binder) {
        this.head = head;
        this.row = row;
        this.tail = tail;
        this.parameters = (int) row.chars().filter(c -> c == '?').count();
        this.binder = binder;
    }

    /** Writes the rows, in order, with one statement per {@value #MAX_ROWS}; answers how many were inserted. */
    public int insert(JdbcOperations jdbc, List<R> rows) {
        int inserted = 0;
        for (int from = 0; from < rows.size(); from += MAX_ROWS) {
            List<R> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS));
            inserted += jdbc.prepareStatement(sql(chunk.size()), ps -> {
                int first = 1;
                for (R r : chunk) {
                    binder.bind(ps, first, r);
                    first += parameters;
                }
                return ps.executeUpdate();
            });
        }
        return inserted;
    }

    String sql(int rows) {
        StringBuilder sql = new StringBuilder(head.length() + rows * (row.length() + 2) + tail.length() + 2);
        sql.append(head).append(' ');
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        return tail.isEmpty() ? sql.toString() : sql.append(' ').append(tail).toString();
    }
}
