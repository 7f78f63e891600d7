package io.careroute.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Idempotency-Key store against a real database migrated by the real scripts (H2 and PostgreSQL alike): one
 * claim of a key wins, also when several come at once; a key holds its job for a repeat, is freed when its request
 * failed, is per organisation, and is forgotten once expired.
 */
abstract class IdempotencyStoreContract {

    static final Instant T0 = Instant.parse("2026-11-24T02:00:00Z");
    static final Instant EXPIRES = T0.plus(Duration.ofHours(24));
    static final String ORG = "default";
    static final String OTHER = "idempotency-test-other";

    IdempotencyStore store;

    abstract DataSource dataSource();

    @BeforeEach
    void migrateAndEmpty() {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("delete from idempotency_key").update();
        if (jdbc.sql("select count(*) from organisation where id = :id").param("id", OTHER).query(Long.class).single() == 0) {
            jdbc.sql("insert into organisation (id, name, code, created_at) values (:id, :id, :id, current_timestamp)")
                    .param("id", OTHER).update();
        }
        store = new IdempotencyStore(jdbc);
    }

    @Test
    void aKeyHoldsTheJobItsFirstRequestStarted() {
        assertThat(store.claim(ORG, "k1", "h1", T0, EXPIRES)).isEmpty();
        assertThat(store.claim(ORG, "k1", "h1", T0, EXPIRES)).as("while the first is being taken")
                .contains(new IdempotencyStore.Held("h1", null, null, null));
        store.complete(ORG, "k1", "job-1", "QUEUED", "/api/v1/plans/job-1");
        assertThat(store.claim(ORG, "k1", "h1", T0.plusSeconds(60), EXPIRES))
                .contains(new IdempotencyStore.Held("h1", "job-1", "QUEUED", "/api/v1/plans/job-1"));
        assertThat(store.claim(ORG, "k1", "h2", T0.plusSeconds(60), EXPIRES)).as("another request, same key")
                .map(IdempotencyStore.Held::requestHash).contains("h1");
    }

    @Test
    void keysArePerOrganisation() {
        assertThat(store.claim(ORG, "k1", "h1", T0, EXPIRES)).isEmpty();
        assertThat(store.claim(OTHER, "k1", "h2", T0, EXPIRES)).isEmpty();
    }

    @Test
    void aFailedRequestFreesItsKeyAndACompletedOneKeepsIt() {
        assertThat(store.claim(ORG, "k1", "h1", T0, EXPIRES)).isEmpty();
        store.release(ORG, "k1");
        assertThat(store.claim(ORG, "k1", "h2", T0, EXPIRES)).as("free again").isEmpty();
        store.complete(ORG, "k1", "job-2", "QUEUED", "/api/v1/plans/job-2");
        store.release(ORG, "k1");
        assertThat(store.claim(ORG, "k1", "h2", T0, EXPIRES)).map(IdempotencyStore.Held::jobId).contains("job-2");
    }

    @Test
    void anExpiredKeyIsForgotten() {
        assertThat(store.claim(ORG, "k1", "h1", T0, EXPIRES)).isEmpty();
        store.complete(ORG, "k1", "job-1", "QUEUED", "/api/v1/plans/job-1");
        assertThat(store.claim(ORG, "k1", "h2", EXPIRES, EXPIRES.plus(Duration.ofHours(24)))).as("taken over").isEmpty();
        assertThat(store.claim(ORG, "k2", "h1", T0, EXPIRES)).isEmpty();
        assertThat(store.forgetExpired(EXPIRES.plus(Duration.ofHours(25)))).isEqualTo(2);
    }

    @Test
    void ofClaimsThatComeAtOnceExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<IdempotencyStore.Held>>> claims = IntStream.range(0, 8)
                    .<Callable<Optional<IdempotencyStore.Held>>>mapToObj(i -> () -> store.claim(ORG, "race", "h", T0,
                            EXPIRES)).toList();
            long won = 0;
            for (Future<Optional<IdempotencyStore.Held>> claim : pool.invokeAll(claims)) {
                won += claim.get().isEmpty() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
