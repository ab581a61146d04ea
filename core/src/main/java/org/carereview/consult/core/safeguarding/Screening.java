package org.carereview.consult.core.safeguarding;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Screens free text for a possible safeguarding disclosure, in two ways (ADR 0010, ADR 0013):
 * <ul>
 *   <li>the lead's weighted phrases, found however the text was spelled ({@link PhraseMatcher}): each distinct
 *       phrase found adds its weight; at the threshold the text is flagged. The phrases are read again only when
 *       their version has moved ({@link PhraseCache}), and the versions only when a change was announced or what
 *       a node holds is a few seconds old ({@link ModelVersions}), so a phrase the lead adds on one node counts on
 *       every node within seconds (in practice milliseconds);</li>
 *   <li>the learned check ({@link LearnedCheck}), which tells a disclosure from an answer that only talks about
 *       harm. When it is not ready or fails, the result says so ({@link Result#pending}) and the caller queues
 *       the submission for it: the text is never held up or lost for the model.</li>
 * </ul>
 */
@Singleton
public class Screening {

    private static final Logger LOG = LoggerFactory.getLogger(Screening.class);

    /**
     * The outcome: the phrases' score and the phrases found (for the lead only), how likely the learned check
     * found it to be a disclosure (null if it did not read it), whether it is a possible disclosure, and whether
     * the learned check still has to read it.
     */
    public record Result(int score, List<String> matched, boolean flagged, @Nullable Double learned, boolean pending) {

        Result(int score, List<String> matched, boolean flagged) {
            this(score, matched, flagged, null, false);
        }
    }

    /**
     * How many texts the learned check read for {@link #screen} since start: before the transaction opened
     * ({@link #ahead}) and inside it (nothing read ahead, or the text or the examples changed in between); and how
     * many it left to the queue because the model was busy past the wait. Counts only.
     */
    public record Readings(long ahead, long inTransaction, long deferred) {
    }

    private final AtomicLong readAhead = new AtomicLong();
    private final AtomicLong deferred = new AtomicLong();
    private final AtomicLong readInTransaction = new AtomicLong();
    private final ModelVersions versions;
    private final PhraseCache matchers;
    private final SafeguardingConfiguration configuration;
    private final LearnedCheck learned;
    private final ModelReaders readers;

    Screening(ModelVersions versions, PhraseCache matchers, SafeguardingConfiguration configuration,
              LearnedCheck learned, ModelReaders readers) {
        this.readers = readers;
        this.versions = versions;
        this.matchers = matchers;
        this.configuration = configuration;
        this.learned = learned;
    }

    /**
     * Reads {@code text} with the learned check now, on this thread, before the caller opens the transaction that
     * will {@link #screen} it, so that no database connection is held while the model reads (the model's CPU is
     * most of a submission's; holding a pooled connection through it left the pool empty at a peak). Inside the
     * transaction, {@link #screen} uses this reading if the text is the same and the examples have not changed
     * since; otherwise it reads the text again there. Close it (try-with-resources) when the transaction is over.
     * Nothing is read when the check is off or not ready, and a failure here is left for {@link #screen}. When the
     * model is busy with other requests past the wait ({@link ModelReaders}), or a surge has left more than
     * {@code surge-queue} texts to the queue ({@link ModelReaders#surging}), the text is not read: {@link #screen}
     * screens it by phrases and the caller queues it for the check, so a peak never holds a submission up.
     */
    public Ahead ahead(String text) {
        if (!learned.enabled() || !learned.ready()) {
            return Ahead.NONE;
        }
        if (readers.surging()) {
            return Ahead.kept(text, null);
        }
        try {
            return Ahead.kept(text, readers.read(() -> learned.checkLearned(text)).orElse(null));
        } catch (RuntimeException | LinkageError e) {
            return Ahead.NONE;
        }
    }

    /**
     * Screens {@code text}: by the lead's phrases, and by the learned check (its reading ahead if there is one). No
     * transaction of its own: the versions and phrases it holds are read again, in the caller's transaction or a
     * short one of their own, only when they have changed, so a request that screens before its write (ADR 49) takes
     * no connection from the pool to do so.
     */
    public Result screen(String text) {
        PhraseStore.Versions current = versions.current();
        Result byPhrases = matchers.at(current.phrases()).match(text, configuration.threshold());
        if (!learned.enabled()) {
            return byPhrases;
        }
        Optional<LearnedCheck.Verdict> verdict;
        try {
            Ahead ahead = Ahead.matching(text);
            if (ahead != null && ahead.reading == null) {
                deferred.incrementAndGet();
                verdict = Optional.empty();
            } else if (ahead != null && ahead.reading.version() == current.examples()) {
                ahead.used = true;
                readAhead.incrementAndGet();
                verdict = Optional.of(ahead.reading.verdict());
            } else if (readers.surging()) {
                deferred.incrementAndGet();
                verdict = Optional.empty();
            } else {
                verdict = learned.check(text, current.examples());
                verdict.ifPresent(v -> readInTransaction.incrementAndGet());
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("The learned safeguarding check failed ({}): screened by phrases, queued for the check",
                    e.getClass().getSimpleName());
            verdict = Optional.empty();
        }
        if (verdict.isEmpty()) {
            return new Result(byPhrases.score(), byPhrases.matched(), byPhrases.flagged(), null, true);
        }
        return new Result(byPhrases.score(), byPhrases.matched(), byPhrases.flagged() || verdict.get().flagged(),
                verdict.get().probability(), false);
    }

    public Readings readings() {
        return new Readings(readAhead.get(), readInTransaction.get(), deferred.get());
    }

    static Result score(String text, Map<String, Integer> weights, int threshold) {
        return new PhraseMatcher(weights).match(text, threshold);
    }

    /**
     * A text read by the learned check before its transaction ({@link #ahead}), kept for this thread until it is
     * closed: the request thread that reads it ahead is the thread that screens it (blocking executor).
     */
    public static final class Ahead implements AutoCloseable {

        /** Nothing read ahead: {@link #screen} reads the text itself. */
        public static final Ahead NONE = new Ahead(null, null);
        private static final ThreadLocal<Ahead> CURRENT = new ThreadLocal<>();

        @Nullable
        private final String text;
        @Nullable
        private final LearnedCheck.Reading reading;
        private volatile boolean used;

        private Ahead(@Nullable String text, @Nullable LearnedCheck.Reading reading) {
            this.text = text;
            this.reading = reading;
        }

        /** The text and its reading (none: the model was busy), kept for this thread until closed. */
        static Ahead kept(String text, @Nullable LearnedCheck.Reading reading) {
            Ahead ahead = new Ahead(text, reading);
            CURRENT.set(ahead);
            return ahead;
        }

        /** Whether {@link #screen} used this reading (the text and the examples' version matched). */
        public boolean used() {
            return used;
        }

        /** This thread's text read ahead (or left for the queue, with no reading), if it is this text. */
        @Nullable
        static Ahead matching(String text) {
            Ahead ahead = CURRENT.get();
            return ahead != null && text.equals(ahead.text) ? ahead : null;
        }

        @Override
        public void close() {
            if (CURRENT.get() == this) {
                CURRENT.remove();
            }
        }
    }
}
