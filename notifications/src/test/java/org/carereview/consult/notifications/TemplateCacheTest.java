package org.carereview.consult.notifications;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.Eventually;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import io.micronaut.test.support.TestPropertyProvider;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Each node keeps the templates it has read, and drops them when one is saved on any node (issue 17). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateCacheTest implements TestPropertyProvider {

    private static final String ID = "application-outcome-selected";
    private final Map<String, String> properties = new HashMap<>();

    @Inject
    MessageTemplates templates;
    @Inject
    Templates rendered;
    @Inject
    TableChanges changes;
    @Inject
    MutableClock clock;
    @Inject
    DataSource dataSource;
    @Inject
    TemplateStore store;
    @Inject
    TemplateFiles files;
    @Inject
    NotificationsConfiguration config;

    @Override
    public Map<String, String> getProperties() {
        if (properties.isEmpty()) {
            properties.putAll(TestDatabase.fresh().micronautProperties());
        }
        return properties;
    }

    @Test
    void aTemplateIsReadOnceWhileNothingChanges() {
        Eventually.holds(() -> changes.generation() != TableChanges.UNKNOWN, "this node listens for changes");
        Template first = rendered.get(ID);
        assertSame(first, rendered.get(ID), "the second read is the kept copy");
    }

    @Test
    void aTemplateSavedOnOneNodeIsWhatAnotherNodeSendsWithinSeconds() {
        try (ApplicationContext other = ApplicationContext.run(Map.<String, Object>copyOf(properties), "test")) {
            Templates otherTemplates = other.getBean(Templates.class);
            TableChanges otherChanges = other.getBean(TableChanges.class);
            Eventually.holds(() -> otherChanges.generation() != TableChanges.UNKNOWN,
                    "the other node listens for changes");
            String before = otherTemplates.get(ID).subject();
            assertSame(otherTemplates.get(ID), otherTemplates.get(ID), "the other node keeps its copy");

            MessageTemplate opened = templates.find(ID).orElseThrow();
            String subject = "Saved on the first node " + UUID.randomUUID();
            templates.update(ID, subject, opened.body(), opened.version(), null);

            Eventually.holds(() -> otherTemplates.get(ID).subject().equals(subject),
                    "the other node reads the saved text");
            assertNotEquals(before, subject);
            assertEquals(subject, rendered.get(ID).subject(), "and so does the node that saved it");
        }
    }

    /**
     * A node whose listening connection hears nothing and never fails (dropped silently by the network, or passed
     * through a pooler that does not forward announcements) still sends a saved wording within thirty seconds.
     */
    @Test
    void aNodeThatHearsNoAnnouncementsReadsASavedTemplateOnceItsCopyIsThirtySecondsOld() {
        TableChanges deaf = new TableChanges(new TableChangeStore(dataSource, new ListenAddress(""),
                Duration.ofSeconds(10), Duration.ofSeconds(5)) {
            @Override
            void listen(Runnable listening, Runnable announced, BooleanSupplier stopped) {
                listening.run();
                while (!stopped.getAsBoolean()) {
                    LockSupport.parkNanos(10_000_000L);
                }
            }
        });
        deaf.start();
        try {
            Templates node = new Templates(store, files, deaf, clock, config);
            Eventually.holds(() -> deaf.generation() != TableChanges.UNKNOWN, "the deaf node counts as listening");
            Template kept = node.get(ID);
            MessageTemplate opened = templates.find(ID).orElseThrow();
            String subject = "Saved where this node did not hear it " + UUID.randomUUID();
            templates.update(ID, subject, opened.body(), opened.version(), null);

            clock.advance(Duration.ofSeconds(29));
            assertSame(kept, node.get(ID), "within the thirty seconds the kept copy stands");
            clock.advance(Duration.ofSeconds(1));
            assertEquals(subject, node.get(ID).subject(), "thirty seconds on, the node reads the template again");
        } finally {
            deaf.stop();
        }
    }
}
