package org.carereview.consult.core.safeguarding;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Loads the shipped training examples into the example table on the first start only (a marker row claims it,
 * so nodes starting together load them once, and an example the lead removed does not come back). Their
 * vectors are made later, by the learned check in the background.
 */
@Singleton
class ExampleSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleSeeder.class);

    private final ExampleStore store;
    private final LearnedConfiguration configuration;
    private final Clock clock;

    ExampleSeeder(ExampleStore store, LearnedConfiguration configuration, Clock clock) {
        this.store = store;
        this.configuration = configuration;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void onStartup(StartupEvent event) {
        Instant now = clock.instant();
        if (!store.claimSeeding(now)) {
            return;
        }
        List<LabelledText> examples = LabelledText.resource(configuration.exampleFile());
        store.insertAll(examples, now);
        LOG.info("Loaded {} labelled safeguarding examples from {}", examples.size(), configuration.exampleFile());
    }
}
