package io.careroute.api.store;

import static io.careroute.api.store.JsonText.utc;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The careroute instances sharing the database and their solver places (table {@code solver_instance}). Each
 * instance says it is alive every heartbeat; the queue bound counts the places of those seen lately.
 */
@Repository
public class SolverInstances {

    private final JdbcClient jdbc;

    public SolverInstances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code name} is alive at {@code at} with {@code maxJobs} solver places. */
    public void seen(String name, int maxJobs, Instant startedAt, Instant at) {
        int updated = jdbc.sql("update solver_instance set max_jobs = :maxJobs, seen_at = :at where name = :name")
                .param("maxJobs", maxJobs).param("at", utc(at)).param("name", name).update();
        if (updated == 0) {
            // Each instance writes only its own row, so nothing else inserts it between the two statements.
            jdbc.sql("""
                    insert into solver_instance (name, max_jobs, started_at, seen_at)
                    values (:name, :maxJobs, :startedAt, :at)""")
                    .param("name", name).param("maxJobs", maxJobs).param("startedAt", utc(startedAt))
                    .param("at", utc(at)).update();
        }
    }

    /** Shut down: its places are gone. */
    public void remove(String name) {
        jdbc.sql("delete from solver_instance where name = :name").param("name", name).update();
    }

    /** Solver places of the instances seen since {@code since}. */
    public int liveSlots(Instant since) {
        return jdbc.sql("select coalesce(sum(max_jobs), 0) from solver_instance where seen_at >= :since")
                .param("since", utc(since)).query(Integer.class).single();
    }

    /** How many instances were seen since {@code since}. */
    public int live(Instant since) {
        return jdbc.sql("select count(*) from solver_instance where seen_at >= :since")
                .param("since", utc(since)).query(Integer.class).single();
    }
}
