package org.carereview.consult.triage.summaries;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.submission.LiveSubmissions;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code public_summary_quote} rows. What the public may read is spelt once here ({@link #STILL_ALLOWED}): an
 * approved quote whose submission is still there, not withdrawn, quarantined or flagged, and whose sender still
 * agrees to be quoted, checked on every read.
 */
@Singleton
class QuoteStore {

    static final String STILL_ALLOWED = " AND q.approved_by IS NOT NULL AND a.consent_to_publish"
            + LiveSubmissions.only("s") + Visibility.unflagged("s");
    private static final String SELECT = "SELECT q.id, q.submission_id, s.reference, q.field, q.text, q.added_by, "
            + "q.approved_by FROM public_summary_quote q JOIN submission s ON s.id = q.submission_id "
            + "LEFT JOIN advice_submission a ON a.submission_id = s.id WHERE q.summary_id = ?";

    private final JdbcOperations jdbc;

    QuoteStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the quote was added (false: the same words from the same answer are already quoted). */
    boolean insert(UUID summary, UUID submission, String field, String text, UUID by, Instant now) {
        return jdbc.prepareStatement("INSERT INTO public_summary_quote (summary_id, submission_id, field, text, added_by, "
                + "added_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", ps -> {
            ps.setObject(1, summary);
            ps.setObject(2, submission);
            ps.setString(3, field);
            ps.setString(4, text);
            ps.setObject(5, by);
            ps.setTimestamp(6, Timestamp.from(now));
            return ps.executeUpdate() == 1;
        });
    }

    /** The summary's quotes a member of staff may see (a flagged submission's only for the lead and administrators). */
    List<Quote> forStaff(UUID summary, boolean seesFlagged) {
        return list(SELECT + Visibility.submissions(seesFlagged, "s") + " ORDER BY q.added_at, q.id", summary);
    }

    /** The summary's quotes the public may read now. */
    List<Quote> stillAllowed(UUID summary) {
        return list(SELECT + STILL_ALLOWED + " ORDER BY q.added_at, q.id", summary);
    }

    Optional<Quote> find(UUID summary, UUID quote, boolean seesFlagged) {
        return forStaff(summary, seesFlagged).stream().filter(q -> q.id().equals(quote)).findFirst();
    }

    /** Every quote of the summary, whoever may see it, that no second person has approved yet. */
    long waiting(UUID summary) {
        return jdbc.prepareStatement("SELECT count(*) FROM public_summary_quote WHERE summary_id = ? AND approved_by IS NULL",
                ps -> {
                    ps.setObject(1, summary);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    void approve(UUID quote, UUID by, Instant now) {
        jdbc.prepareStatement("UPDATE public_summary_quote SET approved_by = ?, approved_at = ? WHERE id = ?", ps -> {
            ps.setObject(1, by);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setObject(3, quote);
            return ps.executeUpdate();
        });
    }

    void remove(UUID quote) {
        jdbc.prepareStatement("DELETE FROM public_summary_quote WHERE id = ?", ps -> {
            ps.setObject(1, quote);
            return ps.executeUpdate();
        });
    }

    private List<Quote> list(String sql, UUID summary) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, summary);
            List<Quote> quotes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    quotes.add(new Quote(rs.getObject("id", UUID.class), rs.getObject("submission_id", UUID.class),
                            rs.getString("reference"), rs.getString("field"), rs.getString("text"),
                            rs.getObject("added_by", UUID.class), rs.getObject("approved_by", UUID.class)));
                }
            }
            return quotes;
        });
    }
}
