package io.careroute.solver.fleet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Takes routes away one at a time with an ejection pool, after Nagata and Bräysy, "A powerful route minimization
 * heuristic for the vehicle routing problem with time windows" (Operations Research Letters 37, 2009), without their
 * squeeze step.
 *
 * <p>Why: the local search removes a route only when every stop of it fits elsewhere as the other routes stand (route
 * elimination) or when moves one stop at a time happen to empty it; on tight instances (RC101, RC1_2_1, R1_2_1) it
 * ended a vehicle above the best known in every run. Here a route's customers go to a pool; each one taken from the
 * pool goes where it fits, or else in place of one to three customers of a route, those with the fewest failed
 * attempts of their own (a count each customer keeps for the attempt), who go back to the pool; random feasible
 * moves between nearby routes after each ejection change the routes the next customer meets. When the pool empties the plan has one
 * route fewer; when time runs out first, the last plan with every customer served stands.
 */
public final class RouteMinimiser {

    /** Customers ejected at most per insertion (Nagata and Bräysy use up to 5 with a faster search of the subsets). */
    static final int MAX_EJECTED = 3;
    /** A route longer than this ejects at most two: the subsets of three grow with the cube of its length. */
    static final int LONG_ROUTE = 30;
    /** Random moves tried after each ejection (Nagata and Bräysy: 1,000, with a faster search around them). */
    static final int PERTURBATION_MOVES = 100;
    /**
     * An attempt to remove one more route gives up after this many iterations per customer. On the nine instances of
     * the VRPTW sample every successful removal took under 20 per customer (C1_2_1's last, 3,500 on 200 customers; all
     * in under 0.3 s); without a cap, the attempt below the best-known fleet took the whole time share.
     */
    static final int ATTEMPT_ITERATIONS_PER_CUSTOMER = 50;
    /**
     * Attempts at the same fleet size, each from the last complete plan with another route drawn to remove, before the
     * minimiser gives up. From one customer a route, one attempt left RC101 at 15 routes on 10 of 20 seeds (the best
     * known is 14), three on 3 of 20; three attempts of 20 iterations a customer instead, on 8 of 20.
     */
    static final int ATTEMPTS_PER_FLEET = 3;
    /**
     * A new attempt at the same fleet size starts only within this share of the time given. A failed attempt below the
     * best-known fleet costs about 2.5 s on R1_2_1 and 0.2 s on RC101: at 30 s (9 s for the minimiser) R1_2_1's is not
     * repeated, RC101's is, twice. With a third instead, R1_2_1 took 5.3 s for the same 20 routes, time the string
     * removals lacked.
     */
    static final double RETRY_SHARE = 1.0 / 6;
    /** The nearest customers a perturbing move pairs a customer with. */
    static final int NEIGHBOURS = 20;

    private final FleetInstance problem;
    private final Random random;
    private final FleetRoutes routes;
    private final int[][] near;
    private final int[] penalty;
    private final EjectionSearch search;
    private long iterations;

    /**
     * @param routes every customer once, each route feasible
     * @throws IllegalArgumentException naming the route or customer that breaks this
     */
    public RouteMinimiser(FleetInstance problem, List<int[]> routes, Random random) {
        this.problem = problem;
        this.random = random;
        this.routes = new FleetRoutes(problem, routes);
        this.penalty = new int[problem.customers() + 1];
        this.near = problem.nearestCustomers(NEIGHBOURS);
        this.search = new EjectionSearch(problem);
    }

    /**
     * Removes routes until the lower bound, the deadline ({@link System#nanoTime()}), the iteration limit (customers
     * taken from the pool, over all attempts) or {@link #ATTEMPTS_PER_FLEET} failed attempts in a row (fewer on a
     * clock: {@link #RETRY_SHARE}).
     *
     * @return the routes of the last plan that served every customer
     */
    public List<int[]> minimise(long deadlineNanos, long iterationLimit) {
        int floor = problem.vehicleLowerBound();
        long started = System.nanoTime();
        long retriesUntil = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE
                : started + (long) ((deadlineNanos - started) * RETRY_SHARE);
        int failed = 0;
        while (routes.size() > floor && failed < ATTEMPTS_PER_FLEET) {
            List<int[]> before = routes.snapshot();
            if (removeOneRoute(deadlineNanos, iterationLimit)) {
                failed = 0;
            } else {
                routes.restore(before);
                failed++;
                if (iterations >= iterationLimit || System.nanoTime() >= retriesUntil) {
                    break;
                }
            }
        }
        return routes.snapshot();
    }

