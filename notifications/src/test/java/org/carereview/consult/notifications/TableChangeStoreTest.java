package org.carereview.consult.notifications;

import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A listening connection counts an announcement when one was made, and only then. */
class TableChangeStoreTest {

    @Test
    void hearsNothingWhileNothingIsAnnouncedAndEachAnnouncementOnce() throws SQLException {
        TestDatabase.Coordinates db = TestDatabase.fresh();
        try (Connection listener = db.connect(); Connection other = db.connect();
             Statement listen = listener.createStatement(); Statement say = other.createStatement()) {
            listen.execute("LISTEN " + TableChangeStore.CHANNEL);
            PGConnection pg = listener.unwrap(PGConnection.class);
            assertFalse(TableChangeStore.heard(pg, 50), "nothing was announced");

            say.execute("NOTIFY " + TableChangeStore.CHANNEL + ", 'message_template'");
            assertTrue(TableChangeStore.heard(pg, 10_000), "the announcement arrives");
            assertFalse(TableChangeStore.heard(pg, 50), "and is counted once");
        }
    }
}
