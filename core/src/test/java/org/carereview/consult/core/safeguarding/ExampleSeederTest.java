package org.carereview.consult.core.safeguarding;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shipped examples come in files, each loaded once: a new database gets them all, and a database a release
 * before seeded (first file only, perhaps with an example the lead removed) gets the file added since on its next
 * start, without the removed example coming back.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExampleSeederTest implements FreshDatabase {

    private static final String FIRST = "safeguarding/examples.tsv";
    private static final String CARE_HISTORIES = "safeguarding/examples-care-histories.tsv";

    @Inject
    DataSource dataSource;

    private final Map<String, String> properties = new HashMap<>();

    @Override
    public Map<String, String> getProperties() {
        if (properties.isEmpty()) {
            properties.putAll(FreshDatabase.super.getProperties());
        }
        return properties;
    }

    private long seeded() {
        return TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_example WHERE source = 'SEED'");
    }

    @Test
    void aNewDatabaseGetsEveryFileAndADatabaseSeededBeforeGetsTheFileAddedSinceOnItsNextStart() {
        int first = LabelledText.resource(FIRST).size();
        List<LabelledText> careHistories = LabelledText.resource(CARE_HISTORIES);
        assertEquals(first + careHistories.size(), seeded(), "a new database has every shipped example");
        assertEquals(List.of(CARE_HISTORIES, FIRST), TestSql.column(dataSource,
                "SELECT file FROM safeguarding_example_file ORDER BY file"));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_example_seed"),
                "the release before, still running beside this one, sees the first file loaded");

        // As the release before left it: the first file only, and one of its examples removed by the lead.
        TestSql.execute(dataSource, "DELETE FROM safeguarding_example WHERE text = ANY (?)",
                (Object) careHistories.stream().map(LabelledText::text).toArray(String[]::new));
        TestSql.execute(dataSource, "DELETE FROM safeguarding_example_file WHERE file = ?", CARE_HISTORIES);
        String removed = LabelledText.resource(FIRST).get(0).text();
        TestSql.execute(dataSource, "DELETE FROM safeguarding_example WHERE text = ?", removed);
        assertEquals(first - 1, seeded());

        for (int start = 0; start < 2; start++) {
            try (ApplicationContext node = ApplicationContext.run(Map.<String, Object>copyOf(properties), "test")) {
                assertEquals(first - 1 + careHistories.size(), seeded(),
                        "the file added since is loaded once; the example the lead removed stays removed");
            }
        }
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_example WHERE text = ?", removed));
    }
}
