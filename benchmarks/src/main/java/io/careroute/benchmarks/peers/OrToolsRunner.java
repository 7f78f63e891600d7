package io.careroute.benchmarks.peers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import com.google.ortools.Loader;
import com.google.ortools.constraintsolver.Assignment;
import com.google.ortools.constraintsolver.FirstSolutionStrategy;
import com.google.ortools.constraintsolver.LocalSearchMetaheuristic;
import com.google.ortools.constraintsolver.RoutingDimension;
import com.google.ortools.constraintsolver.RoutingIndexManager;
import com.google.ortools.constraintsolver.RoutingModel;
import com.google.ortools.constraintsolver.RoutingSearchParameters;
import com.google.ortools.constraintsolver.main;
import io.careroute.data.vrptw.EuclideanTravelTimes;
import io.careroute.data.vrptw.VrptwInstance;

/**
 * Google OR-Tools' routing solver ({@code com.google.ortools:ortools-java}) on a VRPTW instance, set up as its own
 * VRPTW examples do: a capacity dimension, a time dimension whose transit is the service time at the origin plus the
 * leg (waiting allowed up to the horizon), each customer's window on its cumul, the depot's window on every vehicle's
 * start and end; the first solution by {@code PATH_CHEAPEST_ARC}, then {@code GUIDED_LOCAL_SEARCH} until the time
 * limit. Legs are careroute's travel units (integers, as OR-Tools needs), and vehicles come first through a fixed
 * cost per vehicle ({@link VrptwUnits#vehicleFixedCost()}); every customer is a disjunction with a larger penalty, so
 * a first solution exists on tight windows and serving everyone still comes first. The routing solver is
 * single-threaded.
 */
public final class OrToolsRunner implements PeerSolver {

    /** A customer left out costs this many vehicles' fixed costs (more than the 2 a vehicle of its own could cost). */
    static final long DROP_PENALTY_IN_FIXED_COSTS = 4;

    private static boolean loaded;

    @Override
    public String name() {
        return "ortools";
    }

    @Override
    public String description() {
        return "OR-Tools " + version() + " routing: PATH_CHEAPEST_ARC, then guided local search, 1 thread";
    }

    /** The version of the ortools-java jar on the class path (from its manifest or Maven properties). */
    public static String version() {
        String version = Loader.class.getPackage().getImplementationVersion();
        return version != null ? version : MavenVersion.of("com.google.ortools", "ortools-java", Loader.class);
    }

    @Override
    public String settings(VrptwInstance instance, long seed) {
        return String.format(Locale.ROOT, """
                ortools-java %s, RoutingModel, %d vehicles, depot node 0 (the seed is not used: the search is deterministic)
                transits as matrices and a vector held by the native solver (registerTransitMatrix, registerUnaryTransitVector)
                capacity dimension: demand per node, capacity %d per vehicle
                time dimension: transit = service at the origin + ceil(Euclidean × 10,000), slack and horizon %d units, \
                windows on every customer's cumul, the depot's window on every start and end
                arc cost: the leg in units; fixed cost %,d per vehicle used (every customer's round trip: vehicles first)
                a customer may be left out at %d × the fixed cost (a disjunction each: PATH_CHEAPEST_ARC needs it to start on tight windows)
                search: first solution PATH_CHEAPEST_ARC, metaheuristic GUIDED_LOCAL_SEARCH, time limit = the budget""",
                version(), instance.vehicles(), instance.capacity(), EuclideanTravelTimes.toUnits(instance.depot().due()),
                new VrptwUnits(instance).vehicleFixedCost(), DROP_PENALTY_IN_FIXED_COSTS);
    }

