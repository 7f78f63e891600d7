package io.careroute.benchmarks.peers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

import com.graphhopper.jsprit.core.algorithm.SearchStrategy;
import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.listener.IterationStartsListener;
import com.graphhopper.jsprit.core.algorithm.termination.PrematureAlgorithmTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TimeWindow;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleType;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.FastVehicleRoutingTransportCostsMatrix;
import com.graphhopper.jsprit.core.util.Solutions;
import io.careroute.data.vrptw.EuclideanTravelTimes;
import io.careroute.data.vrptw.VrptwInstance;

/**
 * jsprit 1.8 ({@code com.graphhopper:jsprit-core}) on a VRPTW instance: a finite fleet of the instance's vehicles,
 * capacity, time windows and service times, careroute's travel units as jsprit's cost and time matrix, and jsprit's
 * default algorithm ({@code Jsprit.Builder}, the same as {@code Jsprit.createAlgorithm}) on one thread with the seed
 * given. Vehicles come first through a fixed cost per vehicle (see {@link VrptwUnits#vehicleFixedCost()}), which
 * jsprit's insertion also weighs ({@code FIXED_COST_PARAM}); the run stops at the wall-clock budget, and the
 * acceptance cools over that time ({@link TimedThresholdAcceptance}).
 */
public final class JspritRunner implements PeerSolver {

    public static final String VERSION = "1.8";
    /** How much jsprit's insertion weighs a new vehicle's fixed cost as the solution fills (its own knob, 0 = off). */
    static final String FIXED_COST_WEIGHT = "1.0";

    @Override
    public String name() {
        return "jsprit";
    }

    @Override
    public String description() {
        return "jsprit-core " + VERSION + ": ruin and recreate with threshold acceptance (jsprit's default algorithm), 1 thread";
    }

    @Override
    public String settings(VrptwInstance instance, long seed) {
        return String.format(Locale.ROOT, """
                jsprit-core %s, Jsprit.Builder defaults (the strategies and shares of Jsprit.createAlgorithm), threads 1, seed %d
                fleet: FINITE, %d vehicles, capacity %d, start and end at the depot within [%s, %s]
                matrix: FastVehicleRoutingTransportCostsMatrix, every leg ceil(Euclidean × 10,000) as time and distance
                cost: 1 per distance unit, fixed cost %,d per vehicle used (every customer's round trip: vehicles first)
                insertion: FIXED_COST_PARAM %s (new vehicles' fixed cost weighed as the solution fills)
                acceptance: threshold, initial 3 %% of the first solution's cost without fixed costs, halving every 15 %% of the time budget
                termination: the wall-clock budget (iterations unbounded)""",
                VERSION, seed, instance.vehicles(), instance.capacity(), instance.depot().ready(), instance.depot().due(),
                new VrptwUnits(instance).vehicleFixedCost(), FIXED_COST_WEIGHT);
    }

    @Override
    public PeerRun solve(VrptwInstance instance, Duration budget, long seed, double progressSeconds, Consumer<String> progress) {
        VrptwUnits units = new VrptwUnits(instance);
        VehicleRoutingProblem problem = problem(instance, units);

        long budgetNanos = budget.toNanos();
        long[] started = {System.nanoTime()};
        TimedThresholdAcceptance acceptance = new TimedThresholdAcceptance(
                () -> (System.nanoTime() - started[0]) / (double) budgetNanos);
        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(problem)
                .setProperty(Jsprit.Parameter.THREADS, "1")
                .setProperty(Jsprit.Parameter.FIXED_COST_PARAM, FIXED_COST_WEIGHT)
                .setCustomAcceptor(acceptance)
                .setRandom(new Random(seed))
                .buildAlgorithm();
        algorithm.addListener(acceptance);
        algorithm.setMaxIterations(Integer.MAX_VALUE);
        BestTracker tracker = new BestTracker(progressSeconds, units, started, budgetNanos, progress);
        algorithm.addListener(tracker);
        algorithm.setPrematureAlgorithmTermination(tracker);

        started[0] = System.nanoTime();
        Collection<VehicleRoutingProblemSolution> solutions = algorithm.searchSolutions();
        double seconds = (System.nanoTime() - started[0]) / 1e9;
        List<List<Integer>> routes = routes(Solutions.bestOf(solutions));
        return new PeerRun(routes, seconds, tracker.millisOfBest / 1000.0, tracker.iterations, tracker.iterationOfBest,
                List.copyOf(tracker.timeline));
    }

