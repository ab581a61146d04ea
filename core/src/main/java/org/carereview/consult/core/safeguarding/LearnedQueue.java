package org.carereview.consult.core.safeguarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.crypto.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private final LearnedQueueStore store;
    private final SubmissionFlagStore submissions;
    private final LearnedCheck learned;
    private final ModelReaders readers;
    private final ExampleStore examples;
    private final SafeguardingAlerts alerts;
    private final Clock clock;
    private final FieldCipher cipher;

    LearnedQueue(LearnedQueueStore store, SubmissionFlagStore submissions, LearnedCheck learned, ModelReaders readers,
                 ExampleStore examples, SafeguardingAlerts alerts, Clock clock, FieldCipher cipher) {
        this.store = store;
        this.submissions = submissions;
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
        store.add(submissionId, clock.instant(), sealed);
    }

    /**
     * Reads one batch of queued submissions if the model is ready; returns how many it read (and took off the
     * queue). No transaction is open while the model reads: the batch is claimed for {@link #CLAIM} in one short
     * transaction, read, then each submission is flagged (if the check finds a disclosure) and taken off the queue
     * in a short transaction of its own. A row another node took off meanwhile is left alone.
     */
    public int checkDue() {
        long version = store.inReadTransaction(examples::version);
        if (!learned.ready(version)) {
            return 0;
        }
        List<Queued> due = store.inWriteTransaction(this::claim);
        int flagged = 0;
        int read = 0;
        for (Queued q : due) {
            // In turn with the requests (ModelReaders): at a peak the queue waits for the people sending.
            Optional<LearnedCheck.Verdict> verdict = readers.read(() -> learned.check(q.text(), version));
            if (verdict.isEmpty()) {
                break;
            }
            if (store.inWriteTransaction(() -> apply(q, verdict.get()))) {
                flagged++;
            }
            read++;
        }
        List<Queued> unread = due.subList(read, due.size());
        if (!unread.isEmpty()) {
            store.inWriteTransaction(() -> release(unread));
        }
        if (read > 0) {
            LOG.info("Learned check read {} queued submission(s); {} flagged", read, flagged);
        }
        return read;
    }

    private List<Queued> claim() {
        Instant now = clock.instant();
        List<Queued> list = new ArrayList<>();
        for (LearnedQueueStore.Claimed c : store.claim(now, BATCH, now.plus(CLAIM))) {
            String screenedOnly = cipher.open(c.screenedOnly(), PURPOSE);
            String text = screenedOnly == null ? c.searchText() : c.searchText() + "\n" + screenedOnly;
            list.add(new Queued(c.id(), c.reference(), text, c.queuedAt()));
        }
        list.sort(Comparator.comparing(Queued::queuedAt));
        return list;
    }

    /** Takes the submission off the queue and flags it if the check found a disclosure; true if it flagged it. */
    private boolean apply(Queued q, LearnedCheck.Verdict verdict) {
        boolean ours = store.remove(q.id()) == 1;
        if (!ours || !verdict.flagged()) {
            return false;
        }
        // Flagged already (by phrases, or by staff since the claim): one alert is enough.
        boolean flaggedMeanwhile = submissions.lockFlagged(q.id()).orElse(true);
        if (flaggedMeanwhile) {
            return false;
        }
        submissions.setFlagged(q.id(), clock.instant());
        alerts.flag(q.id(), q.reference(), SafeguardingAlerts.Source.SCREENING, 0, List.of(), null, verdict.probability());
        return true;
    }

    /** Gives back the claims this run did not read (the model became busy), for the next run. */
    private Void release(List<Queued> unread) {
        store.release(unread.stream().map(Queued::id).toList());
        return null;
    }

    /** Whether this submission still waits for the learned check (reviewers do not see it until it has been read). */
    @Transactional
    public boolean holds(UUID submissionId) {
        return store.holds(submissionId);
    }

    /** How many submissions wait for the learned check. */
    @Transactional
    public int waiting() {
        return store.waiting();
    }
}
