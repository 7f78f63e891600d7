package io.careroute.benchmarks.scale;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.assemble.NetworkSource;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.solve.ReplanDisruption;
import io.careroute.planning.solve.Replanner;
import io.careroute.data.demo.DemoSize;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.VisitType;
import io.careroute.data.problem.WindowDoc;
import io.careroute.data.replan.Change;
import io.careroute.data.replan.EventsDocument;
import io.careroute.data.replan.EventsDocument.Event;
import io.careroute.data.replan.EventsDocument.Type;
import io.careroute.routing.network.RoadNetwork;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.replan.WarmStart;
import io.careroute.solver.solve.SolverSettings;

/**
 * Issue 5's and issue 18's targets: a day of 500 visits and 50 workers plans in at most 30 s with no hard violation;
 * after one urgent visit, and after the busiest worker drops out, it re-plans in at most 5 s, disturbs (moves to
 * another worker, drops, or retimes by more than 15 minutes) at most 10 % of the other open visits and drops no
 * served visit unless a more vulnerable elder gains it ({@link ReplanDisruption}, recomputed from the plans); the
 * urgent visit is assigned and the absent worker's visits are re-assigned or explained. Prints PLAN, URGENT and
 * DROPOUT lines and a TARGET line per target.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.careroute.benchmarks.scale.DispatchScaleBenchmark</pre>
 */
public final class DispatchScaleBenchmark {

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-24T10:00:00+08:00");
    static final int DROPOUTS = 5;

    private DispatchScaleBenchmark() {
    }

