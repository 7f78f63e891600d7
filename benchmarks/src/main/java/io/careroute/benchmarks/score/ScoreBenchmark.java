package io.careroute.benchmarks.score;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.TravelMode;
import io.careroute.solver.domain.TravelTimes;
import io.careroute.solver.domain.Worker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolutionUpdatePolicy;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.domain.variable.descriptor.ListVariableDescriptor;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.ListChangeMove;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.ListSwapMove;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

/**
 * Score calculation on careroute's hot path, one thread, on a solved generated day (meals and visits, real road
 * times) of 200 and 1,000 tasks:
 * <ul>
 *   <li>{@code changeMove}, {@code swapMove}: evaluate one move the way the local search does
 *       ({@code ScoreDirector.doAndProcessMove}: do the move, let the shadow-variable listener re-time the routes,
 *       update the Bavet constraint streams and calculate the score, undo) — moves evaluated per second;</li>
 *   <li>{@code fullScore}: the same score from scratch ({@code SolutionManager.update}: a new score director, every
 *       route re-timed, every constraint stream filled) — the baseline the incremental figures are compared with;</li>
 *   <li>{@code travelTimeLookup}: one travel-time matrix lookup through the solver's {@link TravelTimes} port.</li>
 * </ul>
 * {@link ScoreBenchmarkMain} runs it and prints the incremental/full ratio from the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
public class ScoreBenchmark {

    /** {@code day-200}, {@code day-1000} (generated days), or a VRPTW instance name such as {@code R1_2_1}. */
    @Param({"day-200", "day-1000"})
    public String problem;

    private static final int MOVES = 4096;
    private static final int LOOKUPS = 1024;

    private BenchProblems.Solved solved;
    private InnerScoreDirector<CarePlan, HardMediumSoftLongScore> scoreDirector;
    private CarePlan fullPlan;
    private SolutionManager<CarePlan, HardMediumSoftLongScore> solutionManager;
    private final List<Move<CarePlan>> changes = new ArrayList<>();
    private final List<Move<CarePlan>> swaps = new ArrayList<>();
    private int next;
    private TravelTimes travel;
    private TravelMode[] lookupModes;
    private int[] lookupFrom;
    private int[] lookupTo;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void solveOnce() {
        solved = BenchProblems.solved(problem);
        CarePlan plan = solved.plan();
        DefaultSolverFactory<CarePlan> factory = (DefaultSolverFactory<CarePlan>) SolverFactory.<CarePlan>create(solved.config());
        scoreDirector = (InnerScoreDirector<CarePlan, HardMediumSoftLongScore>) factory.getScoreDirectorFactory()
                .buildScoreDirector(false, false);
        scoreDirector.setWorkingSolution(plan);
        HardMediumSoftLongScore score = scoreDirector.calculateScore();
        solutionManager = SolutionManager.create(factory);
        fullPlan = scoreDirector.cloneSolution(plan);   // its own copy: the move benchmarks work on the other

        ListVariableDescriptor<CarePlan> variable = scoreDirector.getSolutionDescriptor().getListVariableDescriptors().get(0);
        List<Worker> workers = plan.getWorkers().stream().filter(w -> !w.isUnassignedHolder()).toList();
        List<Worker> used = workers.stream().filter(w -> !w.getTasks().isEmpty()).toList();
        SplittableRandom random = new SplittableRandom(20261124L);
        while (changes.size() < MOVES) {
            Worker from = used.get(random.nextInt(used.size()));
            Worker to = workers.get(random.nextInt(workers.size()));
            int fromIndex = random.nextInt(from.getTasks().size());
            int toIndex = random.nextInt(to.getTasks().size() + (to == from ? 0 : 1));
            ListChangeMove<CarePlan> move = new ListChangeMove<>(variable, from, fromIndex, to, toIndex);
            if (move.isMoveDoable(scoreDirector)) {
                changes.add(move);
            }
        }
        while (swaps.size() < MOVES) {
            Worker left = used.get(random.nextInt(used.size()));
            Worker right = used.get(random.nextInt(used.size()));
            ListSwapMove<CarePlan> move = new ListSwapMove<>(variable, left, random.nextInt(left.getTasks().size()),
                    right, random.nextInt(right.getTasks().size()));
            if (move.isMoveDoable(scoreDirector)) {
                swaps.add(move);
            }
        }
        travel = plan.getTravelTimes();
        int places = solved.places();
        lookupModes = new TravelMode[LOOKUPS];
        lookupFrom = new int[LOOKUPS];
        lookupTo = new int[LOOKUPS];
        for (int i = 0; i < LOOKUPS; i++) {
            Worker w = workers.get(random.nextInt(workers.size()));
            lookupModes[i] = w.getMode();
            lookupFrom[i] = random.nextInt(places);
            lookupTo[i] = random.nextInt(places);
        }
        System.out.printf(java.util.Locale.ROOT, "%nSCORE_PROBLEM %s: %d tasks (%d unassigned), %d workers (%d with a route), %d places, "
                + "score %s%n", problem, plan.getTasks().size(), plan.getTasks().stream().filter(t -> t.isUnassigned()).count(),
                workers.size(), used.size(), places, score);
    }

    @TearDown(Level.Trial)
    public void close() {
        scoreDirector.close();
        solved.close();
    }

    @Benchmark
    public HardMediumSoftLongScore changeMove() {
        return scoreDirector.doAndProcessMove(changes.get(next++ & (MOVES - 1)), false);
    }

    @Benchmark
    public HardMediumSoftLongScore swapMove() {
        return scoreDirector.doAndProcessMove(swaps.get(next++ & (MOVES - 1)), false);
    }

    @Benchmark
    public HardMediumSoftLongScore fullScore() {
        return solutionManager.update(fullPlan, SolutionUpdatePolicy.UPDATE_ALL);
    }

    @Benchmark
    @OperationsPerInvocation(LOOKUPS)
    public long travelTimeLookup() {
        long sum = 0;
        for (int i = 0; i < LOOKUPS; i++) {
            sum += travel.seconds(lookupModes[i], lookupFrom[i], lookupTo[i]);
        }
        return sum;
    }
}
