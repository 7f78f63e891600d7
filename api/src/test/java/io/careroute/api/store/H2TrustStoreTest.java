package io.careroute.api.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Issue 19.1-3 on an H2 file database, with the URL options of application.yml. */
class H2TrustStoreTest extends TrustStoreContract {

    @TempDir
    static Path dataDir;

    /**
     * Held open for the class, as the server's connection pool holds the database open: without it H2 closes and
     * reopens the file at every statement, and after many such cycles over the sealed plans' large documents it once
     * found its own file corrupted on reopening ("Double mark"), something a served database never does.
     */
    static Connection keepOpen;

    @BeforeAll
    static void open() throws SQLException {
        keepOpen = DriverManager.getConnection(url(), "sa", "");
    }

    @AfterAll
    static void close() throws SQLException {
        keepOpen.close();
    }

    private static String url() {
        return "jdbc:h2:file:" + dataDir.resolve("careroute")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
    }

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource(url(), "sa", "");
    }

    @Override
    boolean trailGuardedByDatabase() {
        return false;
    }
}
