package io.careroute.api.store;

import java.nio.file.Path;

import javax.sql.DataSource;

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

    private static final H2TestPool POOL = new H2TestPool();

    @Override
    DataSource dataSource() {
        return POOL.get(dataDir);
    }

    @AfterAll
    static void closePool() {
        POOL.close();
    }
}
