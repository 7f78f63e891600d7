package io.careroute.api.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a lost database connection from other failures: the pool gave no connection in time, the connection broke
 * during a statement or a commit, or the server refused it. Such a request failed for want of the database, not
 * because of what it asked, and may be retried as it is (503); the connection pool reconnects on its own.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException        // CannotGetJdbcConnectionException among them
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException   // no connection to begin a transaction on
                    || t instanceof SQLTransientConnectionException    // Hikari: no connection within connection-timeout
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            // SQLSTATE class 08 = connection exception (PostgreSQL's "I/O error while sending to the backend": 08006).
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** The exception kinds along the chain (no messages: they may quote SQL or data), for the log. */
    static String describe(Throwable failure) {
        StringBuilder kinds = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!kinds.isEmpty()) {
                kinds.append(" ← ");
            }
            kinds.append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                kinds.append('[').append(sql.getSQLState()).append(']');
            }
        }
        return kinds.toString();
    }
}
