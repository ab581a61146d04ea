package org.carereview.consult.core.submission;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.problem.ProblemException;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Submissions the spam defences held back (honeypot filled, sent faster than a person could): never
 * dropped silently, staff release them into the triage queue or delete them. One flagged for safeguarding
 * exists only for the safeguarding lead and administrators ({@link Visibility}): the list shows it to them
 * alone; the id-only methods leave it out; triage, having asked the viewer, passes {@code flaggedVisible}.
 */
@Singleton
public class Quarantine {

    /** One held-back submission, without its content; its reason as stored ({@link QuarantineReason#describe}). */
    public record Held(UUID id, SubmissionKind kind, String reference, @Nullable String reason, Instant submittedAt) {
    }

    private final JdbcOperations jdbc;
    private final Clock clock;
    private final List<ChannelReceipts> receipts;

    Quarantine(JdbcOperations jdbc, Clock clock, List<ChannelReceipts> receipts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.receipts = receipts;
    }

    /** What is held back, as this viewer may see it (a flagged one only for the lead and administrators). */
    @Transactional
    public List<Held> list(Viewer viewer) {
        return jdbc.prepareStatement("SELECT id, kind, reference, quarantine_reason, submitted_at "
                + "FROM submission WHERE status = 'QUARANTINED'" + Visibility.submissions(viewer, "")
                + " ORDER BY submitted_at DESC, id LIMIT 500", ps -> {
            List<Held> held = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.add(new Held(rs.getObject(1, UUID.class), SubmissionKind.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getTimestamp(5).toInstant()));
                }
            }
            return held;
        });
    }

    /**
     * Puts it into the triage queue as NEW, and sends the receipt that was held back with it.
     *
     * @return false if its receipt could not be queued because its stored address cannot be sent to
     */
    @Transactional
    public boolean release(UUID id) {
        return release(id, false);
    }

    /**
     * Puts it into the triage queue as NEW, and sends the receipt that was held back with it; a flagged one
     * only if the caller may see flagged submissions. A stored address the outbox refuses does not stop the
     * release: the receipt is left out.
     *
     * @return false if its receipt could not be queued because its stored address cannot be sent to
     */
    @Transactional
    public boolean release(UUID id, boolean flaggedVisible) {
        List<String> kind = jdbc.prepareStatement("UPDATE submission SET status = 'NEW', updated_at = ? "
                + "WHERE id = ? AND status = 'QUARANTINED'" + Visibility.submissions(flaggedVisible, "")
                + " RETURNING kind", ps -> {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setObject(2, id);
            List<String> kinds = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    kinds.add(rs.getString(1));
                }
            }
            return kinds;
        });
        requireOne(kind.size());
        SubmissionKind released = SubmissionKind.valueOf(kind.get(0));
        boolean queued = true;
        for (ChannelReceipts channel : receipts) {
            if (channel.kind() == released) {
                queued &= channel.sendReceipt(id);
            }
        }
        return queued;
    }

    /** Deletes it and its details for good. */
    @Transactional
    public void delete(UUID id) {
        delete(id, false);
    }

    /** Deletes it and its details for good; a flagged one only if the caller may see flagged submissions. */
    @Transactional
    public void delete(UUID id, boolean flaggedVisible) {
        int deleted = jdbc.prepareStatement("DELETE FROM submission WHERE id = ? AND status = 'QUARANTINED'"
                + Visibility.submissions(flaggedVisible, ""), ps -> {
            ps.setObject(1, id);
            return ps.executeUpdate();
        });
        requireOne(deleted);
    }

    private static void requireOne(int rows) {
        if (rows != 1) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No such quarantined submission.");
        }
    }
}
