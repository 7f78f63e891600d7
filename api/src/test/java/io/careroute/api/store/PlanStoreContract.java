package io.careroute.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.careroute.data.problem.CoordinateSystemName;
import io.careroute.data.week.WeekDocument;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store against a real database, migrated by the real Flyway scripts. Each database (H2, PostgreSQL) runs
 * these same tests through a subclass that supplies its data source.
 */
abstract class PlanStoreContract {

    static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");

    PlanStore store;
    Publications publications;
    SolverInstances instances;
    JdbcClient jdbc;
    WeekStore weeks;
    RegistryStore registers;
    TransactionTemplate transactions;
    DemoDocuments demo = DemoDocuments.get();

    abstract DataSource dataSource();

    @BeforeEach
    void migrateAndEmpty() {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("delete from week_day").update();
        jdbc.sql("delete from week_plan").update();
        jdbc.sql("delete from registry_version").update();
        jdbc.sql("delete from scheduled_tasks").update();
        jdbc.sql("delete from scheduled_urgent_tasks").update();
        jdbc.sql("delete from solver_instance").update();
        jdbc.sql("delete from replan_event").update();
        jdbc.sql("delete from publication").update();
        jdbc.sql("update plan set replan_of = null").update();
        jdbc.sql("delete from plan").update();
        jdbc.sql("delete from problem").update();
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        store = new PlanStore(jdbc, transactions);
        instances = new SolverInstances(jdbc);
        publications = new Publications(jdbc, transactions);
        this.transactions = transactions;
        weeks = new WeekStore(jdbc, transactions, store, publications);
        registers = new RegistryStore(jdbc, transactions, java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC));
    }

    private NewPlan newPlan(String id, Instant created) {
        return new NewPlan(id, UUID.randomUUID().toString(), demo.problem, id, null, "zh", Duration.ofSeconds(30),
                demo.plan.tasks().size(), created, null);
    }

    private ProgressSnapshot snapshot(Duration spent) {
        return new ProgressSnapshot(spent, demo.score, true, demo.plan.totals().unassigned(),
                List.of(new ProgressPoint(150, "-1hard/0medium/-9soft"), new ProgressPoint(900, demo.score)),
                demo.order, demo.plan);
    }

    private static com.fasterxml.jackson.databind.JsonNode json(Object document) {
        return io.careroute.data.problem.ProblemJson.mapper().valueToTree(document);
    }

    @Test
    void aQueuedPlanReadsBackWithItsProblem() {
        NewPlan plan = newPlan("p1", T0);
        store.create(plan);

        StoredPlan stored = store.find("p1").orElseThrow();
        assertThat(stored.status()).isEqualTo(PlanStatus.QUEUED);
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(stored.lineageId()).isEqualTo("p1");
        assertThat(stored.timeLimit()).isEqualTo(Duration.ofSeconds(30));
        assertThat(stored.tasks()).isEqualTo(97);   // the demo: 95 tasks, two of them two-worker visits (+2 parts)
        assertThat(stored.tasks()).isEqualTo(demo.plan.tasks().size());
        assertThat(stored.plan()).isNull();
        assertThat(store.problem(stored.problemId())).contains(demo.problem);
        assertThat(store.find("nope")).isEmpty();
    }

    @Test
    void progressIsSavedWhileSolvingAndTheEndIsFinal() {
        store.create(newPlan("p1", T0));
        SolveClaim claim = store.claim("p1", "A", T0.plusSeconds(1)).orElseThrow();
        assertThat(claim.takeover()).isFalse();
        assertThat(claim.plan().solver()).isEqualTo(new SolverRun("A", 1, 0, null));
        assertThat(store.saveProgress("p1", "A", snapshot(Duration.ofMillis(900)), T0.plusSeconds(2))).isTrue();

        StoredPlan solving = store.find("p1").orElseThrow();
        assertThat(solving.status()).isEqualTo(PlanStatus.SOLVING);
        assertThat(solving.startedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(solving.spent()).isEqualTo(Duration.ofMillis(900));
        assertThat(solving.score()).isEqualTo(demo.score);
        assertThat(solving.progress()).extracting(ProgressPoint::elapsedMs).containsExactly(150L, 900L);
        assertThat(solving.bestRoutes()).isEqualTo(demo.order);
        assertThat(solving.plan()).isEqualTo(demo.plan);
        assertThat(store.routes("p1")).isEmpty();

        Instant end = T0.plusSeconds(3);
        assertThat(store.finish("p1", "A", new FinishedPlan(PlanStatus.SOLVED, end, snapshot(Duration.ofSeconds(2)),
                demo.routes, demo.changes, null))).isTrue();
        StoredPlan solved = store.find("p1").orElseThrow();
        assertThat(solved.status()).isEqualTo(PlanStatus.SOLVED);
        assertThat(solved.finishedAt()).isEqualTo(end);
        assertThat(solved.changes()).isEqualTo(demo.changes);
        // Arrays come back as lists: compare as JSON.
        assertThat(json(store.routes("p1").orElseThrow())).isEqualTo(json(demo.routes));

        // A late progress save (the saver thread racing the end) must not undo the end.
        assertThat(store.saveProgress("p1", "A", snapshot(Duration.ofMillis(1)), end.plusSeconds(1))).isFalse();
        assertThat(store.find("p1").orElseThrow().spent()).isEqualTo(Duration.ofSeconds(2));
        assertThat(store.claim("p1", "B", end.plusSeconds(2))).isEmpty();   // nothing left to solve
    }

    @Test
    void aPlanWhoseSolverDiedIsTakenOverFromItsSavedBestAndTheOldSolverCanNoLongerWriteIt() {
        store.create(newPlan("p1", T0));
        store.claim("p1", "A", T0.plusSeconds(1)).orElseThrow();
        store.saveProgress("p1", "A", snapshot(Duration.ofMillis(900)), T0.plusSeconds(2));

        // A is gone; its job is revived and B takes the plan up where A's last save left it.
        SolveClaim takeover = store.claim("p1", "B", T0.plusSeconds(9)).orElseThrow();
        assertThat(takeover.takeover()).isTrue();
        assertThat(takeover.previous()).isEqualTo("A");
        assertThat(takeover.plan().status()).isEqualTo(PlanStatus.SOLVING);
        assertThat(takeover.plan().solver()).isEqualTo(new SolverRun("B", 2, 1, null));
        assertThat(takeover.plan().bestRoutes()).isEqualTo(demo.order);
        assertThat(takeover.plan().spent()).isEqualTo(Duration.ofMillis(900));
        assertThat(takeover.plan().startedAt()).isEqualTo(T0.plusSeconds(1));

        // A was only slow, not dead: what it writes now changes nothing.
        assertThat(store.saveProgress("p1", "A", snapshot(Duration.ofSeconds(5)), T0.plusSeconds(10))).isFalse();
        assertThat(store.finish("p1", "A", new FinishedPlan(PlanStatus.SOLVED, T0.plusSeconds(10),
                snapshot(Duration.ofSeconds(5)), demo.routes, null, null))).isFalse();
        assertThat(store.find("p1").orElseThrow().status()).isEqualTo(PlanStatus.SOLVING);

        // A stop asked anywhere is seen by the plan's solver.
        assertThat(store.stopsRequested("B")).isEmpty();
        assertThat(store.requestStop("p1", T0.plusSeconds(11))).isTrue();
        assertThat(store.stopsRequested("B")).containsExactly("p1");
        assertThat(store.stopsRequested("A")).isEmpty();
        assertThat(store.finish("p1", "B", new FinishedPlan(PlanStatus.STOPPED, T0.plusSeconds(12),
                snapshot(Duration.ofSeconds(2)), demo.routes, null, null))).isTrue();
        assertThat(store.stopsRequested("B")).isEmpty();
        assertThat(store.requestStop("p1", T0.plusSeconds(13))).isFalse();   // ended: nothing to stop
    }

    @Test
    void aPlanHandedBackAtShutDownIsQueuedWithItsBestAndTakenOverByTheNextSolver() {
        store.create(newPlan("p1", T0));
        store.claim("p1", "A", T0.plusSeconds(1)).orElseThrow();
        assertThat(store.handBack("p1", "B", snapshot(Duration.ofSeconds(1)), T0.plusSeconds(2))).isFalse();
        assertThat(store.handBack("p1", "A", snapshot(Duration.ofSeconds(1)), T0.plusSeconds(2))).isTrue();
        StoredPlan handedBack = store.find("p1").orElseThrow();
        assertThat(handedBack.status()).isEqualTo(PlanStatus.QUEUED);
        assertThat(handedBack.bestRoutes()).isEqualTo(demo.order);
        assertThat(handedBack.solver().solvedBy()).isEqualTo("A");

        SolveClaim claim = store.claim("p1", "B", T0.plusSeconds(3)).orElseThrow();
        assertThat(claim.takeover()).isTrue();
        assertThat(claim.plan().solver()).isEqualTo(new SolverRun("B", 2, 1, null));
    }

    @Test
    void aStoppedPlanIsResumedOnceWithANewRunLimit() {
        store.create(newPlan("p1", T0));
        store.claim("p1", "A", T0.plusSeconds(1)).orElseThrow();
        store.finish("p1", "A", new FinishedPlan(PlanStatus.STOPPED, T0.plusSeconds(3), snapshot(Duration.ofSeconds(2)),
                demo.routes, null, null));

        assertThat(store.requeue("p1", Duration.ofSeconds(7), T0.plusSeconds(4))).isTrue();
        assertThat(store.requeue("p1", Duration.ofSeconds(7), T0.plusSeconds(4))).isFalse();   // already queued
        StoredPlan queued = store.find("p1").orElseThrow();
        assertThat(queued.status()).isEqualTo(PlanStatus.QUEUED);
        assertThat(queued.solver()).isEqualTo(new SolverRun(null, 1, 0, Duration.ofSeconds(7)));
        SolveClaim claim = store.claim("p1", "B", T0.plusSeconds(5)).orElseThrow();
        assertThat(claim.takeover()).isFalse();   // asked for, not taken over
        assertThat(claim.plan().solver()).isEqualTo(new SolverRun("B", 2, 0, Duration.ofSeconds(7)));
        assertThat(store.activeCount()).isEqualTo(1);
        assertThat(store.solvingTimeLeft(T0.plusSeconds(6), SolveLane.FULL)).containsExactly(Duration.ofSeconds(4));   // 7 − 2 s, 1 s ago
    }

    @Test
    void instancesCountTheirSolverPlacesWhileTheyAreSeen() {
        instances.seen("A", 2, T0, T0);
        instances.seen("B", 1, T0, T0.plusSeconds(5));
        instances.seen("A", 2, T0, T0.plusSeconds(6));
        assertThat(instances.liveSlots(T0.plusSeconds(1))).isEqualTo(3);
        assertThat(instances.liveSlots(T0.plusSeconds(6))).isEqualTo(2);
        instances.remove("A");
        assertThat(instances.liveSlots(T0)).isEqualTo(1);
        assertThat(instances.live(T0)).isEqualTo(1);
    }

    @Test
    void rePlansAreCountedInTheUrgentLaneAndEachOrganisationOnItsOwn() {
        if (jdbc.sql("select count(*) from organisation where id = 'other'").query(Long.class).single() == 0) {
            jdbc.sql("insert into organisation (id, name, code, created_at) values ('other', 'other', 'other', :at)")
                    .param("at", JsonText.utc(T0)).update();
        }
        store.create(newPlan("published", T0));
        store.claim("published", "A", T0);
        store.finish("published", "A", new FinishedPlan(PlanStatus.SOLVED, T0.plusSeconds(1),
                snapshot(Duration.ofSeconds(1)), demo.routes, null, null));
        store.create(newPlan("full", T0.plusSeconds(2)));
        store.create(new NewPlan("other's", UUID.randomUUID().toString(), demo.problem, "other's", null, "zh",
                Duration.ofSeconds(30), 1, T0.plusSeconds(2), null, "other"));
        store.create(new NewPlan("replan", UUID.randomUUID().toString(), demo.problem, "published", "published",
                "zh", Duration.ofSeconds(5), 1, T0.plusSeconds(3), null, NewPlan.DEFAULT_ORGANISATION));
        store.claim("replan", "A", T0.plusSeconds(3));
        store.saveProgress("replan", "A", snapshot(Duration.ofSeconds(2)), T0.plusSeconds(4));

        assertThat(store.activeCount()).isEqualTo(3);
        assertThat(store.activeCount(SolveLane.FULL)).isEqualTo(2);
        assertThat(store.activeCount(SolveLane.URGENT)).isEqualTo(1);
        assertThat(store.activeCount(SolveLane.FULL, "other")).isEqualTo(1);
        assertThat(store.activeCount(SolveLane.FULL, NewPlan.DEFAULT_ORGANISATION)).isEqualTo(1);
        assertThat(store.activeCount(SolveLane.URGENT, "other")).isZero();
        assertThat(store.solvingTimeLeft(T0.plusSeconds(4), SolveLane.URGENT)).containsExactly(Duration.ofSeconds(3));
        assertThat(store.solvingTimeLeft(T0.plusSeconds(4), SolveLane.FULL)).isEmpty();

        // Each lane's job lives in its lane's table: a re-plan with a job there is no orphan; one whose job sits
        // in the other lane's table would never be run, and is.
        jdbc.sql("""
                insert into scheduled_urgent_tasks (task_name, task_instance, execution_time, picked, version)
                values ('solve-replan', 'replan', :at, true, 1)""").param("at", JsonText.utc(T0)).update();
        jdbc.sql("""
                insert into scheduled_urgent_tasks (task_name, task_instance, execution_time, picked, version)
                values ('solve-replan', 'full', :at, false, 1)""").param("at", JsonText.utc(T0)).update();
        jdbc.sql("""
                insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                values ('solve-plan', 'other''s', :at, false, 1)""").param("at", JsonText.utc(T0)).update();
        assertThat(store.interruptOrphans(T0.plusSeconds(60))).isEqualTo(1);
        assertThat(store.find("full").orElseThrow().status()).isEqualTo(PlanStatus.INTERRUPTED);
        assertThat(store.find("replan").orElseThrow().status()).isEqualTo(PlanStatus.SOLVING);
        assertThat(store.find("other's").orElseThrow().status()).isEqualTo(PlanStatus.QUEUED);
    }

    @Test
    void unfinishedPlansWithNoJobAreInterruptedAndKeepTheirBestSolution() {
        store.create(newPlan("queued", T0));
        store.create(newPlan("solving", T0.plusSeconds(1)));
        store.claim("solving", "A", T0.plusSeconds(2));
        store.saveProgress("solving", "A", snapshot(Duration.ofSeconds(1)), T0.plusSeconds(3));
        store.create(newPlan("solved", T0.plusSeconds(4)));
        store.claim("solved", "A", T0.plusSeconds(4));
        store.finish("solved", "A", new FinishedPlan(PlanStatus.SOLVED, T0.plusSeconds(5), snapshot(Duration.ofSeconds(1)),
                demo.routes, null, null));
        store.create(newPlan("withJob", T0.plusSeconds(6)));
        jdbc.sql("""
                insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                values ('solve-plan', 'withJob', :at, false, 1)""").param("at", JsonText.utc(T0)).update();

        assertThat(store.interruptOrphans(T0.plusSeconds(60))).isEqualTo(2);

        assertThat(store.find("queued").orElseThrow().status()).isEqualTo(PlanStatus.INTERRUPTED);
        StoredPlan interrupted = store.find("solving").orElseThrow();
        assertThat(interrupted.status()).isEqualTo(PlanStatus.INTERRUPTED);
        assertThat(interrupted.bestRoutes()).isEqualTo(demo.order);
        assertThat(interrupted.plan()).isEqualTo(demo.plan);
        assertThat(store.find("solved").orElseThrow().status()).isEqualTo(PlanStatus.SOLVED);
        assertThat(store.find("withJob").orElseThrow().status()).isEqualTo(PlanStatus.QUEUED);   // its job will run

        assertThat(store.requeue("solving", Duration.ofSeconds(30), T0.plusSeconds(61))).isTrue();
        assertThat(store.find("solving").orElseThrow().status()).isEqualTo(PlanStatus.QUEUED);
        assertThat(store.stopQueued("solving", T0.plusSeconds(62))).isTrue();
        assertThat(store.find("solving").orElseThrow().status()).isEqualTo(PlanStatus.STOPPED);
        assertThat(store.stopQueued("solved", T0.plusSeconds(62))).isFalse();
    }

    /**
     * db-scheduler on this database's {@code scheduled_tasks} (created by Flyway): a job scheduled now runs, and a
     * job left picked by an instance that stopped heartbeating is revived and run by another.
     */
    @Test
    void theJobEngineRunsJobsAndRevivesTheJobsOfADeadInstance() throws Exception {
        java.util.Set<String> ran = java.util.concurrent.ConcurrentHashMap.newKeySet();
        var task = com.github.kagkarlsson.scheduler.task.helper.Tasks.oneTime("solve-plan")
                .execute((instance, context) -> ran.add(instance.getId()));
        // The dead instance's job: picked 10 s ago, last heartbeat 10 s ago.
        jdbc.sql("""
                insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by,
                                             last_heartbeat, version)
                values ('solve-plan', 'orphan', :at, true, 'dead', :at, 2)""")
                .param("at", JsonText.utc(Instant.now().minusSeconds(10))).update();
        var scheduler = com.github.kagkarlsson.scheduler.Scheduler.create(dataSource(), task)
                .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed("alive"))
                .threads(1).pollingInterval(Duration.ofMillis(100)).heartbeatInterval(Duration.ofMillis(500))
                .missedHeartbeatsLimit(4).build();
        scheduler.start();
        try {
            scheduler.schedule(task.instance("fresh"), Instant.now());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (ran.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            scheduler.stop();
        }
        assertThat(ran).containsExactlyInAnyOrder("fresh", "orphan");
        assertThat(jdbc.sql("select count(*) from scheduled_tasks").query(Long.class).single()).isZero();
    }

    @Test
    void plansArePagedNewestFirst() {
        for (int i = 0; i < 5; i++) {
            store.create(newPlan("p" + i, T0.plus(i, ChronoUnit.MINUTES)));
        }
        Page<PlanSummary> first = store.page(0, 2);
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(first.items()).extracting(PlanSummary::id).containsExactly("p4", "p3");
        assertThat(first.items().get(0).planDate()).isEqualTo(DemoDocuments.DAY);
        assertThat(first.items().get(0).createdAt()).isEqualTo(T0.plus(4, ChronoUnit.MINUTES));
        assertThat(store.page(2, 2).items()).extracting(PlanSummary::id).containsExactly("p0");
        assertThat(store.page(3, 2).items()).isEmpty();
    }

    @Test
    void eventsAreStoredWithTheReplanTheyProducedAndPublicationsCountUp() {
        store.create(newPlan("day", T0));
        assertThat(publications.current("day")).isEmpty();
        Publication first = publications.publish("day", "day", T0.plusSeconds(10));
        assertThat(first.version()).isEqualTo(1);
        assertThat(publications.publish("day", "day", T0.plusSeconds(11))).isEqualTo(first);

        store.create(new NewPlan("re1", UUID.randomUUID().toString(), demo.problem, "day", "day", "en",
                Duration.ofSeconds(5), 95, T0.plusSeconds(20), demo.events));
        StoredEvents events = store.eventsOf("re1").orElseThrow();
        assertThat(events.planId()).isEqualTo("day");
        assertThat(events.events()).isEqualTo(demo.events);
        assertThat(store.eventsOn("day")).extracting(StoredEvents::replanId).containsExactly("re1");
        assertThat(store.find("re1").orElseThrow().replanOf()).isEqualTo("day");
        assertThat(store.find("re1").orElseThrow().language()).isEqualTo("en");

        Publication second = publications.publish("re1", "day", T0.plusSeconds(30));
        assertThat(second.version()).isEqualTo(2);
        assertThat(publications.current("day")).contains(second);
        assertThat(publications.latestOf("day")).contains(first);
        assertThat(publications.latestOf("re1")).contains(second);
    }

    // ---- weeks: a week's job is a plan row; its days are stored with its end and published as day plans ----------

    private static final LocalDate DAY1 = DemoDocuments.DAY;
    private static final LocalDate DAY2 = DemoDocuments.DAY.plusDays(1);

    private void newWeek(String id, Instant created, int registryVersion, String replanOf, LocalDate since,
                         Map<LocalDate, String> publishedDays) {
        // The demo day stands in for the week unfolded into one problem: the store does not look inside it.
        transactions.executeWithoutResult(status -> {
            store.create(newPlan(id, created));
            weeks.create(new NewWeek(id, "default", registryVersion, DAY1, 7, replanOf, since, publishedDays, created));
        });
    }

    private static WeekDocument weekDocument(String score) {
        return new WeekDocument(DAY1, 7, "Asia/Shanghai", CoordinateSystemName.WGS84, score, true,
                List.of(new WeekDocument.CarePlanLine("CP1", "E01", 2, 1,
                        List.of(new WeekDocument.PlannedVisit("CP1@" + DAY1, DAY1, "C01")), "没有合适的人员")),
                new WeekDocument.Continuity(3, 2, 0.667), List.of(new WeekDocument.WorkerLine("C01", 7.5, 10.0)),
                List.of(new WeekDocument.DayLine(DAY1, 97, 95, null, true)));
    }

    private WeekDayResult day(LocalDate date) {
        return new WeekDayResult(date, demo.problem, demo.plan, demo.order, demo.routes);
    }

    @Test
    void aWeekIsSolvedAsAPlanRowAndItsDaysAreStoredWithItsEnd() {
        int version = registers.append("default", null, RegistryStoreContract.V1, "account:test").version();
        newWeek("w1", T0, version, null, null, null);
        assertThat(weeks.isWeek("w1")).isTrue();
        StoredWeek week = weeks.find("w1").orElseThrow();
        assertThat(week.registryVersion()).isEqualTo(version);
        assertThat(week.from()).isEqualTo(DAY1);
        assertThat(week.days()).isEqualTo(7);
        assertThat(week.published()).isFalse();
        // Listed with the weeks, not with the day plans; counted by the queue bound as any plan.
        assertThat(store.page("default", 0, 10).items()).isEmpty();
        assertThat(weeks.page("default", 0, 10).items()).extracting(WeekSummary::id, WeekSummary::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("w1", PlanStatus.QUEUED));
        assertThat(weeks.page("another", 0, 10).items()).isEmpty();
        assertThat(store.activeCount()).isEqualTo(1);

        // Its week.json rides the progress saves: a takeover finds the best so far.
        store.claim("w1", "A", T0.plusSeconds(1)).orElseThrow();
        WeekDocument provisional = weekDocument("-1hard/0medium/-5soft");
        assertThat(store.saveProgress("w1", "A", new ProgressSnapshot(Duration.ofSeconds(1), "-1hard/0medium/-5soft",
                false, 2, List.of(), demo.order, null, provisional), T0.plusSeconds(2))).isTrue();
        assertThat(store.find("w1").orElseThrow().week()).isEqualTo(provisional);
        assertThat(weeks.days("w1")).isEmpty();

        // A solver that lost the week writes neither its end nor its days.
        WeekDocument last = weekDocument("0hard/0medium/-3soft");
        ProgressSnapshot end = new ProgressSnapshot(Duration.ofSeconds(2), "0hard/0medium/-3soft", true, 0, List.of(),
                demo.order, null, last);
        assertThat(store.finish("w1", "B", new FinishedPlan(PlanStatus.SOLVED, T0.plusSeconds(3), end, null, null, null,
                List.of(day(DAY1))))).isFalse();
        assertThat(weeks.days("w1")).isEmpty();
        assertThat(store.finish("w1", "A", new FinishedPlan(PlanStatus.SOLVED, T0.plusSeconds(3), end, null, null, null,
                List.of(day(DAY1), day(DAY2))))).isTrue();
        StoredPlan solved = store.find("w1").orElseThrow();
        assertThat(solved.status()).isEqualTo(PlanStatus.SOLVED);
        assertThat(solved.week()).isEqualTo(last);
        List<StoredWeekDay> days = weeks.days("w1");
        assertThat(days).extracting(d -> d.day().date()).containsExactly(DAY1, DAY2);
        assertThat(days.get(0).day().plan()).isEqualTo(demo.plan);
        assertThat(days.get(0).day().problem()).isEqualTo(demo.problem);
        assertThat(days.get(0).day().taskOrder()).isEqualTo(demo.order);
        assertThat(json(days.get(0).day().routes())).isEqualTo(json(demo.routes));
        assertThat(days).extracting(StoredWeekDay::dayPlanId).containsOnlyNulls();
    }

    @Test
    void aPublishedWeekIsOrdinaryPublishedDayPlansAndItsReplanReplacesTheDaysFromItsDate() {
        int version = registers.append("default", null, RegistryStoreContract.V1, "account:test").version();
        newWeek("w1", T0, version, null, null, null);
        store.claim("w1", "A", T0.plusSeconds(1)).orElseThrow();
        ProgressSnapshot end = new ProgressSnapshot(Duration.ofSeconds(2), demo.score, true, 0, List.of(), demo.order,
                null, weekDocument(demo.score));
        store.finish("w1", "A", new FinishedPlan(PlanStatus.SOLVED, T0.plusSeconds(3), end, null, null, null,
                List.of(day(DAY1), day(DAY2))));

        List<PublishedDay> published = weeks.publish("w1", "zh", T0.plusSeconds(10));
        assertThat(published).extracting(PublishedDay::date).containsExactly(DAY1, DAY2);
        for (PublishedDay day : published) {
            StoredPlan plan = store.find(day.planId()).orElseThrow();
            assertThat(plan.status()).isEqualTo(PlanStatus.SOLVED);
            assertThat(plan.plan()).isEqualTo(demo.plan);
            assertThat(plan.bestRoutes()).isEqualTo(demo.order);
            assertThat(plan.lineageId()).isEqualTo(day.planId());
            assertThat(plan.replanOf()).isNull();
            assertThat(store.problem(plan.problemId())).contains(demo.problem);
            assertThat(json(store.routes(day.planId()).orElseThrow())).isEqualTo(json(demo.routes));
            assertThat(store.organisationOf(day.planId())).contains("default");
            assertThat(day.publication().version()).isEqualTo(1);
            assertThat(publications.current(plan.lineageId()).orElseThrow().planId()).isEqualTo(day.planId());
        }
        assertThat(weeks.find("w1").orElseThrow().publishedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(store.page("default", 0, 10).items()).extracting(PlanSummary::id)
                .containsExactlyInAnyOrder(published.get(0).planId(), published.get(1).planId());
        // Publishing again changes nothing.
        assertThat(weeks.publish("w1", "zh", T0.plusSeconds(20))).isEqualTo(published);
        assertThat(weeks.find("w1").orElseThrow().publishedAt()).isEqualTo(T0.plusSeconds(10));
        Map<LocalDate, String> current = weeks.publishedDayPlans("w1");
        assertThat(current).containsExactly(Map.entry(DAY1, published.get(0).planId()),
                Map.entry(DAY2, published.get(1).planId()));
        assertThat(weeks.publishedWeek(current).days()).containsOnlyKeys(DAY1, DAY2);

        // The rest of the week from its second date, re-planned and published: that date's day gets a new version.
        int changed = registers.append("default", null, RegistryStoreContract.V2, "account:test").version();
        newWeek("w2", T0.plusSeconds(30), changed, "w1", DAY2, current);
        StoredWeek replan = weeks.find("w2").orElseThrow();
        assertThat(replan.replanOf()).isEqualTo("w1");
        assertThat(replan.since()).isEqualTo(DAY2);
        assertThat(replan.publishedDays()).isEqualTo(current);
        store.claim("w2", "A", T0.plusSeconds(31)).orElseThrow();
        store.finish("w2", "A", new FinishedPlan(PlanStatus.SOLVED, T0.plusSeconds(33), end, null, null, null,
                List.of(day(DAY2))));
        List<PublishedDay> replaced = weeks.publish("w2", "en", T0.plusSeconds(40));
        assertThat(replaced).hasSize(1);
        PublishedDay newDay = replaced.get(0);
        assertThat(newDay.publication().lineageId()).isEqualTo(published.get(1).planId());
        assertThat(newDay.publication().version()).isEqualTo(2);
        StoredPlan newPlan = store.find(newDay.planId()).orElseThrow();
        assertThat(newPlan.replanOf()).isEqualTo(published.get(1).planId());
        assertThat(newPlan.language()).isEqualTo("en");
        assertThat(weeks.publishedDayPlans("w2")).containsExactly(Map.entry(DAY1, published.get(0).planId()),
                Map.entry(DAY2, newDay.planId()));
        assertThat(weeks.publishedDayPlans("w1")).containsEntry(DAY2, newDay.planId());
        assertThat(weeks.page("default", 0, 10).items()).extracting(WeekSummary::id).containsExactly("w2", "w1");
    }
}
