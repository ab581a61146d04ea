package org.carereview.consult.notifications;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * Announcements of changed tables (PostgreSQL NOTIFY), heard on a connection of its own, outside transactions and
 * outside the pool: the pool's connections are the requests', and a connection held for good would be one fewer for
 * them at a peak. It is opened with the pool's own address, user and driver settings, or with
 * {@code consult.changes.database-url} when that is set (PostgreSQL itself, where the pool goes through PgBouncer
 * in transaction mode, through which LISTEN does not work; {@link ListenAddress}).
 * <p>
 * A connection a network drops without a word (a firewall or NAT forgetting an idle flow) would wait for
 * announcements for ever, so after {@code consult.changes.probe-after} (10 s) without one the listener asks the
 * database a trivial question; no answer within {@code consult.changes.probe-timeout} (5 s) fails the connection,
 * and {@link TableChanges} opens another.
 */
@Singleton
class TableChangeStore {

    /** The channel the tables' triggers announce changes on. */
    static final String CHANNEL = "consult_changes";

    private static final int WAIT_MILLIS = 1000;

    private final DataSource dataSource;
    private final String url;
    private final long quietWaitsBeforeProbe;
    private final int probeTimeoutMillis;

    TableChangeStore(DataSource dataSource, ListenAddress address,
                     @Value("${consult.changes.probe-after:10s}") Duration probeAfter,
                     @Value("${consult.changes.probe-timeout:5s}") Duration probeTimeout) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.url = address.url();
        this.quietWaitsBeforeProbe = Math.max(1, probeAfter.toMillis() / WAIT_MILLIS);
        this.probeTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, probeTimeout.toMillis()));
    }

    /**
     * Listens on the channel until {@code stopped}, waiting a second at a time: runs {@code listening} once the
     * connection listens, and {@code announced} after each wait that brought announcements. Returns when stopped;
     * throws when the connection fails, or answers no probe in time (it is closed either way).
     */
    void listen(Runnable listening, Runnable announced, BooleanSupplier stopped) throws SQLException {
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            connection.setNetworkTimeout(Runnable::run, probeTimeoutMillis);
            statement.execute("LISTEN " + CHANNEL);
            PGConnection pg = connection.unwrap(PGConnection.class);
            listening.run();
            long quietWaits = 0;
            while (!stopped.getAsBoolean()) {
                if (heard(pg, WAIT_MILLIS)) {
                    announced.run();
                    quietWaits = 0;
                } else if (++quietWaits >= quietWaitsBeforeProbe) {
                    statement.execute("SELECT 1");
                    quietWaits = 0;
                }
            }
        }
    }

    /** A connection of the listener's own, with the pool's settings; one from the pool if it is not Hikari's. */
    private Connection open() throws SQLException {
        if (!(dataSource instanceof HikariDataSource pool)) {
            return dataSource.getConnection();
        }
        Properties settings = new Properties();
        settings.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            settings.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            settings.setProperty("password", pool.getPassword());
        }
        settings.setProperty("ApplicationName", "consult table changes");
        Connection connection = new Driver().connect(url.isEmpty() ? pool.getJdbcUrl() : url, settings);
        if (connection == null) {
            throw new SQLException("The pool's address is not PostgreSQL's");
        }
        return connection;
    }

    /**
     * Whether anything was announced on a listening connection within {@code waitMillis}. The driver answers an
     * empty array, not null, when nothing was: until 2026-12-05 every second's wait counted as an announcement, so
     * nodes dropped what they kept once a second.
     */
    static boolean heard(PGConnection pg, int waitMillis) throws SQLException {
        PGNotification[] said = pg.getNotifications(waitMillis);
        return said != null && said.length > 0;
    }
}
