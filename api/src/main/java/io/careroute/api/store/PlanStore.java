package io.careroute.api.store;

import static io.careroute.api.store.JsonText.instant;
import static io.careroute.api.store.JsonText.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.replan.Change;
import io.careroute.data.replan.EventsDocument;
import io.careroute.data.week.WeekDocument;
import io.careroute.api.privacy.DataCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Problems, plans and the events behind re-plans, in the database (H2 by default, PostgreSQL by configuration;
 * schema in {@code db/migration}). A plan row is written when the plan is queued, updated with its best solution
 * while it solves, and completed when it ends, so a restart finds every plan where it was.
 * <p>
 * The documents (problem, plan, task order, routes, changes, events, week) are stored sealed ({@link DocumentSealing}:
 * they name elders and their priority classes); the columns beside them, which lists and the job runner read, hold
 * no personal data.
 */
@Repository
public class PlanStore {

    private static final TypeReference<List<ProgressPoint>> PROGRESS = new TypeReference<>() { };
    private static final TypeReference<Map<String, List<String>>> ROUTES = new TypeReference<>() { };
    private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> GEOJSON = new TypeReference<>() { };

    private static final String PLAN_COLUMNS = """
            id, problem_id, lineage_id, replan_of, status, language, time_limit_ms, created_at, started_at,
            finished_at, updated_at, spent_ms, tasks, score, feasible, unassigned, failure, progress, best_routes,
            plan_document, changes, solved_by, runs, takeovers, solve_until_ms, week_document""";

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final DocumentSealing sealing;

