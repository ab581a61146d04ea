package org.carereview.consult.web.errors;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** Whether a failure means the database cannot be reached, rather than that a statement went wrong. */
final class DatabaseDown {

    /** Micronaut Data's own "could not get a connection" exceptions, by name (they live in several modules). */
    private static final Set<String> NO_CONNECTION = Set.of("CannotGetJdbcConnectionException", "ConnectionException",
            "NoConnectionException", "CannotCreateTransactionException");

    private DatabaseDown() {
    }

    static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException || NO_CONNECTION.contains(t.getClass().getSimpleName())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
