package org.carereview.consult.notifications;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * On start, copies every template file the database does not have yet into it. A template already
 * there is never overwritten: after its first copy it belongs to the administrators who edit it.
 * Safe on several nodes at once (insert-if-absent).
 */
@Singleton
@Requires(beans = TemplateStore.class) // there is a database to copy into
class TemplateSeeder implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateSeeder.class);

    private final TemplateFiles files;
    private final TemplateStore store;
    private final Clock clock;

    TemplateSeeder(TemplateFiles files, TemplateStore store, Clock clock) {
        this.files = files;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        int added = seed();
        if (added > 0) {
            LOG.info("Copied {} message template(s) from the repository into the database", added);
        }
    }

    @Transactional
    int seed() {
        Instant now = clock.instant();
        int added = 0;
        for (String id : files.index().keySet()) {
            Template file = files.get(id);
            if (store.seed(id, file.subject(), file.body(), now)) {
                added++;
            }
        }
        return added;
    }
}
