package org.carereview.consult.core.safeguarding;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The examples' vectors are kept as they are made, so a start stopped half way does not make them all again. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExampleVectorsTest implements FreshDatabase {

    @Inject ExampleVectors vectors;
    @Inject ExampleStore store;
    @Inject DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.safeguarding.learned.enabled", "false");
        return properties;
    }

    @Test
    void vectorsMadeBeforeTheModelFailedAreKeptAndNotMadeAgain() {
        long examples = TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_example");
        assertTrue(examples > 10, "the seeded examples: " + examples);
        TestSql.execute(dataSource, "UPDATE safeguarding_example SET vector = NULL, model = NULL");

        Counting failing = new Counting(3);
        assertThrows(IllegalStateException.class, () -> vectors.load(failing));
        assertEquals(3L, TestSql.count(dataSource,
                "SELECT count(*) FROM safeguarding_example WHERE model = 'counting'"),
                "the three made before the failure are kept");

        Counting working = new Counting(Integer.MAX_VALUE);
        ExampleVectors.Snapshot snapshot = vectors.load(working);
        assertEquals(examples - 3, (long) working.calls.get(), "only the rest are made");
        assertEquals(examples, (long) snapshot.examples().size());
        assertEquals(examples, TestSql.count(dataSource,
                "SELECT count(*) FROM safeguarding_example WHERE model = 'counting' AND cardinality(vector) = 2"));
        ExampleStore.Stored first = snapshot.examples().get(0);
        assertArrayEquals(Counting.vectorOf(Canonical.forModel(first.text())), first.vector(), "read back as made");
    }

    /** A stand-in model: a two-number vector from the text's length; fails after {@code limit} texts. */
    private static final class Counting implements SentenceEncoder {
        final AtomicInteger calls = new AtomicInteger();
        private final int limit;

        Counting(int limit) {
            this.limit = limit;
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public float[] encode(String text) {
            if (calls.incrementAndGet() > limit) {
                throw new IllegalStateException("the model stopped");
            }
            return vectorOf(text);
        }

        static float[] vectorOf(String text) {
            return new float[] {text.length(), 1f / (1 + text.length())};
        }
    }
}
