package io.careroute.solver.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.fleet.RouteExchange;
import io.careroute.solver.moves.ReturnToBest;
import io.careroute.solver.moves.FleetPhase;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import org.optaplanner.core.impl.solver.DefaultSolver;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;
import org.optaplanner.core.impl.solver.scope.SolverScope;

/**
 * A portfolio: the same problem solved by several solvers at once, each on a copy of its own and with a seed of its
 * own, one thread each; the best answer wins. Why not OptaPlanner's move threads: with late acceptance taking the
 * first accepted move, a step evaluates only a few moves, so a second move thread bought about 6 % more score
 * calculations and the very same search (docs/benchmarks.md, "Two cores"); the search stalls in a basin within a few
 * seconds instead, and a second independent search from another seed often ends in a better one.
 *
 * <p>A listener sees a new best only when it beats every earlier one of the whole portfolio, so progress never goes
 * backwards; ending early ends every member, also one whose solve has not begun yet. Members whose fleet phase
 * recombines routes (VRPTW mode in the benchmarks) join their routes before their last recombination
 * ({@link FleetPhase#joining}) unless kept apart.
 */
public final class PortfolioSolve {

    private final List<Solver<CarePlan>> solvers = new ArrayList<>();
    private final List<CarePlan> copies = new ArrayList<>();
    private final List<Consumer<CarePlan>> listeners = new CopyOnWriteArrayList<>();
    /** Where the members' fleet phases join their routes (see the constructor), or null: one member. */
    private final RouteExchange exchange;
    private HardMediumSoftLongScore best;
    /** Set by {@link #terminateEarly} before it ends the members, read by a member when its solve begins. */
    private volatile boolean terminated;

    /**
     * @param configs one configuration per member (see {@link #seeded}); the first member solves {@code problem}
     *                itself, the others planning clones of it
     */
    public PortfolioSolve(CarePlan problem, List<SolverConfig> configs) {
        this(problem, configs, false);
    }

