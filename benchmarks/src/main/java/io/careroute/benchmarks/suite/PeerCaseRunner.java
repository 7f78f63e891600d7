package io.careroute.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import io.careroute.benchmarks.peers.PeerRun;
import io.careroute.benchmarks.peers.PeerSolver;
import io.careroute.data.vrptw.EuclideanTravelTimes;
import io.careroute.data.vrptw.VrptwInstance;
import io.careroute.data.vrptw.VrptwSolution;
import io.careroute.solver.domain.TravelMode;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Solves one VRPTW instance with a peer solver and reports it as careroute's runs are reported: the same solution
 * file format, the same distance (recomputed in double precision from the routes), the same gap to the best known,
 * and a score on careroute's VRPTW levels (medium: customers left out × 10,000 and vehicles; soft: the distance in
 * units), so the summaries, charts and "gap to run best" treat every solver alike.
 */
final class PeerCaseRunner {

    /** As VrptwPlanFactory weighs a customer left out against vehicles on the medium level. */
    static final long UNSERVED_CUSTOMER_PENALTY = 10_000;

    private final Budget budget;
    private final double progressSeconds;

    PeerCaseRunner(Budget budget, double progressSeconds) {
        if (budget.time() == null) {
            throw new IllegalArgumentException("--peers needs a time budget (--seconds): jsprit and OR-Tools have no step "
                    + "budget that means what careroute's does");
        }
        this.budget = budget;
        this.progressSeconds = progressSeconds;
    }

    RunResult run(VrptwCase problem, PeerSolver peer, long seed, Path solutionFileWithoutExtension, Consumer<String> progress)
            throws IOException {
        VrptwInstance instance = problem.vrptw();
        PeerRun run = peer.solve(instance, budget.time(), seed, progressSeconds, progress);
        VrptwSolution solution = new VrptwSolution(instance, run.routes());
        Path file = solutionFileWithoutExtension.resolveSibling(solutionFileWithoutExtension.getFileName() + ".sol");
        solution.write(file);

        int unserved = instance.customerCount() - solution.served();
        List<ScorePoint> timeline = run.timeline().stream()
                .map(p -> new ScorePoint(p.millis(), p.iteration(), 0, -(p.unserved() * UNSERVED_CUSTOMER_PENALTY + p.vehicles()),
                        -p.distanceUnits()))
                .toList();
        long medium = -(unserved * UNSERVED_CUSTOMER_PENALTY + solution.vehicles());
        long soft = -distanceUnits(instance, run.routes());
        BestKnown best = problem.bestKnown();
        return new RunResult(problem.name(), problem.kind(), peer.name(), seed, instance.customerCount(), solution.served(),
                solution.vehicles(), solution.distance(), "",
                best == null ? null : best.vehicles(), best == null ? null : best.distance(),
                best == null ? null : best.gapPercent(solution.distance()),
                best == null ? null : solution.vehicles() - best.vehicles(), null,
                0, medium, soft, HardMediumSoftLongScore.of(0, medium, soft).toString(),
                run.seconds(), run.secondsToBest(), run.iterations(), run.iterationOfBest(), 0, 0, 0, false,
                file.toString(), null, CaseRunner.thin(timeline));
    }

    /** The distance as careroute's soft score counts it: every leg in units of 1/10,000, rounded up. */
    static long distanceUnits(VrptwInstance instance, List<List<Integer>> routes) {
        EuclideanTravelTimes travel = new EuclideanTravelTimes(instance);
        long total = 0;
        for (List<Integer> route : routes) {
            int at = 0;
            for (int customer : route) {
                total += travel.seconds(TravelMode.CAR, at, customer);
                at = customer;
            }
            total += travel.seconds(TravelMode.CAR, at, 0);
        }
        return total;
    }
}