    private boolean removeOneRoute(long deadlineNanos, long iterationLimit) {
        long attemptEnd = iterations + (long) ATTEMPT_ITERATIONS_PER_CUSTOMER * problem.customers();
        Deque<Integer> pool = new ArrayDeque<>();
        FleetRoute removed = routes.removeAt(random.nextInt(routes.size()));
        for (int k = 0; k < removed.size(); k++) {
            pool.push(removed.stop(k));
        }
        Arrays.fill(penalty, 1);
        while (!pool.isEmpty()) {
            if (iterations >= iterationLimit || iterations >= attemptEnd || System.nanoTime() >= deadlineNanos) {
                return false;
            }
            iterations++;
            int customer = pool.pop();
            if (insertCheapest(customer)) {
                continue;
            }
            penalty[customer]++;
            if (!insertEjecting(customer, pool)) {
                pool.addLast(customer);   // nowhere even with ejections: try it again after the others
            }
            perturb();
        }
        return true;
    }

    /** Puts a customer where it adds the least distance among the places it fits; false when it fits nowhere. */
    private boolean insertCheapest(int customer) {
        int due = problem.due(customer);
        FleetRoute bestRoute = null;
        int bestPosition = -1;
        int bestDelta = Integer.MAX_VALUE;
        for (FleetRoute route : routes.all()) {
            if (route.load() + problem.demand(customer) > problem.capacity()) {
                continue;
            }
            // As the string removals' recreation: only the places between the first the rest of the route leaves
            // room for and the first left after the customer's window closes can take it, so the others are not tried.
            for (int position = route.firstOpenPosition(customer); position <= route.size(); position++) {
                if (route.departureBefore(position) > due) {
                    break;
                }
                if (route.canInsert(customer, position)) {
                    int delta = route.insertionDelta(customer, position);
                    if (delta < bestDelta) {
                        bestDelta = delta;
                        bestRoute = route;
                        bestPosition = position;
                    }
                }
            }
        }
        if (bestRoute == null) {
            return false;
        }
        bestRoute.insert(customer, bestPosition);
        routes.changed(bestRoute);
        return true;
    }

    /**
     * Puts a customer in a route in place of one to {@link #MAX_EJECTED} of its customers, choosing the ejection with
     * the smallest sum of their failure counts (then the least added distance), and sends those to the pool.
     */
    private boolean insertEjecting(int customer, Deque<Integer> pool) {
        Ejection best = new Ejection();
        for (FleetRoute route : routes.all()) {
            int most = route.size() > LONG_ROUTE ? 2 : MAX_EJECTED;
            search.search(route, customer, Math.min(most, route.size()), penalty, best);
        }
        if (best.route == null) {
            return false;
        }
        FleetRoute route = best.route;
        int[] kept = new int[route.size() + 1];
        int n = 0;
        int e = 0;
        List<Integer> ejected = new ArrayList<>(best.count);
        for (int k = 0; k < route.size(); k++) {
            if (e < best.count && best.positions[e] == k) {
                ejected.add(route.stop(k));
                e++;
            } else {
                kept[n++] = route.stop(k);
            }
        }
        System.arraycopy(kept, best.insertAt, kept, best.insertAt + 1, n - best.insertAt);
        kept[best.insertAt] = customer;
        route.set(kept, n + 1);
        routes.changed(route);
        for (int c : ejected) {
            routes.takenOut(c);
            pool.push(c);
        }
        return true;
    }

    /**
     * Random feasible relocations, exchanges and tail swaps between nearby routes that do not lengthen them. Nagata and
     * Bräysy take any feasible move here, to keep the search from cycling; the failure counts and the random order
     * already do that here (the sample's best-known fleets were all reached in under 0.3 s either way), and routes
     * kept short give the local search after it a better start (R1_2_1 at 30 s: +1.38 % against +1.58 %, seed 0).
     */
    private void perturb() {
        int n = problem.customers();
        for (int i = 0; i < PERTURBATION_MOVES; i++) {
            int u = 1 + random.nextInt(n);
            FleetRoute a = routes.routeOf(u);
            if (a == null || near[u].length == 0) {
                continue;
            }
            int w = near[u][random.nextInt(near[u].length)];
            FleetRoute b = routes.routeOf(w);
            if (b == null || b == a) {
                continue;
            }
            int pu = FleetRoutes.positionOf(a, u);
            int pw = FleetRoutes.positionOf(b, w);
            switch (random.nextInt(3)) {
                case 0 -> relocate(a, pu, b, random.nextBoolean() ? pw : pw + 1);
                case 1 -> exchange(a, pu, b, pw);
                default -> swapTails(a, pu, b, pw);
            }
        }
    }

