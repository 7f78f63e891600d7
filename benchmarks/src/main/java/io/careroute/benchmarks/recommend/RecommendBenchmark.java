package io.careroute.benchmarks.recommend;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import io.careroute.data.demo.DemoSize;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.VisitType;
import io.careroute.data.problem.WindowDoc;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.assemble.NetworkSource;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.recommend.Recommendations;
import io.careroute.planning.recommend.SlotFinder;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.routing.matrix.MatrixCache;
import io.careroute.routing.network.RoadNetwork;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.solve.SolverSettings;

/**
 * Issue 16's target for offered slots: p95 ≤ 200 ms on a day of 500 visits and 50 workers (the dispatch benchmark's
 * generated day, solved once), one thread. Asks for the top 5 slots for a stream of seeded new calls (an elder of
 * the day, a 2-hour window between 08:00 and 17:00, 30–60 minutes, one in five needing a worker's skill) and times
 * two things per call: the search alone ({@link SlotFinder#find} on the day assembled once, as a server that keeps
 * the published day's travel times does), and the server's whole answer when it assembles the day on every request
 * from its warm matrix cache (snapping every place again, reading every pair from the cache). Prints one RECOMMEND
 * line per measure with p50, p95, max and MET / NOT_MET.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.careroute.benchmarks.recommend.RecommendBenchmark [calls] [solveSeconds]</pre>
 */
public final class RecommendBenchmark {

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final long TARGET_MILLIS = 200;

    private RecommendBenchmark() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int solveSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (RoadNetwork network = NetworkSource.open(null, NetworkSource.defaultGraphCache())) {
            var roads = network.sharedRoadNodes().stream().map(p -> new double[] {p.lat(), p.lon()}).toList();
            ProblemDocument problem = new DemoStreetGenerator(DemoStreetGenerator.DEFAULT_SEED, DAY, roads).generate(DemoSize.DISPATCH);
            ProblemAssembler assembler = new ProblemAssembler(network, 300, new MatrixCache(256L << 20));
            AssembledProblem day = assembler.assemble(problem);
            CarePlanner planner = new CarePlanner();
            CarePlan solved = planner.solve(day, new SolverSettings(Duration.ofSeconds(solveSeconds), null, 0), best -> { });
            PlanDocument plan = planner.document(day, solved, Messages.english());
            System.out.printf(Locale.ROOT, "DAY visits=%d workers=%d assigned=%d score=%s%n", problem.visits().size(),
                    problem.workers().size(), plan.totals().assigned(), plan.score());

            List<VisitDoc> visits = calls(problem, calls + 30);
            SlotFinder finder = new SlotFinder();
            for (VisitDoc visit : visits.subList(0, 30)) {   // warm-up: the JIT, the Bavet node network
                finder.find(assembler.assemble(problem), assembler.weights(), plan, visit, 5);
            }
            long[] search = new long[calls];
            long[] whole = new long[calls];
            long tried = 0;
            int empty = 0;
            for (int i = 0; i < calls; i++) {
                VisitDoc visit = visits.get(30 + i);
                long started = System.nanoTime();
                Recommendations offers = finder.find(day, assembler.weights(), plan, visit, 5);
                search[i] = System.nanoTime() - started;
                started = System.nanoTime();
                finder.find(assembler.assemble(problem), assembler.weights(), plan, visit, 5);
                whole[i] = System.nanoTime() - started;
                tried += offers.tried();
                empty += offers.slots().isEmpty() ? 1 : 0;
            }
            report("search", search, calls, tried, empty);
            report("assembleAndSearch", whole, calls, tried, empty);
        }
    }

    private static void report(String what, long[] nanos, int calls, long tried, int empty) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double p50 = sorted[(int) Math.ceil(0.50 * calls) - 1] / 1e6;
        double p95 = sorted[(int) Math.ceil(0.95 * calls) - 1] / 1e6;
        double max = sorted[calls - 1] / 1e6;
        System.out.printf(Locale.ROOT, "RECOMMEND %s calls=%d p50=%.1fms p95=%.1fms max=%.1fms positionsScoredPerCall=%.0f "
                        + "noSlot=%d target=%dms %s%n", what, calls, p50, p95, max, (double) tried / calls, empty,
                TARGET_MILLIS, p95 <= TARGET_MILLIS ? "MET" : "NOT_MET");
    }

    /** Seeded new calls: an elder of the day, a 2-hour window from 08:00 to 17:00, sometimes a skill. */
    static List<VisitDoc> calls(ProblemDocument problem, int count) {
        SplittableRandom random = new SplittableRandom(20261124L);
        List<String> skills = problem.workers().stream().flatMap(w -> w.skillsOrEmpty().stream())
                .map(WorkerDoc.SkillDoc::skill).distinct().sorted().toList();
        OffsetDateTime eight = OffsetDateTime.parse(DAY + "T08:00:00+08:00");
        List<VisitDoc> visits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String elder = problem.elders().get(random.nextInt(problem.elders().size())).id();
            OffsetDateTime from = eight.plusMinutes(30L * random.nextInt(15));
            List<String> needs = !skills.isEmpty() && random.nextInt(5) == 0
                    ? List.of(skills.get(random.nextInt(skills.size()))) : List.of();
            visits.add(new VisitDoc("CALL" + i, elder, needs.isEmpty() ? VisitType.CHECK_IN : VisitType.CLEANING, needs,
                    30 + 15 * random.nextInt(3), List.of(new WindowDoc(from, from.plusHours(2))), 4, true, 1, null));
        }
        return visits;
    }
}
