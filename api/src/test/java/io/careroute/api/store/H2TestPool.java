package io.careroute.api.store;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;

/**
 * An H2 file database with the URL options of application.yml behind a connection pool, as in the server. Without
 * the pool every statement opened and closed the file database, and db-scheduler's threads did so at the same time
 * as the test's: H2 failed full runs twice doing that ("File corrupted while reading record", "Double mark").
 */
final class H2TestPool {

    private HikariDataSource pool;

    /** The test class's pool on its data directory, opened on first use. */
    synchronized HikariDataSource get(Path dataDir) {
        if (pool == null) {
            pool = open(dataDir);
        }
        return pool;
    }

    /** Closes the pool (after the class's tests); the next {@link #get} opens a new one. */
    synchronized void close() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    private static HikariDataSource open(Path dataDir) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:h2:file:" + dataDir.resolve("careroute")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE");
        pool.setUsername("sa");
        pool.setPassword("");
        pool.setMaximumPoolSize(4);
        return pool;
    }
}
