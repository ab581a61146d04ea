package org.carereview.consult.db;

import io.micronaut.test.support.TestPropertyProvider;

import java.util.Map;

/**
 * Mix into a {@code @MicronautTest} class (with {@code @TestInstance(PER_CLASS)}) to give that class
 * a fresh, migrated database of its own.
 */
public interface FreshDatabase extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        return TestDatabase.fresh().micronautProperties();
    }
}
