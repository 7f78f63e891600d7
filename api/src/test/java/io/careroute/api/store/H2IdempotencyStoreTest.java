package io.careroute.api.store;

import java.nio.file.Path;
import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The Idempotency-Key store on an H2 file database, with the URL options of application.yml. */
class H2IdempotencyStoreTest extends IdempotencyStoreContract {

    @TempDir
    static Path dataDir;

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource("jdbc:h2:file:" + dataDir.resolve("careroute")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }
}
