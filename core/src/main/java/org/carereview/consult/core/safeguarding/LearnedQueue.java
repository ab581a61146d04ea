package org.carereview.consult.core.safeguarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.crypto.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Submissions the learned check could not read when they were sent (the model was loading, learning a new
 * version of the examples, or failed). {@link #checkDue} reads them as soon as the model is ready, flags those
 * it finds to be disclosures and queues the lead's alert. Several nodes can run it side by side: each claims rows
 * the others have not claimed. Until the check has read a submission, reviewers do not see it ({@code Visibility}).
 */
@Singleton
public class LearnedQueue {

    private static final Logger LOG = LoggerFactory.getLogger(LearnedQueue.class);
    private static final int BATCH = 20;
    static final String PURPOSE = "safeguarding_check_queue.screened_only";

    /** How long a node holds a claimed batch before another may take it (it reads 20 texts in about a second). */
    static final Duration CLAIM = Duration.ofMinutes(2);

    private record Queued(UUID id, String reference, String text, Instant queuedAt) {
    }

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final LearnedCheck learned;
    private final ModelReaders readers;
    private final ExampleStore examples;
    private final SafeguardingAlerts alerts;
    private final Clock clock;
    private final FieldCipher cipher;

    LearnedQueue(JdbcOperations jdbc, TransactionOperations<Connection> transactions, LearnedCheck learned,
                 ModelReaders readers, ExampleStore examples, SafeguardingAlerts alerts, Clock clock, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.learned = learned;
        this.readers = readers;
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

    /**
     * Reads one batch of queued submissions if the model is ready; returns how many it read (and took off the
     * queue). No transaction is open while the model reads: the batch is claimed for {@link #CLAIM} in one short
     * transaction, read, then each submission is flagged (if the check finds a disclosure) and taken off the queue
     * in a short transaction of its own. A row another node took off meanwhile is left alone.
     */
    public int checkDue() {
        long version = transactions.executeRead(status -> examples.version());
        if (!learned.ready(version)) {
            return 0;
        }
        List<Queued> due = transactions.executeWrite(status -> claim());
        int flagged = 0;
        int read = 0;
        for (Queued q : due) {
            // In turn with the requests (ModelReaders): at a peak the queue waits for the people sending.
            Optional<LearnedCheck.Verdict> verdict = readers.read(() -> learned.check(q.text(), version));
            if (verdict.isEmpty()) {
                break;
            }
            if (transactions.executeWrite(status -> apply(q, verdict.get()))) {
                flagged++;
            }
            read++;
        }
        List<Queued> unread = due.subList(read, due.size());
        if (!unread.isEmpty()) {
            transactions.executeWrite(status -> release(unread));
        }
        if (read > 0) {
            LOG.info("Learned check read {} queued submission(s); {} flagged", read, flagged);
        }
        return read;
    }

    private List<Queued> claim() {
        Instant now = clock.instant();
        return jdbc.prepareStatement("WITH due AS (SELECT submission_id FROM safeguarding_check_queue "
                + "WHERE claimed_until IS NULL OR claimed_until < ? ORDER BY queued_at LIMIT ? FOR UPDATE SKIP LOCKED) "
                + "UPDATE safeguarding_check_queue q SET claimed_until = ? FROM due, submission s "
                + "WHERE q.submission_id = due.submission_id AND s.id = q.submission_id "
                + "RETURNING q.submission_id, s.reference, coalesce(s.search_text, ''), q.screened_only, q.queued_at", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, BATCH);
            ps.setTimestamp(3, Timestamp.from(now.plus(CLAIM)));
            List<Queued> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String screenedOnly = cipher.open(rs.getString(4), PURPOSE);
                    String text = screenedOnly == null ? rs.getString(3) : rs.getString(3) + "\n" + screenedOnly;
                    list.add(new Queued(rs.getObject(1, UUID.class), rs.getString(2), text, rs.getTimestamp(5).toInstant()));
                }
            }
            list.sort(Comparator.comparing(Queued::queuedAt));
            return list;
        });
    }

    /** Takes the submission off the queue and flags it if the check found a disclosure; true if it flagged it. */
    private boolean apply(Queued q, LearnedCheck.Verdict verdict) {
        boolean ours = jdbc.prepareStatement("DELETE FROM safeguarding_check_queue WHERE submission_id = ?", ps -> {
            ps.setObject(1, q.id());
            return ps.executeUpdate() == 1;
        });
        if (!ours || !verdict.flagged()) {
            return false;
        }
        // Flagged already (by phrases, or by staff since the claim): one alert is enough.
        boolean flaggedMeanwhile = jdbc.prepareStatement("SELECT safeguarding FROM submission WHERE id = ? FOR UPDATE",
                ps -> {
            ps.setObject(1, q.id());
            try (ResultSet rs = ps.executeQuery()) {
                return !rs.next() || rs.getBoolean(1);
            }
        });
        if (flaggedMeanwhile) {
            return false;
        }
        jdbc.prepareStatement("UPDATE submission SET safeguarding = true, updated_at = ? WHERE id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setObject(2, q.id());
            return ps.executeUpdate();
        });
        alerts.flag(q.id(), q.reference(), SafeguardingAlerts.Source.SCREENING, 0, List.of(), null, verdict.probability());
        return true;
    }

    /** Gives back the claims this run did not read (the model became busy), for the next run. */
    private Void release(List<Queued> unread) {
        jdbc.prepareStatement("UPDATE safeguarding_check_queue SET claimed_until = NULL WHERE submission_id = ANY(?)", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", unread.stream().map(Queued::id).toArray()));
            return ps.executeUpdate();
        });
        return null;
    }

    /** Whether this submission still waits for the learned check (reviewers do not see it until it has been read). */
    @Transactional
    public boolean holds(UUID submissionId) {
        return jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM safeguarding_check_queue WHERE submission_id = ?)", ps -> {
            ps.setObject(1, submissionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
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
