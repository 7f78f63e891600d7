package io.careroute.solver.fleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Shortens a fleet's routes without adding one: ruin and recreate after Christiaens and Vanden Berghe, "Slack
 * Induction by String Removals for Vehicle Routing Problems" (Transportation Science 54, 2020). Each iteration takes
 * strings of consecutive customers out of a few routes near a random customer (half of them split: the two ends of a
 * stretch taken, its middle kept), puts them back one by one at the cheapest place that keeps every window and the
 * capacity (skipping a few places at random, their "blinks"), and keeps the result under simulated annealing on the
 * distance; one that cannot place every customer is undone.
 *
 * <p>Why here and not only in the local search: after {@link RouteMinimiser} the routes are nearly full (RC1_2_1 at
 * its best-known 18 vehicles has 42 units of capacity spare in all), so almost no single-stop move is feasible and the
 * local search stopped 22 % above the best known. Taking out whole strings leaves room in a route where a stop or two
 * would not, and an iteration here costs an array lookup per place tried, a few microseconds.
 */
public final class StringRemovals {

    /** Customers removed per iteration on average (SISR's c-bar). */
    static final int AVERAGE_REMOVED = 10;
    /** The longest string taken from one route (SISR's L-max). */
    static final int MAX_STRING = 10;
    /**
     * On routes longer than {@link #MAX_STRING} / this share, the longest string is this share of an average route and
     * the customers removed grow in proportion. 0.4, 0.6 and 0.8 left twelve instances of the long-route classes (C2,
     * R2, RC2) at 1.4 s, four seeds each, 2.42, 1.76 and 2.54 % above the best known, against 3.13 % with SISR's fixed
     * 10; the suite side by side ({@code --config default,fixed-strings}) confirms C2's gain, not R2's and RC2's
     * (docs/benchmarks.md, "Strings on long routes").
     */
    public static final double STRING_SHARE_OF_ROUTE = 0.6;
    /**
     * The chance that a route loses a split string (SISR's split-string removal) rather than a whole one: the customers
     * removed are the two ends of a longer stretch and the customers between them stay, so that a route can swap its
     * ends with a neighbour's and keep its middle. On eighteen Solomon instances at 1.4 s, eight seeds each, the mean gap
     * at the best-known fleet was 3.00 % with whole strings and 2.68 % with 0.5 (RC 4.60 to 3.64 %, R 3.00 to 2.98 %,
     * C 0 both; docs/benchmarks.md, "Split strings"). 0 takes every string whole.
     */
    public static final double SPLIT_CHANCE = 0.5;
    /** The chance of stopping at each customer kept inside a split string (SISR's beta): most keep a long middle. */
    static final double SPLIT_DEPTH = 0.01;
    /** The chance of skipping a place when looking for the cheapest (SISR's blink rate). */
    static final double BLINK = 0.01;
    /** Customers scanned, nearest first, for the routes to ruin. */
    static final int ADJACENT = 60;
    /**
     * The first temperature in multiples of the mean distance from a customer to its nearest neighbour; the last is a
     * hundredth of it, as SISR's 100 and 1. RC1_2_1 at 30 s (seed 0), 80 % of the time to the fleet phase: 3 left it
     * +9.9 % over the best known, 10 +1.6 % and 30 +1.5 %; over the whole sample 10 ended best (mean 0.22 % against
     * 0.34 %, none beyond +1 %). With 40 %, 0.3 and 1 gave +15.6 and +12.8 % (docs/benchmarks.md, "Fewest vehicles,
     * then string removals").
     */
    static final double START_TEMPERATURE_PER_NEAREST = 10;

    private final FleetInstance problem;
    private final Random random;
    private final FleetRoutes routes;
    private final int[][] adjacent;
    private final double startTemperature;
    private final double endTemperature;
    private final double stringShare;
    private double splitChance = SPLIT_CHANCE;
    private long iterations;

    /**
     * @param routes           every customer once, each route feasible (empty ones are dropped: the fleet never grows)
     * @param startTemperature simulated annealing's first temperature, in distance units
     * @param endTemperature   its last, reached at the deadline or the iteration limit
     * @throws IllegalArgumentException naming the route or customer that breaks the first
     */
    public StringRemovals(FleetInstance problem, List<int[]> routes, Random random, double startTemperature,
                          double endTemperature) {
        this(problem, routes, random, startTemperature, endTemperature, STRING_SHARE_OF_ROUTE);
    }

