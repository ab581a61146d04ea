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
 * Loads each file of shipped training examples into the example table once: on the first start of a node that
 * ships it (a row per file claims it, so nodes starting together load it once, an example the lead removed does
 * not come back, and a file added in a later release reaches a database that has the earlier ones). Their
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
        for (String file : configuration.exampleFiles()) {
            if (store.claimSeeding(file, now)) {
                List<LabelledText> examples = LabelledText.resource(file);
                store.insertAll(examples, now);
                LOG.info("Loaded {} labelled safeguarding examples from {}", examples.size(), file);
            }
        }
    }
}