    public static void main(String[] args) {
        try (RoadNetwork network = NetworkSource.open(null, NetworkSource.defaultGraphCache())) {
            var roads = network.sharedRoadNodes().stream().map(p -> new double[] {p.lat(), p.lon()}).toList();
            ProblemDocument problem = new DemoStreetGenerator(DemoStreetGenerator.DEFAULT_SEED, DAY, roads).generate(DemoSize.DISPATCH);
            ProblemAssembler assembler = new ProblemAssembler(network, 300);
            CarePlanner planner = new CarePlanner();
            Replanner replanner = new Replanner(assembler, planner);

            long started = System.nanoTime();
            AssembledProblem assembled = assembler.assemble(problem);
            // 28 s of solving leaves time to explain every unassigned visit within the 30 s target.
            CarePlan solved = planner.solve(assembled, new SolverSettings(
                    Duration.ofMillis(28_000 - (System.nanoTime() - started) / 1_000_000), null, 0), best -> { });
            PlanDocument plan = planner.document(assembled, solved, Messages.english());
            System.out.println(String.format(Locale.ROOT, "PLAN visits=%d workers=%d seconds=%.1f hard=%d assigned=%d unassigned=%d score=%s",
                    problem.visits().size(), problem.workers().size(), (System.nanoTime() - started) / 1e9,
                    solved.getScore().hardScore(), plan.totals().assigned(), plan.totals().unassigned(), plan.score()));

            VisitDoc urgent = new VisitDoc("URGENT", problem.elders().get(7).id(), VisitType.EMERGENCY, List.of(), 30,
                    List.of(new WindowDoc(NOW.plusMinutes(15), NOW.plusMinutes(120))), 5, true, 1, null);
            long urgentStarted = System.nanoTime();
            Replanner.Result afterUrgent = timedReplan("URGENT", replanner, problem, plan,
                    new EventsDocument(NOW, List.of(new Event(Type.NEW_VISIT, urgent, null, null, null, null))));
            double urgentSeconds = (System.nanoTime() - urgentStarted) / 1e9;
            boolean assigned = afterUrgent.plan().tasks().stream().anyMatch(t -> t.id().equals("URGENT") && t.assignedTo() != null);
            ReplanDisruption urgentDisruption = ReplanDisruption.measure(plan, afterUrgent, NOW, Set.of("URGENT"));
            System.out.println(String.format(Locale.ROOT, "URGENT assigned=%s %s", assigned, line(urgentDisruption)));

            // One absent worker is a small sample (a run's figures hung on whether they shared a two-worker visit):
            // each of the five busiest drops out in turn, each re-plan from the same published plan.
            List<String> dropouts = plan.workers().stream()
                    .sorted(Comparator.comparingInt((PlanDocument.WorkerRoute w) -> w.totals().tasks()).reversed()
                            .thenComparing(PlanDocument.WorkerRoute::id))
                    .limit(DROPOUTS).map(PlanDocument.WorkerRoute::id).toList();
            double dropoutWorstSeconds = 0;
            double dropoutWorstShare = 0;
            int dropoutUnexcused = 0;
            boolean dropoutAccounted = true;
            for (String dropout : dropouts) {
                Set<String> theirs = plan.workers().stream().filter(w -> w.id().equals(dropout)).flatMap(w -> w.stops().stream())
                        .filter(s -> s.taskId() != null && !s.start().isBefore(NOW)).map(PlanDocument.Stop::taskId)
                        .collect(Collectors.toSet());
                long dropoutStarted = System.nanoTime();
                Replanner.Result afterDropout = timedReplan("DROPOUT", replanner, problem, plan,
                        new EventsDocument(NOW, List.of(new Event(Type.WORKER_UNAVAILABLE, null, dropout, NOW, null, null))));
                dropoutWorstSeconds = Math.max(dropoutWorstSeconds, (System.nanoTime() - dropoutStarted) / 1e9);
                long reassigned = afterDropout.plan().tasks().stream().filter(t -> theirs.contains(t.id()) && t.assignedTo() != null).count();
                long explained = afterDropout.plan().tasks().stream().filter(t -> theirs.contains(t.id()) && t.assignedTo() == null
                        && t.unassignedReason() != null).count();
                ReplanDisruption disruption = ReplanDisruption.measure(plan, afterDropout, NOW, theirs);
                System.out.println(String.format(Locale.ROOT, "DROPOUT worker=%s openVisits=%d twoWorkerParts=%d reassigned=%d explained=%d unaccounted=%d %s",
                        dropout, theirs.size(), afterDropout.plan().tasks().stream()
                                .filter(t -> theirs.contains(t.id()) && t.part() != null).count(),
                        reassigned, explained, theirs.size() - reassigned - explained, line(disruption)));
                dropoutWorstShare = Math.max(dropoutWorstShare, disruption.disturbedPercent());
                dropoutUnexcused += disruption.droppedWithoutGain();
                dropoutAccounted &= theirs.size() == reassigned + explained;
            }

            // The most common event: a worker runs 30 minutes late. Their later visits should stay theirs (a later
            // start costs half a change of worker), the others untouched. No target of the issue: figures, each busy
            // worker in turn, beside the same re-plan without the warm start's repair (Replanner.solve takes out
            // the tasks the delay makes break a hard rule; without it the search mends them by itself).
            double delayWorstShare = 0;
            double delayWorstShareUnrepaired = 0;
            for (String late : dropouts) {
                Set<String> lateOnes = plan.workers().stream().filter(w -> w.id().equals(late)).flatMap(w -> w.stops().stream())
                        .filter(s -> s.taskId() != null && !s.start().isBefore(NOW)).map(PlanDocument.Stop::taskId)
                        .collect(Collectors.toSet());
                EventsDocument delay = new EventsDocument(NOW, List.of(new Event(Type.DELAY, null, late, null, null, 30)));
                for (boolean repaired : List.of(true, false)) {
                    Replanner.Result afterDelay = repaired ? timedReplan("DELAY", replanner, problem, plan, delay)
                            : unrepaired(replanner, planner, assembler, problem, plan, delay);
                    long kept = afterDelay.plan().workers().stream().filter(w -> w.id().equals(late))
                            .flatMap(w -> w.stops().stream()).filter(s -> lateOnes.contains(s.taskId())).count();
                    ReplanDisruption disruption = ReplanDisruption.measure(plan, afterDelay, NOW, lateOnes);
                    System.out.println(String.format(Locale.ROOT, "DELAY worker=%s minutes=30 warmStartRepaired=%s openVisits=%d keptByThem=%d %s",
                            late, repaired, lateOnes.size(), kept, line(disruption)));
                    if (repaired) {
                        delayWorstShare = Math.max(delayWorstShare, disruption.disturbedPercent());
                    } else {
                        delayWorstShareUnrepaired = Math.max(delayWorstShareUnrepaired, disruption.disturbedPercent());
                    }
                }
            }
            System.out.println(String.format(Locale.ROOT, "DELAY worstDisturbedShare=%.1f%% withoutTheRepair=%.1f%%",
                    delayWorstShare, delayWorstShareUnrepaired));

            // Issue 18's re-plan targets, on both re-plans (issue 5 asked the first of the urgent one).
            target("urgent visit assigned", assigned);
            target("urgent re-plan disturbs <= 10 % of the other open visits", urgentDisruption.disturbedPercent() <= 10);
            target("urgent re-plan drops no served visit without a more vulnerable gain", urgentDisruption.droppedWithoutGain() == 0);
            target("urgent re-plan <= 5 s", urgentSeconds <= 5);
            target("dropouts: every open visit of the absent worker re-assigned or explained", dropoutAccounted);
            target("dropout re-plans disturb <= 10 % of the other open visits (worst " + percent(dropoutWorstShare) + ")",
                    dropoutWorstShare <= 10);
            target("dropout re-plans drop no served visit without a more vulnerable gain (" + dropoutUnexcused + " in all)",
                    dropoutUnexcused == 0);
            target("dropout re-plans <= 5 s (slowest " + String.format(Locale.ROOT, "%.1f s", dropoutWorstSeconds) + ")",
                    dropoutWorstSeconds <= 5);
        }
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value);
    }

    private static String line(ReplanDisruption d) {
        return String.format(Locale.ROOT, "otherOpenVisits=%d moved=%d dropped=%d retimedOver15min=%d disturbed=%d disturbedShare=%.1f%% droppedWithoutMoreVulnerableGain=%d",
                d.otherOpen(), d.moved(), d.dropped(), d.retimedOver15(), d.disturbed(), d.disturbedPercent(), d.droppedWithoutGain());
    }

    private static void target(String what, boolean met) {
        System.out.println("TARGET " + (met ? "MET    " : "MISSED ") + what);
    }

    /** As {@link Replanner#replan}, minus the warm start's repair ({@code CarePlanner.releaseBroken} in Replanner.solve). */
    private static Replanner.Result unrepaired(Replanner replanner, CarePlanner planner, ProblemAssembler assembler,
                                               ProblemDocument problem,
                                               PlanDocument plan, EventsDocument events) {
        Replanner.Draft draft = replanner.draft(problem, plan, events, Messages.english());
        AssembledProblem open = assembler.assemble(draft.replan().openProblem(), draft.open(), draft.replan().published());
        WarmStart.apply(open.plan(), draft.replan().warmRoutes());
        Replanner.Prepared prepared = new Replanner.Prepared(draft.replan(), open, draft.messages(), draft.places());
        return replanner.result(prepared, planner.solve(open, new SolverSettings(Duration.ofSeconds(4), null, 0), best -> { }));
    }

    private static Replanner.Result timedReplan(String label, Replanner replanner, ProblemDocument problem, PlanDocument plan,
                                                EventsDocument events) {
        long started = System.nanoTime();
        Replanner.Result result = replanner.replan(problem, plan, events, Messages.english(),
                new SolverSettings(Duration.ofSeconds(4), null, 0));
        System.out.println(String.format(Locale.ROOT, "%s replanSeconds=%.1f hard=%d changes=%d byKind=%s score=%s", label,
                (System.nanoTime() - started) / 1e9, result.solved().getScore().hardScore(), result.changes().size(),
                result.changes().stream().collect(Collectors.groupingBy(Change::change, java.util.TreeMap::new, Collectors.counting())),
                result.plan().score()));
        return result;
    }
}
