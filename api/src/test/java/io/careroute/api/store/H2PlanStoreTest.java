package io.careroute.api.store;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on an H2 file database, with the URL options of application.yml and, as in the server, a connection
 * pool. Without the pool every statement opened and closed the file database, and db-scheduler's threads did so at the
 * same time as the test's: H2 once failed a run with "File corrupted while reading record" doing that.
 */
class H2PlanStoreTest extends PlanStoreContract {

    @TempDir
    static Path dataDir;

    private static HikariDataSource pool;

    @Override
    DataSource dataSource() {
        if (pool == null) {
            pool = new HikariDataSource();
            pool.setJdbcUrl("jdbc:h2:file:" + dataDir.resolve("careroute")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE");
            pool.setUsername("sa");
            pool.setPassword("");
            pool.setMaximumPoolSize(4);
        }
        return pool;
    }

    @AfterAll
    static void closePool() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