    /**
     * @param stringShare the longest string as a share of an average route, where that is more than
     *                    {@link #MAX_STRING}; 0 keeps SISR's fixed lengths on every route
     */
    public StringRemovals(FleetInstance problem, List<int[]> routes, Random random, double startTemperature,
                          double endTemperature, double stringShare) {
        if (stringShare < 0 || stringShare > 1) {
            throw new IllegalArgumentException("the string share is between 0 and 1, not " + stringShare);
        }
        this.stringShare = stringShare;
        this.problem = problem;
        this.random = random;
        this.startTemperature = startTemperature;
        this.endTemperature = endTemperature;
        this.routes = new FleetRoutes(problem, routes);
        this.adjacent = problem.nearestCustomers(ADJACENT);
    }

    /** Strings split at this chance instead of {@link #SPLIT_CHANCE} (a benchmark's comparison); returns this. */
    public StringRemovals splitting(double chance) {
        if (chance < 0 || chance > 1) {
            throw new IllegalArgumentException("the split chance is between 0 and 1, not " + chance);
        }
        this.splitChance = chance;
        return this;
    }

    /** Annealing from {@link #START_TEMPERATURE_PER_NEAREST} to a hundredth of it, in the instance's distances. */
    public static StringRemovals scaledTo(FleetInstance problem, List<int[]> routes, Random random) {
        return scaledTo(problem, routes, random, STRING_SHARE_OF_ROUTE);
    }

    /** The same with another longest string on long routes (see the constructor). */
    public static StringRemovals scaledTo(FleetInstance problem, List<int[]> routes, Random random, double stringShare) {
        double start = START_TEMPERATURE_PER_NEAREST * problem.averageNearest();
        return new StringRemovals(problem, routes, random, start, start / 100, stringShare);
    }

    /**
     * Searches until the deadline ({@link System#nanoTime()}) or the iteration limit, whichever comes first; the
     * temperature falls with whichever is the nearer.
     *
     * @return the shortest routes found, as many as given or fewer
     */
    public List<int[]> improve(long deadlineNanos, long iterationLimit) {
        long started = System.nanoTime();
        long current = 0;
        for (FleetRoute route : routes.all()) {
            current += routeDistance(route);
        }
        long best = current;
        List<int[]> bestRoutes = routes.snapshot();
        List<FleetRoute> touched = new ArrayList<>();
        List<int[]> saved = new ArrayList<>();
        int[] removed = new int[problem.customers()];
        while (iterations < iterationLimit && problem.customers() > 1) {
            long now = System.nanoTime();
            if (now >= deadlineNanos) {
                break;
            }
            double progress = Math.max(iterationLimit == Long.MAX_VALUE ? 0 : (double) iterations / iterationLimit,
                    deadlineNanos == Long.MAX_VALUE ? 0 : (double) (now - started) / (deadlineNanos - started));
            double temperature = startTemperature <= 0 ? 0
                    : startTemperature * Math.pow(endTemperature / startTemperature, Math.min(1, progress));
            iterations++;
            touched.clear();
            saved.clear();
            int count = ruin(removed, touched, saved);
            boolean complete = recreate(removed, count, touched, saved);
            // saved holds every touched route as it was before the iteration, in the order touched.
            long before = 0;
            long after = 0;
            for (int i = 0; i < touched.size(); i++) {
                before += routeDistance(saved.get(i));
                after += routeDistance(touched.get(i));
            }
            long candidate = current - before + after;
            if (complete && candidate < current - temperature * Math.log(1 - random.nextDouble())) {
                current = candidate;
                if (current < best) {
                    best = current;
                    bestRoutes = routes.snapshot();
                }
            } else {
                for (int i = 0; i < touched.size(); i++) {
                    int[] stops = saved.get(i);
                    touched.get(i).set(stops, stops.length);
                }
                for (FleetRoute route : touched) {
                    routes.changed(route);
                }
            }
        }
        List<int[]> result = new ArrayList<>();
        for (int[] r : bestRoutes) {
            if (r.length > 0) {
                result.add(r);
            }
        }
        return result;
    }