    @Autowired
    public PlanStore(JdbcClient jdbc, TransactionOperations transactions, DataCipher cipher) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sealing = new DocumentSealing(cipher);
    }

    /** For tests that are not about keys: sealed with {@link DataCipher#forTests()}. */
    public PlanStore(JdbcClient jdbc, TransactionOperations transactions) {
        this(jdbc, transactions, DataCipher.forTests());
    }

    /** The sealing of this store's documents, shared with {@link WeekStore} (its days). */
    DocumentSealing sealing() {
        return sealing;
    }

    static String problemContext(String problemId) {
        return DocumentSealing.context("problem", problemId, "document");
    }

    static String planContext(String planId, String column) {
        return DocumentSealing.context("plan", planId, column);
    }

    static String eventsContext(String eventsId) {
        return DocumentSealing.context("replan_event", eventsId, "document");
    }

    /** Stores a queued plan with its problem and, for a re-plan, its events: all or nothing. */
    public void create(NewPlan plan) {
        transactions.executeWithoutResult(status -> {
            ProblemDocument problem = plan.problem();
            jdbc.sql("""
                    insert into problem (id, organisation_id, created_at, plan_date, tasks, workers, document)
                    values (:id, :org, :createdAt, :date, :tasks, :workers, :document)""")
                    .param("id", plan.problemId())
                    .param("org", plan.organisationId())
                    .param("createdAt", utc(plan.createdAt()))
                    .param("date", problem.date())
                    .param("tasks", plan.tasks())
                    .param("workers", problem.workersOrEmpty().size())
                    .param("document", sealing.write(problem, problemContext(plan.problemId())))
                    .update();
            jdbc.sql("""
                    insert into plan (id, organisation_id, problem_id, lineage_id, replan_of, status, language,
                                      time_limit_ms, created_at, updated_at, spent_ms, tasks)
                    values (:id, :org, :problemId, :lineageId, :replanOf, :status, :language, :timeLimitMs,
                            :createdAt, :createdAt, 0, :tasks)""")
                    .param("id", plan.id())
                    .param("org", plan.organisationId())
                    .param("problemId", plan.problemId())
                    .param("lineageId", plan.lineageId())
                    .param("replanOf", plan.replanOf())
                    .param("status", PlanStatus.QUEUED.name())
                    .param("language", plan.language())
                    .param("timeLimitMs", plan.timeLimit().toMillis())
                    .param("createdAt", utc(plan.createdAt()))
                    .param("tasks", plan.tasks())
                    .update();
            if (plan.events() != null) {
                EventsDocument events = plan.events();
                String eventsId = UUID.randomUUID().toString();
                jdbc.sql("""
                        insert into replan_event (id, plan_id, replan_id, received_at, at_time, event_count, document)
                        values (:id, :planId, :replanId, :receivedAt, :at, :count, :document)""")
                        .param("id", eventsId)
                        .param("planId", plan.replanOf())
                        .param("replanId", plan.id())
                        .param("receivedAt", utc(plan.createdAt()))
                        .param("at", events.at())
                        .param("count", events.eventsOrEmpty().size())
                        .param("document", sealing.write(events, eventsContext(eventsId)))
                        .update();
            }
        });
    }

    /**
     * A solver ({@code instance}) takes a queued plan up, or takes over a plan whose solver died or handed it back
     * at shut-down. Empty when the plan is no longer queued or solving (stopped while queued, or ended): there is
     * nothing to solve. The job engine runs one execution of a plan at a time, so two claims do not race; the
     * condition on the previous solver is a guard all the same.
     */
    public Optional<SolveClaim> claim(String id, String instance, Instant at) {
        return transactions.execute(status -> {
            Optional<String[]> current = jdbc.sql("select status, solved_by from plan where id = :id")
                    .param("id", id)
                    .query((rs, n) -> new String[] {rs.getString("status"), rs.getString("solved_by")}).optional();
            if (current.isEmpty() || !PlanStatus.valueOf(current.get()[0]).active()) {
                return Optional.<SolveClaim>empty();
            }
            String previous = current.get()[1];
            boolean takeover = previous != null;
            int claimed = jdbc.sql("""
                    update plan set status = :solving, solved_by = :instance, runs = runs + 1,
                                    takeovers = takeovers + :takeover, started_at = coalesce(started_at, :at),
                                    finished_at = null, failure = null, updated_at = :at
                    where id = :id and status in (:queued, :solving) and\s""" + (takeover ? "solved_by = :previous" : "solved_by is null"))
                    .param("solving", PlanStatus.SOLVING.name()).param("queued", PlanStatus.QUEUED.name())
                    .param("instance", instance).param("takeover", takeover ? 1 : 0).param("at", utc(at))
                    .param("id", id).params(takeover ? Map.of("previous", previous) : Map.of())
                    .update();
            return claimed == 1 ? find(id).map(plan -> new SolveClaim(plan, takeover, previous))
                    : Optional.<SolveClaim>empty();
        });
    }

    /**
     * Queued again, to resume from its best solution until its solving time reaches {@code solveUntil}. Only an
     * interrupted or stopped plan: false when another request resumed it first.
     */
    public boolean requeue(String id, Duration solveUntil, Instant at) {
        return jdbc.sql("""
                update plan set status = :queued, solved_by = null, stop_requested = false,
                                solve_until_ms = :until, updated_at = :at
                where id = :id and status in (:interrupted, :stopped)""")
                .param("queued", PlanStatus.QUEUED.name()).param("until", solveUntil.toMillis())
                .param("interrupted", PlanStatus.INTERRUPTED.name()).param("stopped", PlanStatus.STOPPED.name())
                .param("at", utc(at)).param("id", id)
                .update() == 1;
    }

    /**
     * A solver shutting down gives its plan back: its best solution so far is saved and the plan is queued for the
     * next solver, which takes it over from there. Only the plan's own solver can.
     */
    public boolean handBack(String id, String instance, ProgressSnapshot snapshot, Instant at) {
        return progressUpdate("status = :queued,", id, instance, snapshot, at)
                .param("queued", PlanStatus.QUEUED.name()).update() == 1;
    }

    /** Asks the solver of a solving plan, wherever it runs, to stop it (it looks at every save). */
    public boolean requestStop(String id, Instant at) {
        return jdbc.sql("""
                update plan set stop_requested = true, updated_at = :at where id = :id and status = :solving""")
                .param("solving", PlanStatus.SOLVING.name()).param("at", utc(at)).param("id", id)
                .update() == 1;
    }

    /** The plans {@code instance} solves that someone asked to stop. */
    public List<String> stopsRequested(String instance) {
        return jdbc.sql("""
                select id from plan where solved_by = :instance and status = :solving and stop_requested""")
                .param("instance", instance).param("solving", PlanStatus.SOLVING.name())
                .query(String.class).list();
    }

    /** Plans queued or solving, on every instance, in both lanes. */
    public long activeCount() {
        return jdbc.sql("select count(*) from plan where status in (:queued, :solving)")
                .param("queued", PlanStatus.QUEUED.name()).param("solving", PlanStatus.SOLVING.name())
                .query(Long.class).single();
    }

    /** Plans queued or solving in a lane, on every instance: what the lane's bound counts. */
    public long activeCount(SolveLane lane) {
        return jdbc.sql("select count(*) from plan where status in (:queued, :solving) and " + lane.condition())
                .param("queued", PlanStatus.QUEUED.name()).param("solving", PlanStatus.SOLVING.name())
                .query(Long.class).single();
    }

    /** An organisation's plans queued or solving in a lane, on every instance: what its quota counts. */
    public long activeCount(SolveLane lane, String organisationId) {
        return jdbc.sql("select count(*) from plan where status in (:queued, :solving) and organisation_id = :org and "
                        + lane.condition())
                .param("queued", PlanStatus.QUEUED.name()).param("solving", PlanStatus.SOLVING.name())
                .param("org", organisationId)
                .query(Long.class).single();
    }

    /** Plans with this status, on every instance (the metrics' queue length). */
    public long countWithStatus(PlanStatus status) {
        return jdbc.sql("select count(*) from plan where status = :status").param("status", status.name())
                .query(Long.class).single();
    }

    /**
     * Solving time each solving plan has left in its current run, as of its last save (for Retry-After: when a
     * solver place is likely to free up).
     */
    public List<Duration> solvingTimeLeft(Instant now, SolveLane lane) {
        return jdbc.sql("""
                select spent_ms, coalesce(solve_until_ms, time_limit_ms) as until_ms, updated_at from plan
                where status = :solving and\s""" + lane.condition())
                .param("solving", PlanStatus.SOLVING.name())
                .query((rs, n) -> Duration.ofMillis(rs.getLong("until_ms") - rs.getLong("spent_ms"))
                        .minus(Duration.between(time(rs, "updated_at"), now)))
                .list();
    }

    /** The best solution so far of a plan that is still solving; a plan that has ended is left as it ended. */
    public boolean saveProgress(String id, String instance, ProgressSnapshot snapshot, Instant at) {
        return progressUpdate("", id, instance, snapshot, at).update() == 1;
    }

    /**
     * Sets the snapshot's columns (and {@code moreColumns}) of a plan that {@code instance} is solving. Another
     * instance's solver (one that lost the plan: it was taken for dead and the plan taken over) changes nothing.
     */
    private JdbcClient.StatementSpec progressUpdate(String moreColumns, String id, String instance,
                                                   ProgressSnapshot snapshot, Instant at) {
        return jdbc.sql("update plan set " + moreColumns + """
                 spent_ms = :spentMs, score = :score, feasible = :feasible, unassigned = :unassigned,
                 progress = :progress, best_routes = :bestRoutes, plan_document = :plan, week_document = :week,
                 updated_at = :at
                where id = :id and status = :solving and solved_by = :instance""")
                .param("solving", PlanStatus.SOLVING.name())
                .param("instance", instance)
                .param("spentMs", snapshot.spent().toMillis())
                .param("score", snapshot.score())
                .param("feasible", snapshot.feasible())
                .param("unassigned", snapshot.unassigned())
                .param("progress", JsonText.write(snapshot.progress()))
                .param("bestRoutes", sealing.write(snapshot.bestRoutes(), planContext(id, "best_routes")))
                .param("plan", sealing.write(snapshot.plan(), planContext(id, "plan_document")))
                .param("week", sealing.write(snapshot.week(), planContext(id, "week_document")))
                .param("at", utc(at))
                .param("id", id);
    }

    /**
     * How the solve ended; only a solving plan can end, and only its solver ends it. A week job's days are stored with
     * its end, in the same transaction: a week is never found ended without its days, nor with another run's.
     */
    public boolean finish(String id, String instance, FinishedPlan finished) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean ended = progressUpdate("status = :status, finished_at = :finishedAt, failure = :failure,"
                    + " routes = :routes, changes = :changes, stop_requested = false,", id, instance, finished.last(),
                    finished.finishedAt())
                    .param("status", finished.status().name())
                    .param("finishedAt", utc(finished.finishedAt()))
                    .param("failure", finished.failure())
                    .param("routes", sealing.write(finished.routes(), planContext(id, "routes")))
                    .param("changes", sealing.write(finished.changes(), planContext(id, "changes")))
                    .update() == 1;
            if (ended && !finished.days().isEmpty()) {
                jdbc.sql("delete from week_day where week_id = :id").param("id", id).update();
                for (WeekDayResult day : finished.days()) {
                    jdbc.sql("""
                            insert into week_day (week_id, plan_date, problem, plan_document, task_order, routes)
                            values (:id, :date, :problem, :plan, :order, :routes)""")
                            .param("id", id).param("date", day.date())
                            .param("problem", sealing.write(day.problem(), WeekStore.dayContext(id, day.date(),
                                    "problem")))
                            .param("plan", sealing.write(day.plan(), WeekStore.dayContext(id, day.date(),
                                    "plan_document")))
                            .param("order", sealing.write(day.taskOrder(), WeekStore.dayContext(id, day.date(),
                                    "task_order")))
                            .param("routes", sealing.write(day.routes(), WeekStore.dayContext(id, day.date(),
                                    "routes")))
                            .update();
                }
            }
            return ended;
        }));
    }

    /**
     * A plan solved elsewhere (a day of a published week, cut from its week's solution), stored SOLVED at once with
     * its plan, task order and route geometry, so that it is read, published, re-planned and printed as any plan.
     */
    public void createSolved(NewPlan plan, PlanDocument document, Map<String, List<String>> taskOrder,
                             Map<String, Object> routes) {
        transactions.executeWithoutResult(status -> {
            create(plan);
            jdbc.sql("""
                    update plan set status = :solved, started_at = :at, finished_at = :at, score = :score,
                                    feasible = :feasible, unassigned = :unassigned, best_routes = :order,
                                    plan_document = :plan, routes = :routes
                    where id = :id""")
                    .param("solved", PlanStatus.SOLVED.name()).param("at", utc(plan.createdAt()))
                    .param("score", document.score()).param("feasible", document.feasible())
                    .param("unassigned", document.totals().unassigned())
                    .param("order", sealing.write(taskOrder, planContext(plan.id(), "best_routes")))
                    .param("plan", sealing.write(document, planContext(plan.id(), "plan_document")))
                    .param("routes", sealing.write(routes, planContext(plan.id(), "routes"))).param("id", plan.id())
                    .update();
        });
    }

    /** A queued plan stopped before it started: nothing was solved. */
    public boolean stopQueued(String id, Instant at) {
        return jdbc.sql("""
                update plan set status = :stopped, finished_at = :at, updated_at = :at
                where id = :id and status = :queued""")
                .param("stopped", PlanStatus.STOPPED.name()).param("queued", PlanStatus.QUEUED.name())
                .param("at", utc(at)).param("id", id)
                .update() == 1;
    }

    /**
     * Plans queued or solving that no job will ever take up (they have no execution in their lane's db-scheduler
     * table, {@link SolveLane#table()}): INTERRUPTED, to be resumed by hand. Plans whose solver died are not among
     * them: their execution is revived and another solver takes them over.
     */
    public int interruptOrphans(Instant at) {
        StringBuilder noJob = new StringBuilder();
        for (SolveLane lane : SolveLane.values()) {
            noJob.append(" and not (").append(lane.condition()).append(" and exists (select 1 from ")
                    .append(lane.table()).append(" t where t.task_name = '").append(lane.task())
                    .append("' and t.task_instance = plan.id))");
        }
        return jdbc.sql("update plan set status = :interrupted, updated_at = :at where status in (:queued, :solving)"
                        + noJob)
                .param("interrupted", PlanStatus.INTERRUPTED.name())
                .param("queued", PlanStatus.QUEUED.name()).param("solving", PlanStatus.SOLVING.name())
                .param("at", utc(at))
                .update();
    }

    public Optional<StoredPlan> find(String id) {
        return jdbc.sql("select " + PLAN_COLUMNS + " from plan where id = :id").param("id", id)
                .query(this::storedPlan).optional();
    }

    /** Whose plan it is (empty when there is no such plan). */
    public Optional<String> organisationOf(String planId) {
        return jdbc.sql("select organisation_id from plan where id = :id").param("id", planId)
                .query(String.class).optional();
    }

    public Optional<ProblemDocument> problem(String problemId) {
        return jdbc.sql("select document from problem where id = :id").param("id", problemId)
                .query(String.class).optional()
                .map(stored -> sealing.read(stored, problemContext(problemId), ProblemDocument.class));
    }

    /** The route geometry of a finished plan (empty when the plan is unknown or has none yet). */
    public Optional<Map<String, Object>> routes(String id) {
        return jdbc.sql("select routes from plan where id = :id and routes is not null").param("id", id)
                .query(String.class).optional().map(stored -> sealing.read(stored, planContext(id, "routes"), GEOJSON));
    }

    /** Plans of every organisation, newest first. */
    public Page<PlanSummary> page(int page, int size) {
        return page(null, page, size);
    }

    /**
     * The plans of one organisation (every organisation's when null), newest first. A week job's plan row is the
     * week's, listed with the weeks, not here.
     */
    public Page<PlanSummary> page(String organisationId, int page, int size) {
        String where = " where not exists (select 1 from week_plan w where w.id = p.id)"
                + (organisationId == null ? "" : " and p.organisation_id = :org");
        long total = jdbc.sql("select count(*) from plan p" + where)
                .params(organisationId == null ? Map.of() : Map.of("org", organisationId))
                .query(Long.class).single();
        List<PlanSummary> items = jdbc.sql("""
                select p.id, p.lineage_id, p.replan_of, p.status, q.plan_date, p.created_at, p.updated_at, p.tasks,
                       p.score, p.feasible, p.unassigned
                from plan p join problem q on q.id = p.problem_id""" + where + """
                 order by p.created_at desc, p.id desc
                limit :size offset :offset""")
                .params(organisationId == null ? Map.of() : Map.of("org", organisationId))
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new PlanSummary(rs.getString("id"), rs.getString("lineage_id"),
                        rs.getString("replan_of"), PlanStatus.valueOf(rs.getString("status")),
                        rs.getObject("plan_date", LocalDate.class), time(rs, "created_at"), time(rs, "updated_at"),
                        rs.getInt("tasks"), rs.getString("score"), (Boolean) rs.getObject("feasible"),
                        (Integer) rs.getObject("unassigned")))
                .list();
        return new Page<>(items, page, size, total);
    }

    /** The events that produced a re-plan. */
    public Optional<StoredEvents> eventsOf(String replanId) {
        return jdbc.sql("select id, plan_id, replan_id, received_at, document from replan_event where replan_id = :id")
                .param("id", replanId).query(this::storedEvents).optional();
    }

    /** The events applied to a plan, oldest first. */
    public List<StoredEvents> eventsOn(String planId) {
        return jdbc.sql("""
                select id, plan_id, replan_id, received_at, document from replan_event
                where plan_id = :id order by received_at, id""")
                .param("id", planId).query(this::storedEvents).list();
    }

    private StoredPlan storedPlan(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        return new StoredPlan(id, rs.getString("problem_id"), rs.getString("lineage_id"),
                rs.getString("replan_of"), PlanStatus.valueOf(rs.getString("status")), rs.getString("language"),
                Duration.ofMillis(rs.getLong("time_limit_ms")), time(rs, "created_at"), time(rs, "started_at"),
                time(rs, "finished_at"), time(rs, "updated_at"), Duration.ofMillis(rs.getLong("spent_ms")),
                rs.getInt("tasks"), rs.getString("score"), (Boolean) rs.getObject("feasible"),
                (Integer) rs.getObject("unassigned"), rs.getString("failure"),
                JsonText.read(rs.getString("progress"), PROGRESS),
                sealing.read(rs.getString("best_routes"), planContext(id, "best_routes"), ROUTES),
                sealing.read(rs.getString("plan_document"), planContext(id, "plan_document"), PlanDocument.class),
                sealing.read(rs.getString("changes"), planContext(id, "changes"), CHANGES),
                new SolverRun(rs.getString("solved_by"), rs.getInt("runs"), rs.getInt("takeovers"),
                        rs.getObject("solve_until_ms") == null ? null : Duration.ofMillis(rs.getLong("solve_until_ms"))),
                sealing.read(rs.getString("week_document"), planContext(id, "week_document"), WeekDocument.class));
    }

    private StoredEvents storedEvents(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        return new StoredEvents(id, rs.getString("plan_id"), rs.getString("replan_id"),
                time(rs, "received_at"), sealing.read(rs.getString("document"), eventsContext(id), EventsDocument.class));
    }

    static Instant time(ResultSet rs, String column) throws SQLException {
        return instant(rs.getObject(column, OffsetDateTime.class));
    }
}