    /**
     * @param returnToBest whether each member's local search goes back to the best when stuck below it above the soft
     *                     level ({@link ReturnToBest}): a day's plan does, a VRPTW instance does not (there it lost:
     *                     docs/benchmarks.md, "Using the whole budget")
     */
    public PortfolioSolve(CarePlan problem, List<SolverConfig> configs, boolean returnToBest) {
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("a portfolio needs at least one solver configuration");
        }
        // A recombining fleet phase (VRPTW mode in the benchmarks) joins the other members' routes before its last
        // recombination (RouteExchange); one exchange for this solve, so that no stale routes of another come in.
        this.exchange = configs.size() > 1 ? new RouteExchange(configs.size()) : null;
        List<SolverConfig> members = exchange == null ? configs : joining(configs, exchange);
        for (int i = 0; i < members.size(); i++) {
            DefaultSolverFactory<CarePlan> factory = new DefaultSolverFactory<>(members.get(i));
            Solver<CarePlan> solver = factory.buildSolver();
            if (returnToBest) {
                ReturnToBest.install(solver);
            }
            solver.addEventListener(event -> offer(event.getNewBestSolution()));
            ((DefaultSolver<CarePlan>) solver).addPhaseLifecycleListener(new EndIfEnded(solver));
            solvers.add(solver);
            copies.add(i == 0 ? problem : factory.getSolutionDescriptor().getSolutionCloner().cloneSolution(problem));
        }
    }

    /** {@code size} copies of {@code base}, member i with the seed {@code base's seed + i} (member 0 is {@code base}). */
    public static List<SolverConfig> seeded(SolverConfig base, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a portfolio has at least one member, not " + size);
        }
        long seed = base.getRandomSeed() == null ? 0 : base.getRandomSeed();
        List<SolverConfig> configs = new ArrayList<>(size);
        configs.add(base);
        for (int i = 1; i < size; i++) {
            configs.add(reseeded(base, seed + i));
        }
        return configs;
    }

    /** A copy with another seed, VRPTW mode's fleet phase (which draws from its own seed) included. */
    static SolverConfig reseeded(SolverConfig base, long seed) {
        return CarePlanSolverConfig.withFleetPhases(base, fleet -> fleet.withSeed(seed)).withRandomSeed(seed);
    }

    /** The members' configurations with their fleet phases joining their routes through this exchange. */
    static List<SolverConfig> joining(List<SolverConfig> configs, RouteExchange exchange) {
        List<SolverConfig> joined = new ArrayList<>(configs.size());
        for (int i = 0; i < configs.size(); i++) {
            int member = i;
            joined.add(CarePlanSolverConfig.withFleetPhases(configs.get(i), fleet -> fleet.joining(exchange, member)));
        }
        return joined;
    }

    /** The members' solvers, member 0 first (for listeners that want one member's own events). */
    public List<Solver<CarePlan>> solvers() {
        return List.copyOf(solvers);
    }

    /** Sees every solution that beats all earlier ones of the portfolio, a clone no solver touches any more. */
    public void addNewBestListener(Consumer<CarePlan> listener) {
        listeners.add(listener);
    }

    /** Ends every member, at once or, for one whose solve has not begun yet, as soon as it begins. */
    public void terminateEarly() {
        terminated = true;
        solvers.forEach(Solver::terminateEarly);
    }

    /**
     * Solves: member 0 in the calling thread, the others on threads of their own; returns the best answer once every
     * member has ended (the first member's on a tie, so a one-member portfolio is exactly a plain solve).
     */
    public CarePlan solve() {
        int size = solvers.size();
        CarePlan[] answers = new CarePlan[size];
        Throwable[] failures = new Throwable[size];
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i < size; i++) {
            int member = i;
            Thread thread = new Thread(() -> {
                try {
                    answers[member] = solvers.get(member).solve(copies.get(member));
                } catch (Throwable e) {
                    failures[member] = e;
                    terminateEarly();
                } finally {
                    ended(member);
                }
            }, Thread.currentThread().getName() + "-portfolio-" + member);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        try {
            answers[0] = solvers.get(0).solve(copies.get(0));
        } catch (RuntimeException | Error e) {
            terminateEarly();
            ended(0);
            join(threads);
            throw e;
        }
        ended(0);
        join(threads);
        for (Throwable failure : failures) {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
        }
        CarePlan winner = answers[0];
        for (int i = 1; i < size; i++) {
            if (answers[i].getScore().compareTo(winner.getScore()) > 0) {
                winner = answers[i];
            }
        }
        return winner;
    }

    /** A member's solve has ended: the others no longer wait for its routes. */
    private void ended(int member) {
        if (exchange != null) {
            exchange.leave(member);
        }
    }

    private void offer(CarePlan solution) {
        HardMediumSoftLongScore score = solution.getScore();
        synchronized (this) {
            if (best != null && score.compareTo(best) <= 0) {
                return;
            }
            best = score;
            // Under the lock, so that listeners see the portfolio's bests in order.
            listeners.forEach(listener -> listener.accept(solution));
        }
    }

    /**
     * Why: OptaPlanner clears a solver's "terminate early" when its solve begins, so a member whose thread had not
     * reached {@code solve} when the portfolio was ended would run its whole time limit (seen once in
     * PortfolioSolveTest: the calling thread's member had placed every visit, the other member had not begun). The
     * solver's listeners hear "solving started" after that reset: ending it there again cannot be lost, because
     * {@link #terminateEarly} sets {@link #terminated} before it ends the members.
     */
    private final class EndIfEnded extends PhaseLifecycleListenerAdapter<CarePlan> {

        private final Solver<CarePlan> solver;

        EndIfEnded(Solver<CarePlan> solver) {
            this.solver = solver;
        }

        @Override
        public void solvingStarted(SolverScope<CarePlan> solverScope) {
            if (terminated) {
                solver.terminateEarly();
            }
        }
    }

    /** Waits for the other members; an interrupt ends them early (they return their best) and is kept. */
    private void join(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                    terminateEarly();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
