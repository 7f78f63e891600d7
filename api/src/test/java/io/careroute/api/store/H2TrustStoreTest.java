package io.careroute.api.store;

import java.nio.file.Path;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19.1-3 on an H2 file database, with the URL options of application.yml and, as in the server (and as
 * H2PlanStoreTest), a connection pool. Without it every statement opened and closed the file database, and after
 * many such cycles over the sealed plans' large documents H2 once found its own file corrupted on reopening
 * ("File corrupted while reading record ... Double mark"), something a served database never does.
 */
class H2TrustStoreTest extends TrustStoreContract {

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

    @Override
    boolean trailGuardedByDatabase() {
        return false;
    }
}
