package org.carereview.consult.core.intake;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code consult.intake.together} ({@code CONSULT_INTAKE_TOGETHER}): new submissions that arrive at the same moment
 * are written together ({@link IntakeWriter}); {@code false} writes each in a transaction of its own.
 * {@code consult.intake.batch-max}: at most this many in one transaction. {@code consult.intake.writers}: how many
 * batches a node writes at once (while one waits for its commit, the next gathers and is written).
 */
@ConfigurationProperties("consult.intake")
record IntakeConfiguration(
        @Bindable(defaultValue = "true") boolean together,
        @Bindable(defaultValue = "32") int batchMax,
        @Bindable(defaultValue = "2") int writers) {

    IntakeConfiguration {
        if (batchMax < 1) {
            throw new ConfigurationException("consult.intake.batch-max must be 1 or more, not " + batchMax);
        }
        if (writers < 1) {
            throw new ConfigurationException("consult.intake.writers must be 1 or more, not " + writers);
        }
    }
}
