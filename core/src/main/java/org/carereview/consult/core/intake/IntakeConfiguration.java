package org.carereview.consult.core.intake;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code consult.intake.together} ({@code CONSULT_INTAKE_TOGETHER}): new submissions that arrive at the same moment
 * are written together ({@link IntakeWriter}); {@code false} writes each in a transaction of its own.
 * {@code consult.intake.batch-max}: at most this many in one transaction.
 */
@ConfigurationProperties("consult.intake")
record IntakeConfiguration(
        @Bindable(defaultValue = "true") boolean together,
        @Bindable(defaultValue = "32") int batchMax) {

    IntakeConfiguration {
        if (batchMax < 1) {
            throw new ConfigurationException("consult.intake.batch-max must be 1 or more, not " + batchMax);
        }
    }
}