    /** Takes strings out of routes near a random customer; returns how many customers it took. */
    private int ruin(int[] removed, List<FleetRoute> touched, List<int[]> saved) {
        double averageRoute = (double) problem.customers() / Math.max(1, routes.size());
        // SISR's 10 and 10 up to routes of about 17 customers, more on longer ones (see STRING_SHARE_OF_ROUTE): with
        // strings of 10, C206's 33-customer routes could not trade a whole cluster.
        double scale = Math.max(1, averageRoute * stringShare / MAX_STRING);
        double maxString = Math.min(MAX_STRING * scale, averageRoute);
        double maxRoutes = 4.0 * AVERAGE_REMOVED * scale / (1 + maxString) - 1;
        int routesToRuin = (int) (random.nextDouble() * maxRoutes) + 1;
        int seed = 1 + random.nextInt(problem.customers());
        int count = 0;
        for (int i = -1; i < adjacent[seed].length && touched.size() < routesToRuin; i++) {
            int customer = i < 0 ? seed : adjacent[seed][i];
            FleetRoute route = routes.routeOf(customer);
            if (route == null) {
                continue;   // already taken out
            }
            if (touched.contains(route)) {
                continue;
            }
            touch(route, touched, saved);
            int size = route.size();
            int longest = (int) Math.min(size, maxString);
            int length = (int) (random.nextDouble() * longest) + 1;
            // A split string spans length + preserved customers and leaves the preserved ones, a stretch inside it.
            int preserved = 0;
            if (length < size && random.nextDouble() < splitChance) {
                preserved = 1;
                while (length + preserved < size && random.nextDouble() >= SPLIT_DEPTH) {
                    preserved++;
                }
            }
            int span = length + preserved;
            int position = FleetRoutes.positionOf(route, customer);
            int first = Math.max(0, position - span + 1);
            int last = Math.min(position, size - span);
            int start = first + random.nextInt(last - first + 1);
            int keepFrom = start + (preserved == 0 ? length : random.nextInt(length + 1));
            int[] stops = route.stops();
            int[] kept = new int[size - length];
            int next = 0;
            for (int at = 0; at < size; at++) {
                if (at < start || at >= start + span || (at >= keepFrom && at < keepFrom + preserved)) {
                    kept[next++] = stops[at];
                } else {
                    removed[count++] = stops[at];
                    routes.takenOut(stops[at]);
                }
            }
            route.set(kept, kept.length);
            routes.changed(route);
        }
        return count;
    }

    /**
     * Puts the removed customers back, in one of SISR's orders (random, largest demand first, farthest from the depot
     * first, nearest first: weights 4, 4, 2, 1), each at its cheapest feasible place but for the blinks.
     */
    private boolean recreate(int[] removed, int count, List<FleetRoute> touched, List<int[]> saved) {
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = removed[i];
        }
        int kind = random.nextInt(11);
        if (kind < 4) {
            java.util.Collections.shuffle(Arrays.asList(order), random);
        } else if (kind < 8) {
            Arrays.sort(order, (a, b) -> Integer.compare(problem.demand(b), problem.demand(a)));
        } else if (kind < 10) {
            Arrays.sort(order, (a, b) -> Integer.compare(problem.distance(0, b), problem.distance(0, a)));
        } else {
            Arrays.sort(order, (a, b) -> Integer.compare(problem.distance(0, a), problem.distance(0, b)));
        }
        for (int customer : order) {
            FleetRoute bestRoute = null;
            int bestPosition = -1;
            int bestDelta = Integer.MAX_VALUE;
            for (FleetRoute route : routes.all()) {
                if (route.load() + problem.demand(customer) > problem.capacity()) {
                    continue;
                }
                for (int position = 0; position <= route.size(); position++) {
                    if (random.nextDouble() < BLINK) {
                        continue;
                    }
                    int delta = route.insertionDelta(customer, position);
                    if (delta < bestDelta && route.canInsert(customer, position)) {
                        bestDelta = delta;
                        bestRoute = route;
                        bestPosition = position;
                    }
                }
            }
            if (bestRoute == null) {
                return false;
            }
            if (!touched.contains(bestRoute)) {
                touch(bestRoute, touched, saved);
            }
            bestRoute.insert(customer, bestPosition);
            routes.changed(bestRoute);
        }
        return true;
    }

    private static void touch(FleetRoute route, List<FleetRoute> touched, List<int[]> saved) {
        touched.add(route);
        saved.add(route.stops());
    }

    private long routeDistance(FleetRoute route) {
        return routeDistance(route.stops());
    }

    private long routeDistance(int[] stops) {
        long total = 0;
        int at = 0;
        for (int c : stops) {
            total += problem.distance(at, c);
            at = c;
        }
        return stops.length == 0 ? 0 : total + problem.distance(at, 0);
    }
}
