package org.carereview.consult.core.safeguarding;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.Eventually;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.notifications.TableChanges;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node keeps the safeguarding versions instead of reading them in every submission, and still screens with a
 * phrase added elsewhere within seconds: when the change is announced, when it is not (after the time the versions
 * are kept for), and when the connection it listens on is lost. The clock stands still unless a test moves it, so
 * only an announcement can make the node read the versions again before then.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelVersionsTest implements FreshDatabase {

    private static final String TEXT = "he keeps me in the garden shed at night";
    private static final String PHRASE = "keeps me in the garden shed";

    @Inject Screening screening;
    @Inject TableChanges changes;
    @Inject MutableClock clock;
    @Inject DataSource dataSource;

    private final Map<String, String> properties = new HashMap<>();

    @Override
    public Map<String, String> getProperties() {
        if (properties.isEmpty()) {
            properties.putAll(FreshDatabase.super.getProperties());
            properties.put(TestClock.PROPERTY, "2027-01-20T10:00:00Z");
            properties.put("consult.safeguarding.versions-kept-for", "2s");
        }
        return properties;
    }

    /**
     * Removes the phrase without announcing it and marks the change on this node, so that no announcement from the
     * setting up is still on its way when a test begins: heard late, it would make the node read the versions again
     * in the middle of a test that counts on none coming (the phrases' trigger announces even a DELETE of nothing).
     */
    @BeforeEach
    void theNodeListensAndHoldsVersionsWithoutThePhrase() throws SQLException {
        Eventually.holds(() -> changes.generation() != TableChanges.UNKNOWN, "the node listens for changes");
        changeWithoutAnnouncing("DELETE FROM safeguarding_phrase WHERE phrase = '" + PHRASE + "'");
        changes.changed();
        assertFalse(screening.screen(TEXT).flagged(), "the node screens without the phrase");
    }

    @Test
    void aPhraseAddedElsewhereScreensWithinSecondsOnceItsChangeIsAnnounced() {
        TestSql.execute(dataSource, "INSERT INTO safeguarding_phrase (phrase, weight, added_at) VALUES (?, 10, now())",
                PHRASE);
        Eventually.holds(() -> screening.screen(TEXT).flagged(), "the announced change reaches the node");
    }

    @Test
    void aChangeTheNodeDidNotHearOfCountsOnceWhatItHoldsIsOlderThanItKeepsVersionsFor() throws SQLException {
        addPhraseWithoutAnnouncing();
        assertFalse(screening.screen(TEXT).flagged(), "the node screens with the versions it holds: none read");
        clock.advance(Duration.ofMillis(1999));
        assertFalse(screening.screen(TEXT).flagged(), "still within the two seconds");
        clock.advance(Duration.ofMillis(1));
        assertTrue(screening.screen(TEXT).flagged(), "two seconds on, the node reads the versions again");
    }

    @Test
    void aNodeWhoseListeningConnectionIsLostReadsTheVersionsAgain() throws SQLException {
        TestSql.column(dataSource, "SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity "
                + "WHERE datname = current_database() AND query = 'LISTEN consult_changes'");
        addPhraseWithoutAnnouncing();
        Eventually.holds(() -> screening.screen(TEXT).flagged(), "the node reads again, having missed what was said");
    }

    /** Another node's change whose announcement never arrives: the triggers are off for this one transaction. */
    private void addPhraseWithoutAnnouncing() throws SQLException {
        changeWithoutAnnouncing("INSERT INTO safeguarding_phrase (phrase, weight, added_at) "
                + "VALUES ('" + PHRASE + "', 10, now())");
    }

    private void changeWithoutAnnouncing(String phrases) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL session_replication_role = replica");
            s.execute(phrases);
            s.execute("UPDATE safeguarding_model_version SET phrase_version = phrase_version + 1");
            c.commit();
            c.setAutoCommit(true);
        }
    }
}
