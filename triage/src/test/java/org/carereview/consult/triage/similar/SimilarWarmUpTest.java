package org.carereview.consult.triage.similar;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNull;

/** The background warm-up loads the similarity index, so the first member of staff to ask does not wait for it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimilarWarmUpTest implements FreshDatabase {

    @Inject
    SimilarWarmUp warmUp;

    @Inject
    SimilarIndex index;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.similar.warm-up-after", "1h");
        return properties;
    }

    @Test
    void theWarmUpLoadsTheIndexBeforeAnyoneAsks() {
        warmUp.warmUp();
        assertNull(index.load(), "already loaded: loading again does nothing");
    }
}