    @Override
    public PeerRun solve(VrptwInstance instance, Duration budget, long seed, double progressSeconds, Consumer<String> progress) {
        load();
        VrptwUnits units = new VrptwUnits(instance);
        int size = units.size();
        int vehicles = instance.vehicles();
        RoutingIndexManager manager = new RoutingIndexManager(size, vehicles, 0);
        RoutingModel routing = new RoutingModel(manager);

        // Matrices and vectors held by the native solver, not Java callbacks: no call back into the JVM per arc.
        long[][] legs = new long[size][size];
        long[][] serviceAndLeg = new long[size][size];
        long[] demands = new long[size];
        for (int from = 0; from < size; from++) {
            demands[from] = units.demand(from);
            for (int to = 0; to < size; to++) {
                legs[from][to] = units.leg(from, to);
                serviceAndLeg[from][to] = units.service(from) + units.leg(from, to);
            }
        }
        int distance = routing.registerTransitMatrix(legs);
        routing.setArcCostEvaluatorOfAllVehicles(distance);
        long fixedCost = units.vehicleFixedCost();
        routing.setFixedCostOfAllVehicles(fixedCost);

        int demand = routing.registerUnaryTransitVector(demands);
        long[] capacities = new long[vehicles];
        Arrays.fill(capacities, instance.capacity());
        routing.addDimensionWithVehicleCapacity(demand, 0, capacities, true, "Capacity");

        int time = routing.registerTransitMatrix(serviceAndLeg);
        long horizon = units.due(0);
        routing.addDimension(time, horizon, horizon, false, "Time");
        RoutingDimension times = routing.getMutableDimension("Time");
        for (int node = 1; node < size; node++) {
            times.cumulVar(manager.nodeToIndex(node)).setRange(units.ready(node), units.due(node));
        }
        for (int v = 0; v < vehicles; v++) {
            times.cumulVar(routing.start(v)).setRange(units.ready(0), units.due(0));
            times.cumulVar(routing.end(v)).setRange(units.ready(0), units.due(0));
        }
        // Every customer may be left out at a penalty, or PATH_CHEAPEST_ARC finds no first solution at all on tight
        // windows (R101, RC101, R1_2_1: ROUTING_FAIL_TIMEOUT after the whole budget). The penalty outweighs a vehicle of
        // its own plus its round trip (at most twice the fixed cost), so serving everyone still comes first.
        long dropPenalty = DROP_PENALTY_IN_FIXED_COSTS * fixedCost;
        for (int node = 1; node < size; node++) {
            routing.addDisjunction(new long[] {manager.nodeToIndex(node)}, dropPenalty);
        }

        long nanos = budget.toNanos();
        RoutingSearchParameters parameters = main.defaultRoutingSearchParameters().toBuilder()
                .setFirstSolutionStrategy(FirstSolutionStrategy.Value.PATH_CHEAPEST_ARC)
                .setLocalSearchMetaheuristic(LocalSearchMetaheuristic.Value.GUIDED_LOCAL_SEARCH)
                .setTimeLimit(com.google.protobuf.Duration.newBuilder().setSeconds(nanos / 1_000_000_000L)
                        .setNanos((int) (nanos % 1_000_000_000L)).build())
                .setLogSearch(false)
                .build();

        long started = System.nanoTime();
        BestTracker tracker = new BestTracker(progressSeconds, routing, manager, size, vehicles, fixedCost, dropPenalty, started, progress);
        routing.addAtSolutionCallback(tracker::solutionFound);
        Assignment solution = routing.solveWithParameters(parameters);
        double seconds = (System.nanoTime() - started) / 1e9;

        List<List<Integer>> routes = new ArrayList<>();
        if (solution != null) {
            for (int v = 0; v < vehicles; v++) {
                List<Integer> route = new ArrayList<>();
                for (long index = solution.value(routing.nextVar(routing.start(v))); !routing.isEnd(index);
                     index = solution.value(routing.nextVar(index))) {
                    route.add(instance.customers().get(manager.indexToNode(index)).id());
                }
                if (!route.isEmpty()) {
                    routes.add(route);
                }
            }
        }
        return new PeerRun(routes, seconds, tracker.millisOfBest / 1000.0, tracker.solutions, tracker.solutionOfBest,
                List.copyOf(tracker.timeline));
    }

    @Override
    public void prepare() {
        load();
    }

    private static synchronized void load() {
        if (!loaded) {
            try {
                Loader.loadNativeLibraries();   // unpacks the linux-x86-64 library once per JVM: outside the timed search
            } catch (RuntimeException | LinkageError e) {
                throw new IllegalStateException("OR-Tools cannot run here: its native library for " + System.getProperty("os.name")
                        + " " + System.getProperty("os.arch") + " did not load (the benchmarks module ships the linux-x86-64 one only; "
                        + "see docs/dependencies.md): " + e.getMessage(), e);
            }
            loaded = true;
        }
    }

    /** Called by OR-Tools at every solution the search finds (each improving move of the local search). */
    private static final class BestTracker {
        private final RoutingModel routing;
        private final RoutingIndexManager manager;
        private final int size;
        private final int vehicles;
        private final long fixedCost;
        private final long dropPenalty;
        private final long started;
        private final Consumer<String> progress;
        private final List<PeerRun.Point> timeline = new ArrayList<>();
        private long bestCost = Long.MAX_VALUE;
        private long solutions;
        private long solutionOfBest;
        private long millisOfBest;
        private long lastProgress;
        private final long progressNanos;

        BestTracker(double progressSeconds, RoutingModel routing, RoutingIndexManager manager, int size, int vehicles, long fixedCost,
                    long dropPenalty, long started, Consumer<String> progress) {
            this.routing = routing;
            this.manager = manager;
            this.size = size;
            this.vehicles = vehicles;
            this.fixedCost = fixedCost;
            this.dropPenalty = dropPenalty;
            this.started = started;
            this.progress = progress;
            this.progressNanos = (long) (progressSeconds * 1e9);
        }

        void solutionFound() {
            solutions++;
            long cost = routing.costVar().value();
            long elapsed = System.nanoTime() - started;
            if (cost < bestCost) {
                bestCost = cost;
                solutionOfBest = solutions;
                millisOfBest = elapsed / 1_000_000;
                int used = 0;
                for (int v = 0; v < vehicles; v++) {
                    if (!routing.isEnd(routing.nextVar(routing.start(v)).value())) {
                        used++;
                    }
                }
                int unserved = 0;
                for (int node = 1; node < size; node++) {
                    if (routing.activeVar(manager.nodeToIndex(node)).value() == 0) {
                        unserved++;
                    }
                }
                timeline.add(new PeerRun.Point(millisOfBest, solutions, used, unserved, cost - used * fixedCost - unserved * dropPenalty));
            }
            if (progressNanos > 0 && elapsed - lastProgress >= progressNanos && !timeline.isEmpty()) {
                lastProgress = elapsed;
                PeerRun.Point best = timeline.get(timeline.size() - 1);
                progress.accept(String.format(Locale.ROOT, "%.0f s, solution %,d, best %d vehicles, %.2f", elapsed / 1e9,
                        solutions, best.vehicles(), best.distanceUnits() / (double) EuclideanTravelTimes.SCALE));
            }
        }
    }
}
