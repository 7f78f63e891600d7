package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures count as a lost database connection (503), and which stay errors of their own (500). */
class DatabaseOutageCauseTest {

    @Test
    void aLostConnectionIsFoundHoweverItIsWrapped() {
        SQLTransientConnectionException timeout = new SQLTransientConnectionException("pool timed out", "08001",
                new ConnectException("Connection refused"));
        assertThat(DatabaseOutage.isCause(new CannotGetJdbcConnectionException("no connection", timeout))).isTrue();
        assertThat(DatabaseOutage.isCause(new CannotCreateTransactionException("begin", timeout))).isTrue();
        // A statement or commit on a connection that broke: only the SQLSTATE class 08 says so.
        SQLException broken = new SQLException("I/O error while sending to the backend", "08006");
        assertThat(DatabaseOutage.isCause(new UncategorizedSQLException("update plan", "update plan set ...", broken))).isTrue();
        assertThat(DatabaseOutage.describe(new CannotCreateTransactionException("begin", timeout)))
                .isEqualTo("CannotCreateTransactionException ← SQLTransientConnectionException[08001] ← ConnectException");
    }

    @Test
    void otherDatabaseErrorsAreNotOutages() {
        SQLException unique = new SQLException("duplicate key", "23505");
        assertThat(DatabaseOutage.isCause(new DataIntegrityViolationException("insert", unique))).isFalse();
        assertThat(DatabaseOutage.isCause(new UncategorizedSQLException("select", "select 1", new SQLException("x", "42P01")))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalStateException("the server is stopping"))).isFalse();
    }
}
