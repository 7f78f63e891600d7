package io.careroute.api.store;

import static io.careroute.api.store.JsonText.utc;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The retention of plans (issue 19.3): plans created before a cut-off that are no longer queued or solving are
 * deleted with what hangs on them — publications, events, week days — and problems no plan uses any more. A newer
 * plan that re-planned a deleted one keeps its own documents (only its link back goes). Service records stay: they
 * name their plan by id only (V7_3), for the statistics. In one transaction, so a failure deletes nothing.
 */
@Repository
public class Retention {

    private static final String EXPIRED = "select id from plan where created_at < :cutoff"
            + " and status not in ('QUEUED', 'SOLVING')";

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;

    public Retention(JdbcClient jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Returns how many plans (day plans and week jobs) were deleted. */
    public int deletePlansCreatedBefore(Instant cutoff) {
        Integer deleted = transactions.execute(status -> {
            run("delete from replan_event where plan_id in (" + EXPIRED + ") or replan_id in (" + EXPIRED + ")", cutoff);
            run("delete from publication where plan_id in (" + EXPIRED + ")", cutoff);
            run("update week_day set day_plan_id = null where day_plan_id in (" + EXPIRED + ")", cutoff);
            run("delete from week_day where week_id in (" + EXPIRED + ")", cutoff);
            run("update week_plan set replan_of = null where replan_of in (" + EXPIRED + ")", cutoff);
            run("delete from week_plan where id in (" + EXPIRED + ")", cutoff);
            run("update plan set replan_of = null where replan_of in (" + EXPIRED + ")", cutoff);
            int plans = run("delete from plan where id in (" + EXPIRED + ")", cutoff);
            run("delete from problem where created_at < :cutoff"
                    + " and not exists (select 1 from plan p where p.problem_id = problem.id)", cutoff);
            return plans;
        });
        return deleted == null ? 0 : deleted;
    }

    private int run(String sql, Instant cutoff) {
        return jdbc.sql(sql).param("cutoff", utc(cutoff)).update();
    }
}
