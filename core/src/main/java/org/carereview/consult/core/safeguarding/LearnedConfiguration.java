package org.carereview.consult.core.safeguarding;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * {@code consult.safeguarding.learned.*}: the learned check (ADR 0013).
 *
 * @param enabled whether the model is loaded and used (phrases screen alone when it is off)
 * @param threshold the probability, for any piece of an answer, at which it is flagged
 * @param nearest how alike (cosine of the two vectors) a text must be to an example the lead gave for that
 *                example's label to decide
 * @param exampleFiles the classpath resources of labelled examples; each is loaded once, on the first start of a node
 *                     that ships it (a file added in a later release reaches a database that has the earlier ones)
 * @param readers how many requests may have the model read their text at once (0: one per core)
 * @param readerWait how long a request waits for its turn before its text is queued for the check instead
 * @param startAfter how long after start-up the model starts loading and learning, unless a text needs it sooner
 *                   (0: at start-up itself, when it takes CPU from the node's first page)
 * @param surgeQueue while more submissions than this wait for the learned check, requests are screened by phrases
 *                   alone and queued, and the queue is read at the lowest CPU priority (ADR 0044's option B; 0, the
 *                   default: never, option A, until the safeguarding lead decides)
 */
@ConfigurationProperties("consult.safeguarding.learned")
public record LearnedConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = LearnedConfiguration.DEFAULT_THRESHOLD) double threshold,
        @Bindable(defaultValue = "0.90") double nearest,
        @Bindable(defaultValue = LearnedConfiguration.EXAMPLE_FILES) List<String> exampleFiles,
        @Bindable(defaultValue = "0") int readers,
        @Bindable(defaultValue = "250ms") Duration readerWait,
        @Bindable(defaultValue = "5s") Duration startAfter,
        @Bindable(defaultValue = "0") int surgeQueue) {

    /** Chosen by cross-validation on the training examples ({@code bash bench/screening/run.sh} prints it). */
    public static final String DEFAULT_THRESHOLD = "0.58";

    /** The labelled examples that ship in the jar, in the order they were added. */
    static final String EXAMPLE_FILES = "safeguarding/examples.tsv,safeguarding/examples-care-histories.tsv";
}
