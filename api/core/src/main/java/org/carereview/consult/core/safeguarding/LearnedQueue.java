package org.carereview.consult.core.safeguarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.crypto.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Submissions the learned check could not read when they were sent (the model was loading, learning a new
 * version of the examples, or failed). {@link #checkDue} reads them as soon as the model is ready, flags those
 * it finds to be disclosures and queues the lead's alert, in one transaction per batch. Several nodes can run it
 * side by side: each takes rows the others have not locked.
 */
@Singleton
public class LearnedQueue {

    private static final Logger LOG = LoggerFactory.getLogger(LearnedQueue.class);
    private static final int BATCH = 20;
    static final String PURPOSE = "safeguarding_check_queue.screened_only";

    private record Queued(UUID id, String reference, String text, boolean flagged) {
    }

    private final JdbcOperations jdbc;
    private final LearnedCheck learned;
    private final ExampleStore examples;
    private final SafeguardingAlerts alerts;
    private final Clock clock;
    private final FieldCipher cipher;

    LearnedQueue(JdbcOperations jdbc, LearnedCheck learned, ExampleStore examples, SafeguardingAlerts alerts,
                 Clock clock, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.learned = learned;
        this.examples = examples;
        this.alerts = alerts;
        this.clock = clock;
        this.cipher = cipher;
    }

    /**
     * Queues a submission for the learned check, in the caller's transaction, with the text the channel screens
     * but does not keep for search (special-category, may be null), sealed until the check reads it.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void add(UUID submissionId, @Nullable String screenedOnly) {
        String sealed = screenedOnly == null || screenedOnly.isBlank() ? null : cipher.seal(screenedOnly, PURPOSE);
        jdbc.prepareStatement("INSERT INTO safeguarding_check_queue (submission_id, queued_at, screened_only) "
                + "VALUES (?, ?, ?) ON CONFLICT (submission_id) DO NOTHING", ps -> {
            ps.setObject(1, submissionId);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setString(3, sealed);
            return ps.executeUpdate();
        });
    }

    /** Reads one batch of queued submissions if the model is ready; returns how many it read (and took off the queue). */
    @Transactional
    public int checkDue() {
        long version = examples.version();
        if (!learned.ready(version)) {
            return 0;
        }
        List<Queued> due = jdbc.prepareStatement("SELECT q.submission_id, s.reference, coalesce(s.search_text, ''), "
                + "s.safeguarding, q.screened_only FROM safeguarding_check_queue q JOIN submission s ON s.id = q.submission_id "
                + "ORDER BY q.queued_at LIMIT ? FOR UPDATE OF q SKIP LOCKED", ps -> {
            ps.setInt(1, BATCH);
            List<Queued> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String screenedOnly = cipher.open(rs.getString(5), PURPOSE);
                    String text = screenedOnly == null ? rs.getString(3) : rs.getString(3) + "\n" + screenedOnly;
                    list.add(new Queued(rs.getObject(1, UUID.class), rs.getString(2), text, rs.getBoolean(4)));
                }
            }
            return list;
        });
        int flagged = 0;
        int read = 0;
        for (Queued q : due) {
            Optional<LearnedCheck.Verdict> verdict = learned.check(q.text(), version);
            if (verdict.isEmpty()) {
                break;
            }
            if (verdict.get().flagged() && !q.flagged()) {
                jdbc.prepareStatement("UPDATE submission SET safeguarding = true, updated_at = ? WHERE id = ?", ps -> {
                    ps.setTimestamp(1, Timestamp.from(clock.instant()));
                    ps.setObject(2, q.id());
                    return ps.executeUpdate();
                });
                alerts.flag(q.id(), q.reference(), SafeguardingAlerts.Source.SCREENING, 0, List.of(), null,
                        verdict.get().probability());
                flagged++;
            }
            jdbc.prepareStatement("DELETE FROM safeguarding_check_queue WHERE submission_id = ?", ps -> {
                ps.setObject(1, q.id());
                return ps.executeUpdate();
            });
            read++;
        }
        if (read > 0) {
            LOG.info("Learned check read {} queued submission(s); {} flagged", read, flagged);
        }
        return read;
    }

    /** How many submissions wait for the learned check. */
    @Transactional
    public int waiting() {
        return jdbc.prepareStatement("SELECT count(*) FROM safeguarding_check_queue", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
