package io.careroute.api.store;

import static io.careroute.api.store.JsonText.utc;

import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Idempotency-Key of the POSTs that start a solve job, per organisation (V10_1). A key is claimed before the job
 * is started and holds the job once it is; a claim that finds the key taken gets what it holds instead. Expired keys
 * are forgotten: a claim takes over an expired key, and {@link #forgetExpired} deletes them.
 */
@Repository
public class IdempotencyStore {

    /** What a key holds: the request it was first used for, and the job that request started (null while running). */
    public record Held(String requestHash, String jobId, String jobStatus, String jobHref) {
    }

    private final JdbcClient jdbc;

    public IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims {@code key} for the request of {@code requestHash}: empty when this caller has it now (and must
     * {@link #complete} or {@link #release} it), else what the key already holds. The primary key decides between
     * two requests that claim the same key at once: exactly one gets it.
     */
    public Optional<Held> claim(String organisationId, String key, String requestHash, Instant now, Instant expires) {
        jdbc.sql("delete from idempotency_key where organisation_id = :org and idem_key = :key and expires_at <= :now")
                .param("org", organisationId).param("key", key).param("now", utc(now)).update();
        try {
            jdbc.sql("""
                    insert into idempotency_key (organisation_id, idem_key, request_hash, created_at, expires_at)
                    values (:org, :key, :hash, :now, :expires)""")
                    .param("org", organisationId).param("key", key).param("hash", requestHash)
                    .param("now", utc(now)).param("expires", utc(expires)).update();
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            return jdbc.sql("""
                    select request_hash, job_id, job_status, job_href from idempotency_key
                    where organisation_id = :org and idem_key = :key""")
                    .param("org", organisationId).param("key", key)
                    .query((rs, n) -> new Held(rs.getString("request_hash"), rs.getString("job_id"),
                            rs.getString("job_status"), rs.getString("job_href")))
                    .optional()
                    // Gone between the two statements (released by a request that failed): this caller may retry.
                    .or(() -> Optional.of(new Held(requestHash, null, null, null)));
        }
    }

    /** The job the claimed key's request started: what a repeat is answered. */
    public void complete(String organisationId, String key, String jobId, String jobStatus, String jobHref) {
        jdbc.sql("""
                update idempotency_key set job_id = :job, job_status = :status, job_href = :href
                where organisation_id = :org and idem_key = :key""")
                .param("job", jobId).param("status", jobStatus).param("href", jobHref)
                .param("org", organisationId).param("key", key).update();
    }

    /** The claimed key's request failed (400, 429...): nothing was started, the key is free for a retry. */
    public void release(String organisationId, String key) {
        jdbc.sql("delete from idempotency_key where organisation_id = :org and idem_key = :key and job_id is null")
                .param("org", organisationId).param("key", key).update();
    }

    /** Deletes the keys expired by {@code now}; how many. */
    public int forgetExpired(Instant now) {
        return jdbc.sql("delete from idempotency_key where expires_at <= :now").param("now", utc(now)).update();
    }
}
