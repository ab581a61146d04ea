package org.carereview.consult.core.safeguarding;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code consult.safeguarding.*}.
 *
 * @param threshold the total weight of distinct matched phrases at which a submission is flagged
 * @param phraseFile the classpath resource the phrase table is seeded from on first start
 * @param versionsKeptFor the longest a node screens with the phrases' and examples' versions it read without
 *                        reading them again, should it miss another node's announcement of a change
 *                        ({@link ModelVersions})
 */
@ConfigurationProperties("consult.safeguarding")
public record SafeguardingConfiguration(
        @Bindable(defaultValue = "10") int threshold,
        @Bindable(defaultValue = "safeguarding/phrases.tsv") String phraseFile,
        @Bindable(defaultValue = "2s") Duration versionsKeptFor) {
}
