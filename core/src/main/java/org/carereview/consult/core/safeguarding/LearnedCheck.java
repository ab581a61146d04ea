package org.carereview.consult.core.safeguarding;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The learned check (ADR 0013): a sentence model reads each piece of an answer ({@link Chunks}) and a classifier
 * learned from the labelled examples gives the probability that it tells of harm to the writer or a child now,
 * rather than talking about harm. An example the lead gave that is very like the piece decides it outright.
 *
 * <p>The model loads, and the classifier is learned, in the background: a few seconds after start-up
 * ({@link LearnedConfiguration#startAfter}), or sooner if a text needs it first, and again whenever the examples'
 * version in the database moves (an example added or removed on any node). Not at the moment of start-up: on two
 * cores its second of CPU held up the node's first page (ADR 0039). Until then, and if the model fails,
 * {@link #check} answers empty: the caller screens by phrases alone and queues the submission for
 * {@link LearnedQueue}, so nothing waits for the model and nothing goes unread by it.
 */
@Singleton
public class LearnedCheck {

    private static final Logger LOG = LoggerFactory.getLogger(LearnedCheck.class);
    /** An example the lead gave counts this many times over one that shipped. */
    static final double LEAD_WEIGHT = 3;

    /** How likely the text is a disclosure, and whether that is enough to flag it. */
    public record Verdict(double probability, boolean flagged) {
    }

    private record Fitted(long version, Classifier classifier, List<ExampleStore.Stored> leadExamples) {
    }

    private final LearnedConfiguration config;
    private final BeanProvider<SentenceEncoder> encoders;
    private final ExampleVectors vectors;
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "safeguarding-learned-check");
        t.setDaemon(true);
        return t;
    });
    private volatile SentenceEncoder encoder;
    private volatile Fitted fitted;
    private volatile Future<?> fitting;
    private volatile boolean failed;

    LearnedCheck(LearnedConfiguration config, BeanProvider<SentenceEncoder> encoders, ExampleVectors vectors) {
        this.config = config;
        this.encoders = encoders;
        this.vectors = vectors;
    }

    public boolean enabled() {
        return config.enabled();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        if (config.startAfter().isZero()) {
            refit();
        } else {
            background.schedule(() -> {
                if (!started()) {
                    refit();
                }
            }, config.startAfter().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The verdict for this text by the classifier learned from the examples at {@code version}; empty when the
     * model is not loaded or has not learned that version yet (learning starts in the background).
     */
    public Optional<Verdict> check(String text, long version) {
        if (!ready(version)) {
            return Optional.empty();
        }
        return Optional.of(verdict(fitted, encoder, text));
    }

    /**
     * The verdict by the classifier learned last, whatever the examples' version in the database is now, with the
     * version it learned; empty when nothing has been learned yet. Reads nothing from the database, so a caller
     * can read a text before it opens a transaction ({@link Screening#ahead}) and compare the version inside it.
     */
    Optional<Reading> checkLearned(String text) {
        Fitted current = fitted;
        SentenceEncoder model = encoder;
        if (!config.enabled() || current == null || model == null) {
            return Optional.empty();
        }
        return Optional.of(new Reading(current.version(), verdict(current, model, text)));
    }

    /** Whether loading and learning has been started on this node (whether or not it has finished). */
    boolean started() {
        return fitting != null;
    }

    /** Whether the model is loaded and has learned some version of the examples (reads nothing). */
    boolean ready() {
        return config.enabled() && fitted != null && encoder != null;
    }

    /** A verdict and the examples' version of the classifier that gave it. */
    record Reading(long version, Verdict verdict) {
    }

    private Verdict verdict(Fitted current, SentenceEncoder model, String text) {
        double best = 0;
        for (String chunk : Chunks.of(text)) {
            float[] vector = model.encode(Canonical.forModel(chunk));
            best = Math.max(best, probability(current, vector));
        }
        return new Verdict(best, best >= config.threshold());
    }

    /**
     * Whether the model is loaded and has learned the examples at {@code version}; if not, learning starts in
     * the background.
     */
    public boolean ready(long version) {
        Fitted current = fitted;
        if (config.enabled() && encoder != null && current != null && current.version() == version) {
            return true;
        }
        refit();
        return false;
    }

    /** Starts loading the model and learning, unless that is already under way or the check is off. */
    public synchronized Future<?> refit() {
        if (!config.enabled()) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        if (fitting == null || fitting.isDone()) {
            fitting = background.submit(this::fit);
        }
        return fitting;
    }

    /**
     * Waits up to the given seconds for the model to have learned the examples' current version (tests, bench);
     * false at once if loading or learning failed.
     */
    public boolean awaitReady(long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try {
                refit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                Fitted current = fitted;
                if (current != null && current.version() == vectors.version()) {
                    return true;
                }
                if (failed) {
                    return false;
                }
            } catch (Exception e) {
                return false;
            }
        }
        return false;
    }

    private void fit() {
        failed = false;
        try {
            if (encoder == null) {
                long start = System.nanoTime();
                encoder = encoders.get();
                LOG.info("Safeguarding model loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
            }
            ExampleVectors.Snapshot snapshot = vectors.load(encoder);
            if (fitted != null && fitted.version() == snapshot.version()) {
                return;
            }
            List<Classifier.Example> examples = new ArrayList<>();
            List<ExampleStore.Stored> lead = new ArrayList<>();
            for (ExampleStore.Stored e : snapshot.examples()) {
                boolean given = !"SEED".equals(e.source());
                examples.add(new Classifier.Example(e.vector(), e.disclosure(), given ? LEAD_WEIGHT : 1));
                if (given) {
                    lead.add(e);
                }
            }
            if (examples.isEmpty()) {
                LOG.warn("No safeguarding examples to learn from: screening by phrases alone");
                return;
            }
            fitted = new Fitted(snapshot.version(), Classifier.train(examples, Training.L2, Training.EPOCHS), lead);
            LOG.info("Safeguarding check learned from {} examples (version {})", examples.size(), snapshot.version());
        } catch (RuntimeException | LinkageError e) {
            failed = true;
            LOG.warn("The safeguarding model could not be loaded or trained ({}): screening by phrases alone",
                    e.getClass().getSimpleName());
        }
    }

    private double probability(Fitted current, float[] vector) {
        ExampleStore.Stored closest = null;
        double best = config.nearest();
        for (ExampleStore.Stored e : current.leadExamples()) {
            double similarity = Vectors.dot(vector, e.vector());
            if (similarity >= best) {
                best = similarity;
                closest = e;
            }
        }
        if (closest != null) {
            return closest.disclosure() ? 1.0 : 0.0;
        }
        return current.classifier().probability(vector);
    }

    @Nullable
    Long learnedVersion() {
        Fitted current = fitted;
        return current == null ? null : current.version();
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
