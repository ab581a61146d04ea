package org.carereview.consult.notifications;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/** Announcements of changed tables (PostgreSQL NOTIFY), heard on a connection of its own, outside transactions. */
@Singleton
class TableChangeStore {

    /** The channel the tables' triggers announce changes on. */
    static final String CHANNEL = "consult_changes";

    private final DataSource dataSource;

    TableChangeStore(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /**
     * Listens on the channel until {@code stopped}, waiting a second at a time: runs {@code listening} once the
     * connection listens, and {@code announced} after each wait that brought announcements. Returns when stopped;
     * throws when the connection fails (it is closed either way).
     */
    void listen(Runnable listening, Runnable announced, BooleanSupplier stopped) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
            PGConnection pg = connection.unwrap(PGConnection.class);
            listening.run();
            while (!stopped.getAsBoolean()) {
                if (heard(pg, 1000)) {
                    announced.run();
                }
            }
        }
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
