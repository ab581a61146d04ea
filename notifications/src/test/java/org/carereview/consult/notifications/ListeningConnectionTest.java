package org.carereview.consult.notifications;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.carereview.consult.db.Eventually;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node listens for table changes on a connection outside its pool, so at a peak every pooled connection is the
 * requests', and it can listen somewhere else than the pool connects to (PostgreSQL itself, where the pool goes
 * through PgBouncer in transaction mode).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListeningConnectionTest implements TestPropertyProvider {

    private static final int POOL = 2;

    private final TestDatabase.Coordinates db = TestDatabase.fresh();
    private final Map<String, String> properties = new HashMap<>();

    @Inject TableChanges changes;
    @Inject DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        if (properties.isEmpty()) {
            properties.putAll(db.micronautProperties());
            properties.put("datasources.default.maximum-pool-size", String.valueOf(POOL));
            properties.put("datasources.default.connection-timeout", "1000");
        }
        return properties;
    }

    @Test
    void theListenerTakesNoneOfThePoolsConnectionsAndHearsWhileRequestsHoldThemAll() throws SQLException {
        Eventually.holds(() -> changes.generation() != TableChanges.UNKNOWN, "the node listens for changes");
        List<Connection> taken = new ArrayList<>();
        try {
            TestSupport.takeEveryFreeConnection(dataSource, taken);
            assertEquals(POOL, taken.size(), "every pooled connection was free for the requests");
            long before = changes.generation();
            announce();
            Eventually.holds(() -> changes.generation() != before, "the node hears the announcement");
        } finally {
            for (Connection c : taken) {
                c.close();
            }
        }
    }

    @Test
    void aNodeListensWhereTheSettingPointsWhenOneIsSet() {
        String url = db.url() + (db.url().contains("?") ? "&" : "?") + "ApplicationName=listening-via-setting";
        Map<String, Object> withSetting = new HashMap<>(properties);
        withSetting.put("consult.changes.database-url", url);
        try (ApplicationContext node = ApplicationContext.run(withSetting, "test")) {
            Eventually.holds(() -> node.getBean(TableChanges.class).generation() != TableChanges.UNKNOWN,
                    "the node listens for changes");
            assertEquals(List.of("LISTEN consult_changes"), TestSql.column(dataSource, "SELECT query "
                    + "FROM pg_stat_activity WHERE application_name = 'listening-via-setting'"));
        }
    }

    @Test
    void aListeningConnectionTheNetworkDropsWithoutAWordIsReplacedAndHearsAgain() throws Exception {
        try (FreezingProxy network = new FreezingProxy(db.url())) {
            Map<String, Object> settings = new HashMap<>(properties);
            settings.put("consult.changes.database-url", network.url());
            settings.put("consult.changes.probe-after", "1s");
            settings.put("consult.changes.probe-timeout", "1s");
            try (ApplicationContext node = ApplicationContext.run(settings, "test")) {
                TableChanges nodeChanges = node.getBean(TableChanges.class);
                Eventually.holds(() -> nodeChanges.generation() != TableChanges.UNKNOWN, "the node listens");

                network.forgetOpenConnections();
                long deaf = nodeChanges.generation();
                announce();
                Eventually.holds(() -> nodeChanges.generation() != deaf,
                        "the node stops keeping what it read (it may have missed a change)");
                Eventually.holds(() -> nodeChanges.generation() != TableChanges.UNKNOWN, "the node listens again");
                long again = nodeChanges.generation();
                announce();
                Eventually.holds(() -> nodeChanges.generation() != again, "the node hears the next announcement");
            }
        }
    }

    @Test
    void aSettingThatIsNotAPostgresAddressStopsTheStartWithAMessage() {
        Map<String, Object> withSetting = new HashMap<>(properties);
        withSetting.put("consult.changes.database-url", "postgres://db-host/consult");
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(withSetting, "test").close());
        assertTrue(messages(refused).contains("CONSULT_CHANGES_DATABASE_URL is not a PostgreSQL address"),
                messages(refused));
    }

    private void announce() throws SQLException {
        try (Connection other = db.connect(); Statement say = other.createStatement()) {
            say.execute("NOTIFY " + TableChangeStore.CHANNEL + ", 'message_template'");
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