    static VehicleRoutingProblem problem(VrptwInstance instance, VrptwUnits units) {
        int size = units.size();
        FastVehicleRoutingTransportCostsMatrix.Builder matrix = FastVehicleRoutingTransportCostsMatrix.Builder.newInstance(size, false);
        for (int from = 0; from < size; from++) {
            for (int to = 0; to < size; to++) {
                matrix.addTransportTimeAndDistance(from, to, units.leg(from, to), units.leg(from, to));
            }
        }
        VehicleType type = VehicleTypeImpl.Builder.newInstance("solomon")
                .addCapacityDimension(0, instance.capacity())
                .setCostPerDistance(1).setCostPerTransportTime(0).setCostPerWaitingTime(0)
                .setFixedCost(units.vehicleFixedCost()).build();
        Location depot = location(0);
        VehicleRoutingProblem.Builder builder = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.FINITE)
                .setRoutingCost(matrix.build());
        for (int v = 1; v <= instance.vehicles(); v++) {
            builder.addVehicle(VehicleImpl.Builder.newInstance("V" + v).setType(type).setStartLocation(depot)
                    .setReturnToDepot(true).setEarliestStart(units.ready(0)).setLatestArrival(units.due(0)).build());
        }
        for (int node = 1; node < size; node++) {
            builder.addJob(Service.Builder.newInstance(Integer.toString(instance.customers().get(node).id()))
                    .addSizeDimension(0, units.demand(node)).setLocation(location(node))
                    .setServiceTime(units.service(node)).setTimeWindow(TimeWindow.newInstance(units.ready(node), units.due(node)))
                    .build());
        }
        return builder.build();
    }

    private static Location location(int node) {
        return Location.Builder.newInstance().setIndex(node).setId(Integer.toString(node)).build();
    }

    static List<List<Integer>> routes(VehicleRoutingProblemSolution solution) {
        List<List<Integer>> routes = new ArrayList<>();
        for (VehicleRoute route : solution.getRoutes()) {
            List<Integer> customers = new ArrayList<>();
            for (TourActivity activity : route.getActivities()) {
                if (activity instanceof TourActivity.JobActivity job) {
                    customers.add(Integer.valueOf(job.getJob().getId()));
                }
            }
            if (!customers.isEmpty()) {
                routes.add(customers);
            }
        }
        return routes;
    }

    /**
     * Stops the search at the budget and records each new best. jsprit asks its termination about every discovered
     * solution, accepted or not, just before it keeps the best ever: the same solutions, the same order.
     */
    private static final class BestTracker implements PrematureAlgorithmTermination, IterationStartsListener {
        private final VrptwUnits units;
        private final long[] started;
        private final long budgetNanos;
        private final Consumer<String> progress;
        private final List<PeerRun.Point> timeline = new ArrayList<>();
        private double bestCost = Double.POSITIVE_INFINITY;
        private long iterations;
        private long iterationOfBest;
        private long millisOfBest;
        private long lastProgress;
        private final long progressNanos;

        BestTracker(double progressSeconds, VrptwUnits units, long[] started, long budgetNanos, Consumer<String> progress) {
            this.units = units;
            this.started = started;
            this.budgetNanos = budgetNanos;
            this.progress = progress;
            this.progressNanos = (long) (progressSeconds * 1e9);
        }

        @Override
        public void informIterationStarts(int i, VehicleRoutingProblem problem, Collection<VehicleRoutingProblemSolution> solutions) {
            if (i == 1) {
                // The construction's solution, before the first iteration.
                solutions.forEach(s -> offer(s, 0));
            }
        }

        @Override
        public boolean isPrematureBreak(SearchStrategy.DiscoveredSolution discovered) {
            iterations++;
            offer(discovered.getSolution(), iterations);
            long elapsed = System.nanoTime() - started[0];
            if (progressNanos > 0 && elapsed - lastProgress >= progressNanos) {
                lastProgress = elapsed;
                PeerRun.Point best = timeline.get(timeline.size() - 1);
                progress.accept(String.format(Locale.ROOT, "%.0f s, iteration %,d, best %d vehicles, %.2f", elapsed / 1e9,
                        iterations, best.vehicles(), best.distanceUnits() / (double) EuclideanTravelTimes.SCALE));
            }
            return elapsed >= budgetNanos;
        }

        private void offer(VehicleRoutingProblemSolution solution, long iteration) {
            if (solution.getCost() < bestCost) {
                bestCost = solution.getCost();
                iterationOfBest = iteration;
                millisOfBest = (System.nanoTime() - started[0]) / 1_000_000;
                List<List<Integer>> routes = routes(solution);
                timeline.add(new PeerRun.Point(millisOfBest, iteration, routes.size(), solution.getUnassignedJobs().size(),
                        units.distanceUnits(routes)));
            }
        }
    }
}
