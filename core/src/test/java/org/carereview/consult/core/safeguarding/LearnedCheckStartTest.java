package org.carereview.consult.core.safeguarding;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node's learned check (the real model) does not start learning at start-up, where its second of CPU would hold up
 * the node's first page on two cores, but a few seconds later or when a text first needs it; until it has learned,
 * a text is answered "not ready" at once (the caller screens it by phrases and queues it), then the check reads it.
 * ({@link LearnedCheckTest} starts it at start-up itself, with {@code start-after} 0.)
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearnedCheckStartTest implements FreshDatabase {

    static final String NEGLECT = "theres nothing to eat and mum's been gone 2 days";

    @Inject LearnedCheck learned;
    @Inject ExampleVectors vectors;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.safeguarding.learned.enabled", "true");
        // Long after this test: only a text that needs the check can start it.
        properties.put("consult.safeguarding.learned.start-after", "1h");
        return properties;
    }

    @Test
    void aTextThatNeedsTheCheckStartsItsLearningBeforeTheDelay() {
        assertFalse(learned.started(), "nothing is loaded or learned while the node starts");

        long version = vectors.version();
        assertTrue(learned.check(NEGLECT, version).isEmpty(), "not ready yet: answered at once, without waiting");
        assertTrue(learned.started(), "the first text that needs the check starts its learning");

        assertTrue(learned.awaitReady(300), "the model loads and learns from the shipped examples");
        assertTrue(learned.check(NEGLECT, version).orElseThrow().flagged(), "then the check reads the text");
    }
}
