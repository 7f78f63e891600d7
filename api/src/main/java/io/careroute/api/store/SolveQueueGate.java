package io.careroute.api.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The row (table {@code solve_queue_gate}) that an admission to the solve queue locks before it counts the active
 * plans and stores its own: the count and the insert are then one step for every instance on the database, where a
 * lock in one JVM only covers that instance. Row locks work the same on PostgreSQL and H2.
 */
@Repository
public class SolveQueueGate {

    private final JdbcClient jdbc;

    public SolveQueueGate(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Waits until no other transaction holds the gate, and holds it until the caller's transaction ends. Outside a
     * transaction the lock would end with the statement and guard nothing: refused.
     */
    public void enter() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the solve queue gate is held by a transaction: none is active");
        }
        jdbc.sql("select id from solve_queue_gate where id = 1 for update").query(Integer.class).single();
    }
}