    private void relocate(FleetRoute from, int position, FleetRoute to, int insertAt) {
        int customer = from.stop(position);
        if (!from.canRemove(position) || !to.canInsert(customer, insertAt)) {
            return;
        }
        if (to.insertionDelta(customer, insertAt) - removalGain(from, position) > 0) {
            return;
        }
        from.remove(position);
        to.insert(customer, insertAt);
        if (from.size() == 0) {
            routes.dropEmpty(from);   // a route emptied: one vehicle fewer
        } else {
            routes.changed(from);
        }
        routes.changed(to);
    }

    private void exchange(FleetRoute a, int pa, FleetRoute b, int pb) {
        int u = a.stop(pa);
        int w = b.stop(pb);
        if (!a.canReplace(pa, w) || !b.canReplace(pb, u)) {
            return;
        }
        if (replaceDelta(a, pa, w) + replaceDelta(b, pb, u) > 0) {
            return;
        }
        a.replace(pa, w);
        b.replace(pb, u);
        routes.changed(a);
        routes.changed(b);
    }

    /** 2-opt*: a's stops after pa and b's after pb change routes. */
    private void swapTails(FleetRoute a, int pa, FleetRoute b, int pb) {
        int loadA = a.loadBefore(pa + 1) + b.load() - b.loadBefore(pb + 1);
        int loadB = b.loadBefore(pb + 1) + a.load() - a.loadBefore(pa + 1);
        if (loadA > problem.capacity() || loadB > problem.capacity()
                || a.departureAt(pa) + problem.time(a.stop(pa), b.placeAt(pb + 1)) > b.latestArrival(pb + 1)
                || b.departureAt(pb) + problem.time(b.stop(pb), a.placeAt(pa + 1)) > a.latestArrival(pa + 1)) {
            return;
        }
        if (problem.distance(a.stop(pa), b.placeAt(pb + 1)) + problem.distance(b.stop(pb), a.placeAt(pa + 1))
                - problem.distance(a.stop(pa), a.placeAt(pa + 1)) - problem.distance(b.stop(pb), b.placeAt(pb + 1)) > 0) {
            return;
        }
        int[] newA = new int[pa + 1 + b.size() - pb - 1];
        int[] newB = new int[pb + 1 + a.size() - pa - 1];
        int[] oldA = a.stops();
        int[] oldB = b.stops();
        System.arraycopy(oldA, 0, newA, 0, pa + 1);
        System.arraycopy(oldB, pb + 1, newA, pa + 1, oldB.length - pb - 1);
        System.arraycopy(oldB, 0, newB, 0, pb + 1);
        System.arraycopy(oldA, pa + 1, newB, pb + 1, oldA.length - pa - 1);
        a.set(newA, newA.length);
        b.set(newB, newB.length);
        routes.changed(a);
        routes.changed(b);
    }

    private int removalGain(FleetRoute route, int position) {
        int before = route.placeBefore(position);
        int after = route.placeAt(position + 1);
        int c = route.stop(position);
        return problem.distance(before, c) + problem.distance(c, after) - problem.distance(before, after);
    }

    private int replaceDelta(FleetRoute route, int position, int customer) {
        int before = route.placeBefore(position);
        int after = route.placeAt(position + 1);
        int old = route.stop(position);
        return problem.distance(before, customer) + problem.distance(customer, after)
                - problem.distance(before, old) - problem.distance(old, after);
    }

    /** The best ejection found so far over all routes. */
    static final class Ejection {
        FleetRoute route;
        final int[] positions = new int[MAX_EJECTED];
        int count;
        int insertAt;
        int penaltySum = Integer.MAX_VALUE;
        int delta = Integer.MAX_VALUE;
    }
}
