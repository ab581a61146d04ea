package org.carereview.consult.core.safeguarding;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code consult.safeguarding.learned.*}: the learned check (ADR 0013).
 *
 * @param enabled whether the model is loaded and used (phrases screen alone when it is off)
 * @param threshold the probability, for any piece of an answer, at which it is flagged
 * @param nearest how alike (cosine of the two vectors) a text must be to an example the lead gave for that
 *                example's label to decide
 * @param exampleFile the classpath resource of labelled examples loaded on the first start
 */
@ConfigurationProperties("consult.safeguarding.learned")
public record LearnedConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = LearnedConfiguration.DEFAULT_THRESHOLD) double threshold,
        @Bindable(defaultValue = "0.90") double nearest,
        @Bindable(defaultValue = "safeguarding/examples.tsv") String exampleFile) {

    /** Chosen by cross-validation on the training examples ({@code bash bench/screening/run.sh} prints it). */
    public static final String DEFAULT_THRESHOLD = "0.55";
}
