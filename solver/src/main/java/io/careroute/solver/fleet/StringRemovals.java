package io.careroute.solver.fleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Shortens a fleet's routes without adding one: ruin and recreate after Christiaens and Vanden Berghe, "Slack
 * Induction by String Removals for Vehicle Routing Problems" (Transportation Science 54, 2020). Each iteration takes
 * strings of consecutive customers out of a few routes near a random customer (half of them split: the two ends of a
 * stretch taken, its middle kept), puts them back one by one at the cheapest place that keeps every window and the
 * capacity (skipping a few places at random, their "blinks"), and keeps the result under simulated annealing on the
 * distance; one that cannot place every customer is undone, unless the settings allow ejections: then a customer with
 * no place may push out one already in a route this iteration touched and take its place. The settings may also split
 * the run into several annealing cycles, each after the first starting again from the best routes so far.
 * {@link StringRemovalSettings} holds what can be tuned.
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
    /** The chance of skipping a place when looking for the cheapest (SISR's blink rate). */
    static final double BLINK = 0.01;
    /** Customers scanned, nearest first, for the routes to ruin. */
    static final int ADJACENT = 60;
    /** The pool's margin when a recombination asks for one: plans up to 1 % longer than the best, as measured. */
    static final double RECOMBINATION_MARGIN = 0.01;
    /**
     * Sets of customers kept at most for a recombination: about ten times what 45 s of C1_2_9 keeps (2,500), so that
     * only a much larger instance or run fills it; past it a programme would outgrow its share of the time anyway.
     */
    public static final int RECOMBINATION_CAPACITY = 25_000;
    /**
     * The tiers a recombination solves in turn, as shares of the pool's margin: the routes kept from plans within a
     * quarter of it, a half, then the whole pool. On RC1_2_1's whole pool (2,300-4,200 routes after 24 s) HiGHS needs
     * 6-20 s to the end, beyond the 3.6 s a 30 s run gives it; the smaller tiers it solves in 0.2-1.4 s, and each tier
     * starts from the last one's answer. RC1_2_1 at 30 s, sixteen seeds: 1.13 % above the best known on average against
     * 1.33 % with the whole pool at once, two runs beyond 1.5 % against six; C1_2_9 at 60 s at the best known either
     * way (docs/benchmarks.md, "A start for HiGHS, and tiers of the pool").
     */
    static final double[] RECOMBINATION_TIERS = {0.25, 0.5, 1};
    /**
     * How long the last recombination waits at most for the other members' routes ({@link #exchangeWith}), as a share
     * of its time: the members end their annealing within milliseconds of each other (same budget, same start), so the
     * wait is short unless one is late, and then the rest of the time is better spent on one's own pool.
     */
    static final double EXCHANGE_WAIT = 0.25;
    private static final double LOG_NO_BLINK = Math.log(1 - BLINK);
    private final FleetInstance problem;
    /**
     * The search's own draws, seeded from the caller's generator: a {@link SplittableRandom}, not the caller's
     * {@link Random}, whose every draw is an atomic compare-and-set (5 % of the string removals' time in a profile of
     * RC1_2_1, for a generator only this thread uses).
     */
    private final SplittableRandom random;
    private final FleetRoutes routes;
    private final int[][] adjacent;
    private final double startTemperature;
    private final double endTemperature;
    private final StringRemovalSettings settings;
    private long iterations;
    /** Iterations whose recreation could not put every customer back (undone). */
    private long incomplete;
    /** The recreation's order and its sort keys, reused from one iteration to the next. */
    private final int[] order;
    /** The ruin's stops kept on a route, reused. */
    private final int[] kept;
    private final long[] sortKeys;
    /** The cheapest feasible place found so far for the customer being put back. */
    private FleetRoute chosenRoute;
    private int chosenPosition;
    private int chosenDelta;
    /** Places the recreation looks at before the next blink. */
    private int untilBlink;
    /** Customers pushed out of their places by the recreation so far (over every call of {@link #improve}). */
    private long ejections;
    /** Annealing cycles begun again from the best routes (over every call of {@link #improve}). */
    private long restarts;
    /** For each customer, the iteration ({@link #stamp}) in which the recreation last put it in a route. */
    private final int[] placedIn;
    private int stamp;
    /** This iteration's mark on the routes it touched ({@link FleetRoute#mark}). */
    private int touchStamp;
    /** When asked for ({@link #keepRoutes}), the routes of near-best plans met on the way; else null. */
    private RoutePool pool;
    private double poolMargin;
    /** When asked for ({@link #recombineWith}), what recombines the pool's routes at each cycle's end; else null. */
    private SetPartitioner partitioner;
    private double recombinationShare;
    /** The tiers each recombination solves in turn, as shares of the margin ({@link #wholePoolOnly}: the whole only). */
    private double[] tiers = RECOMBINATION_TIERS.clone();
    /** Whether each cycle after the first starts again from the first routes, not the best ({@link #cyclesFromStart}). */
    private boolean fromStart;
    /** When asked for ({@link #exchangeWith}), where the last recombination's pool meets the others'; else null. */
    private RouteExchange exchange;
    private int member;
    /** The meetings of the walks ({@link StringRemovalSettings#meetings}) this one has been to. */
    private int meetingsDone;
    /** This walk's best as shown at the meeting it is at, until every other member has come. */
    private RouteExchange.Best shown;
    /** How many times this walk went on from another member's best at a meeting. */
    private long adopted;
    /** Routes taken in from the other members' pools: a new set or a shorter order (over every {@link #improve}). */
    private long joined;
    /** Recombinations run, and those that found a shorter plan than the best (over every call of {@link #improve}). */
    private long recombinations;
    private long recombinationGains;

    /** With {@link StringRemovalSettings#DEFAULT}, what VRPTW mode runs. */
    public StringRemovals(FleetInstance problem, List<int[]> routes, Random random) {
        this(problem, routes, random, StringRemovalSettings.DEFAULT);
    }

    /**
     * @param routes every customer once, each route feasible (empty ones are dropped: the fleet never grows)
     * @throws IllegalArgumentException naming the route or customer that breaks the first
     */
    public StringRemovals(FleetInstance problem, List<int[]> routes, Random random, StringRemovalSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.problem = problem;
        this.random = new SplittableRandom(random.nextLong());
        // In the instance's own distances, so that one setting suits Solomon's coordinates and a city's metres alike.
        this.startTemperature = settings.startTemperature() * problem.averageNearest();
        this.endTemperature = startTemperature * settings.endTemperatureShare();
        this.routes = new FleetRoutes(problem, routes);
        this.adjacent = problem.nearestCustomers(ADJACENT);
        this.untilBlink = placesBeforeBlink();
        this.order = new int[problem.customers()];
        this.kept = new int[problem.customers()];
        this.sortKeys = new long[problem.customers()];
        this.placedIn = new int[problem.customers() + 1];
    }

    /**
     * From now on keeps every route of every plan accepted at most this share longer than the best so far (and of
     * every best), one order per set of customers, the shortest: the pool a set-partitioning recombination would join
     * ({@code ./careroute benchmark string-removals --pool-out}, docs/benchmarks.md, "What a recombination would
     * gain"). It costs a hash of each touched route of such a plan and of every route of each new best (no measurable
     * time: docs/benchmarks.md, "A recombination in the search"); {@link #recombineWith} asks for it.
     *
     * @param margin   0.01 keeps plans up to 1 % longer than the best
     * @param capacity sets of customers kept at most
     * @return this
     */
    public StringRemovals keepRoutes(double margin, int capacity) {
        if (!(margin >= 0) || capacity < 1) {
            throw new IllegalArgumentException("the pool's margin is 0 or more and its capacity 1 or more, not "
                    + margin + " and " + capacity);
        }
        this.pool = new RoutePool(problem.customers(), capacity);
        this.poolMargin = margin;
        return this;
    }

    /**
     * From now on, at the end of each annealing cycle, recombines the routes kept (see {@link #keepRoutes}; asked for
     * here if it was not, with a margin of {@link #RECOMBINATION_MARGIN}): the partitioner picks the shortest set of them
     * that serves every customer once with no more routes than the best plan, and if it is shorter than the best plan it
     * becomes the best, and the next cycle starts from it. Every kept route was feasible in a plan the search accepted,
     * so any such set is a feasible plan. The last cycle's recombination has the end of the run to itself: the
     * annealing's schedule stops that share of the run early. Each recombination solves the pool in tiers
     * ({@link #RECOMBINATION_TIERS}), the smallest first, while its time lasts ({@link #wholePoolOnly}: all at once).
     *
     * @param share each recombination's time at most, as a share of the run's (with a deadline; without one each is
     *              solved to the end)
     * @return this
     */
    public StringRemovals recombineWith(SetPartitioner setPartitioner, double share) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("a recombination's share of the run is more than 0 and less than 1, not "
                    + share);
        }
        this.partitioner = Objects.requireNonNull(setPartitioner, "set partitioner");
        this.recombinationShare = share;
        if (pool == null) {
            keepRoutes(RECOMBINATION_MARGIN, RECOMBINATION_CAPACITY);
        }
        return this;
    }

    /**
     * Each recombination solves the whole pool at once, not in tiers: the recombination as first measured (a
     * benchmark's comparison, {@code --config whole-pool}; docs/benchmarks.md, "A start for HiGHS, and tiers of the
     * pool").
     *
     * @return this
     */
    public StringRemovals wholePoolOnly() {
        this.tiers = new double[] {1};
        return this;
    }

    /**
     * Each annealing cycle after the first starts again from the routes this search was given, not from the best so far:
     * independent walks whose routes meet only in the pool. The pool then keeps the plans near each walk's own best
     * (within the margin of it), so that a walk that settles in another basin brings its routes even when it ends
     * longer than the best; only the last cycle's end recombines. Measured with the string removals alone
     * ({@code ./careroute benchmark string-removals --cycles N --from-start}) and not kept: RC1_2_1, eight seeds, two
     * walks 1.16 % above the best known, three 1.38 %, one 1.21 % (docs/benchmarks.md, "Restarts, walks and both
     * cores at 30 s").
     *
     * @return this
     */
    public StringRemovals cyclesFromStart() {
        this.fromStart = true;
        return this;
    }

    /**
     * The last recombination joins the routes of a portfolio's other members to this search's own first: it hands its
     * pool to the exchange as member {@code member} and takes in the others' ({@link RoutePool#join}), waiting for them
     * at most {@link #EXCHANGE_WAIT} of its time (without a deadline, until each has handed its own or ended). Only
     * with a recombination ({@link #recombineWith}); without one, this search only tells the exchange it has nothing to
     * hand, so that no member waits for it. On the way, at each of the settings' {@link StringRemovalSettings#meetings}
     * evenly spaced points of its schedule, the walk shows its best to the others and, if another's is better (fewer
     * vehicles, then shorter), goes on from that one ({@link RouteExchange#meet}); with or without a recombination.
     *
     * @return this
     */
    public StringRemovals exchangeWith(RouteExchange routeExchange, int memberNumber) {
        this.exchange = Objects.requireNonNull(routeExchange, "route exchange");
        if (memberNumber < 0 || memberNumber >= routeExchange.members()) {
            throw new IllegalArgumentException("member " + memberNumber + " of an exchange of "
                    + routeExchange.members());
        }
        this.member = memberNumber;
        return this;
    }

    /** Routes taken in from the other members' pools so far ({@link #exchangeWith}). */
    public long joined() {
        return joined;
    }

    /** The routes kept since {@link #keepRoutes}, each with its distance; an empty pool if it was not called. */
    public RoutePool keptRoutes() {
        return pool == null ? new RoutePool(problem.customers(), 0) : pool;
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
            current += route.distance();
        }
        long best = current;
        List<int[]> bestRoutes = routes.snapshot();
        List<int[]> startRoutes = bestRoutes;
        long startDistance = current;
        // The best of this cycle's walk: the best so far unless the cycles start from the first routes.
        long walkBest = best;
        keepAll(best);
        int cycle = 0;
        List<FleetRoute> touched = new ArrayList<>();
        int[] removed = new int[problem.customers()];
        boolean timed = deadlineNanos != Long.MAX_VALUE;
        long recombinationNanos = partitioner == null || !timed ? 0
                : Math.round((deadlineNanos - started) * recombinationShare);
        // The annealing ends early by one recombination's time, the last cycle's.
        long annealingDeadline = deadlineNanos - recombinationNanos;
        while (iterations < iterationLimit && problem.customers() > 1) {
            long now = System.nanoTime();
            if (now >= annealingDeadline) {
                break;
            }
            double progress = Math.max(iterationLimit == Long.MAX_VALUE ? 0 : (double) iterations / iterationLimit,
                    !timed ? 0 : (double) (now - started) / (annealingDeadline - started));
            // With several cycles each runs the whole schedule in its share of the run, the later ones from the best
            // (recombined first, if asked) or, with cyclesFromStart, from the first routes.
            double cycled = Math.min(1, progress) * settings.cycles();
            int at = Math.min(settings.cycles() - 1, (int) cycled);
            if (at > cycle) {
                cycle = at;
                if (fromStart) {
                    routes.restore(startRoutes);
                    current = startDistance;
                } else {
                    if (partitioner != null) {
                        Recombined shorter = recombined(bestRoutes, best,
                                timed ? Math.min(annealingDeadline, now + recombinationNanos) : Long.MAX_VALUE);
                        if (shorter != null) {
                            bestRoutes = shorter.routes();
                            best = shorter.distance();
                        }
                    }
                    routes.restore(bestRoutes);
                    current = best;
                }
                walkBest = current;
                restarts++;
            }
            // With the meetings off (the default) or all held, nothing here but two comparisons an iteration.
            if (exchange != null && meetingsDone < settings.meetings()
                    && meetingsDone < (int) Math.floor(Math.min(1, progress) * (settings.meetings() + 1))) {
                // One meeting at a time, in order, so that every member meets every other at each. A timed walk asks
                // every 64 iterations and walks on meanwhile; a step-limited one waits, so that a seed's run repeats.
                if (shown == null) {
                    shown = new RouteExchange.Best(best, bestRoutes);
                }
                if (!timed || (iterations & 63) == 0) {
                    Optional<RouteExchange.Best> other = exchange.meet(member, meetingsDone + 1, shown, !timed);
                    if (other != null) {
                        meetingsDone++;
                        // Against this walk's best now, which may have improved since it was shown.
                        if (other.isPresent() && other.get().betterThan(new RouteExchange.Best(best, bestRoutes))) {
                            bestRoutes = other.get().routes();
                            best = other.get().distance();
                            routes.restore(bestRoutes);
                            current = best;
                            walkBest = best;
                            keepAll(best);
                            adopted++;
                        }
                        shown = null;
                    }
                }
            }
            double temperature = startTemperature <= 0 ? 0
                    : startTemperature * Math.pow(endTemperature / startTemperature, Math.min(1, cycled - at));
            iterations++;
            touched.clear();
            if (++touchStamp == Integer.MAX_VALUE) {   // after two billion iterations: no route is marked twice
                for (FleetRoute route : routes.all()) {
                    route.setMark(0);
                }
                touchStamp = 1;
            }
            int count = ruin(removed, touched);
            boolean complete = recreate(removed, count, touched);
            if (!complete) {
                incomplete++;
            }
            // Every touched route saved itself before the iteration changed it.
            long before = 0;
            long after = 0;
            for (FleetRoute route : touched) {
                before += route.savedDistance();
                after += route.distance();
            }
            long candidate = current - before + after;
            if (complete && candidate < current - temperature * Math.log(1 - random.nextDouble())) {
                current = candidate;
                if (current < best) {
                    best = current;
                    walkBest = current;
                    bestRoutes = routes.snapshot();
                    keepAll(best);
                } else if (current < walkBest) {
                    walkBest = current;
                    keepAll(current);
                } else if (pool != null && current <= walkBest + walkBest * poolMargin) {
                    for (FleetRoute route : touched) {
                        pool.add(route, route.distance(), current);
                    }
                }
            } else {
                for (FleetRoute route : touched) {
                    route.undo();
                }
                for (FleetRoute route : touched) {
                    routes.changed(route);
                }
            }
        }
        if (partitioner != null && problem.customers() > 1) {
            if (exchange != null) {
                long waitUntil = timed ? System.nanoTime() + Math.round(recombinationNanos * EXCHANGE_WAIT)
                        : Long.MAX_VALUE;
                for (List<RoutePool.Shared> others : exchange.swap(member, pool.shared(), waitUntil)) {
                    joined += pool.join(others);
                }
            }
            Recombined shorter = recombined(bestRoutes, best, deadlineNanos);
            if (shorter != null) {
                bestRoutes = shorter.routes();
            }
        }
        if (exchange != null && (partitioner == null || problem.customers() <= 1)) {
            // For a caller of this search on its own: FleetPhase leaves the exchange in a finally anyway, but without
            // this a member that never recombines would keep a reproducible run's other members waiting for good.
            exchange.leave(member);
        }
        List<int[]> result = new ArrayList<>();
        for (int[] r : bestRoutes) {
            if (r.length > 0) {
                result.add(r);
            }
        }
        return result;
    }

    /** Iterations run so far (over every call of {@link #improve}). */
    public long iterations() {
        return iterations;
    }

    /**
     * Of them, those whose recreation could not put every customer back and were undone. On RC1_2_1 at its best-known
     * 18 vehicles about two in five, more the more customers were taken out (docs/benchmarks.md, "The string
     * removals alone").
     */
    public long incomplete() {
        return incomplete;
    }

    /** Customers the recreation pushed out of their places to make room for one without a place. */
    public long ejections() {
        return ejections;
    }

    /** Meetings of the walks at which this one went on from another member's better best ({@link #exchangeWith}). */
    public long adopted() {
        return adopted;
    }

    /** Annealing cycles begun again from the best routes so far: {@link StringRemovalSettings#cycles()} less one a run. */
    public long restarts() {
        return restarts;
    }

    /** Recombinations run so far (over every call of {@link #improve}). */
    public long recombinations() {
        return recombinations;
    }

    /** Of them, those that found a plan shorter than the best so far. */
    public long recombinationGains() {
        return recombinationGains;
    }

    /**
     * The shortest plan the partitioner finds among the pool's routes, with no more routes than the best plan, if it is
     * shorter than the best; else null. It solves the pool in tiers ({@link #RECOMBINATION_TIERS}): the routes kept
     * from plans at most each tier's share of the margin longer than the best, the smallest tier first, each from the
     * last one's answer, for as long as the deadline leaves time. The best plan's own routes are the first tier's start
     * (each is in the pool, kept at every new best, in its shortest order met). The routes returned are as many as the
     * best plan's, padded with empty ones, so that the next cycle has the same fleet.
     *
     * @throws IllegalStateException if the partitioner's answer is not a partition within the fleet (its defect)
     */
    private Recombined recombined(List<int[]> bestRoutes, long best, long deadlineNanos) {
        recombinations++;
        Recombined shortest = null;
        int lastTierSize = -1;
        for (double tier : tiers) {
            List<RoutePool.Entry> entries = tier >= 1 ? pool.entries()
                    : pool.entries(best + (long) Math.floor(best * poolMargin * tier));
            if (entries.size() == lastTierSize) {
                continue;   // the same programme as the last tier's
            }
            lastTierSize = entries.size();
            Recombined shorter = partitioned(entries, shortest == null ? bestRoutes : shortest.routes(),
                    shortest == null ? best : shortest.distance(), deadlineNanos);
            if (shorter == NO_START) {
                return null;
            }
            if (shorter != null) {
                shortest = shorter;
            }
            if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() >= deadlineNanos) {
                break;   // out of time: a larger tier would not be solved either
            }
        }
        if (shortest != null) {
            recombinationGains++;
        }
        return shortest;
    }

    /**
     * One tier's programme: these routes, and the start's own routes if the tier left them out (a plan the last
     * recombination chose was never a best of the annealing's, so its routes may be kept from longer plans). Null if
     * the partitioner finds nothing shorter than the start; {@link #NO_START} if a route of the start is not in the pool
     * (it was full when that best was met).
     */
    private Recombined partitioned(List<RoutePool.Entry> tier, List<int[]> startRoutes, long startDistance,
                                   long deadlineNanos) {
        List<RoutePool.Entry> entries = new ArrayList<>(tier);
        Map<RoutePool.Entry, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            index.put(entries.get(i), i);
        }
        int fleet = 0;
        List<Integer> start = new ArrayList<>();
        for (int[] route : startRoutes) {
            if (route.length > 0) {
                fleet++;
                RoutePool.Entry entry = pool.entryOf(route);
                if (entry == null) {
                    return NO_START;
                }
                Integer at = index.get(entry);
                if (at == null) {
                    at = entries.size();
                    entries.add(entry);
                    index.put(entry, at);
                }
                start.add(at);
            }
        }
        List<int[]> sets = new ArrayList<>(entries.size());
        long[] costs = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            sets.add(entries.get(i).customers());
            costs[i] = entries.get(i).distance();
        }
        int[] chosen = partitioner.partition(problem.customers(), sets, costs, fleet,
                start.stream().mapToInt(Integer::intValue).toArray(), deadlineNanos);
        int[] served = new int[problem.customers() + 1];
        long distance = 0;
        List<int[]> plan = new ArrayList<>(startRoutes.size());
        for (int i : chosen) {
            for (int customer : sets.get(i)) {
                served[customer]++;
            }
            distance += costs[i];
            plan.add(entries.get(i).stops().clone());
        }
        for (int customer = 1; customer <= problem.customers(); customer++) {
            if (served[customer] != 1) {
                throw new IllegalStateException("the set partitioner's choice serves customer " + customer + " "
                        + served[customer] + " times");
            }
        }
        if (chosen.length > fleet) {
            throw new IllegalStateException("the set partitioner chose " + chosen.length + " routes, more than the "
                    + fleet + " of the plan");
        }
        if (distance >= startDistance) {
            return null;
        }
        while (plan.size() < startRoutes.size()) {
            plan.add(new int[0]);
        }
        return new Recombined(plan, distance);
    }

    /** {@link #partitioned}'s answer when the start is not in the pool. */
    private static final Recombined NO_START = new Recombined(List.of(), Long.MAX_VALUE);

    /** A recombination's plan and its distance (the pooled routes' own, each in the shortest order met). */
    private record Recombined(List<int[]> routes, long distance) {
    }

    /** Puts every route of the plan as it is now into the pool, if one is kept. */
    private void keepAll(long plan) {
        if (pool != null) {
            for (FleetRoute route : routes.all()) {
                pool.add(route, route.distance(), plan);
            }
        }
    }

    /** Takes strings out of routes near a random customer; returns how many customers it took. */
    private int ruin(int[] removed, List<FleetRoute> touched) {
        double averageRoute = (double) problem.customers() / Math.max(1, routes.size());
        // SISR's 10 and 10 up to routes of about 17 customers, more on longer ones (see
        // StringRemovalSettings.STRING_SHARE_OF_ROUTE): with strings of 10, C206's 33-customer routes could not trade a
        // whole cluster.
        double scale = Math.max(1, averageRoute * settings.stringShare() / MAX_STRING);
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
            if (route.mark() == touchStamp) {
                continue;
            }
            touch(route, touched);
            int size = route.size();
            int longest = (int) Math.min(size, maxString);
            int length = (int) (random.nextDouble() * longest) + 1;
            // A split string spans length + preserved customers and leaves the preserved ones, a stretch inside it.
            int preserved = 0;
            if (length < size && random.nextDouble() < settings.splitChance()) {
                preserved = 1;
                while (length + preserved < size && random.nextDouble() >= settings.splitDepth()) {
                    preserved++;
                }
            }
            int span = length + preserved;
            int position = FleetRoutes.positionOf(route, customer);
            int first = Math.max(0, position - span + 1);
            int last = Math.min(position, size - span);
            int start = first + random.nextInt(last - first + 1);
            int keepFrom = start + (preserved == 0 ? length : random.nextInt(length + 1));
            int next = 0;
            for (int at = 0; at < size; at++) {
                int stop = route.stop(at);
                if (at < start || at >= start + span || (at >= keepFrom && at < keepFrom + preserved)) {
                    kept[next++] = stop;
                } else {
                    removed[count++] = stop;
                    routes.takenOut(stop);
                }
            }
            route.set(kept, next);
            routes.changed(route);
        }
        return count;
    }

    /**
     * Puts the removed customers back, in one of SISR's orders (random, largest demand first, farthest from the depot
     * first, nearest first: weights 4, 4, 2, 1), each at its cheapest feasible place but for the blinks. A customer with
     * no place may, while the settings' ejections last, take the place of one that was not put back in this iteration,
     * on a route the iteration touched (the cheapest such swap that keeps every window and the capacity); the one pushed
     * out joins the end of the queue.
     *
     * @return whether every customer is back in a route; if not, the caller undoes the iteration
     */
    private boolean recreate(int[] removed, int count, List<FleetRoute> touched) {
        int[] queue = reinsertionOrder(removed, count);
        // At most count customers wait at once (an ejection swaps one for another), so the queue wraps round.
        int length = queue.length;
        int ejectionsLeft = settings.ejections();
        if (++stamp == Integer.MAX_VALUE) {   // after two billion iterations: start the stamps again
            Arrays.fill(placedIn, 0);
            stamp = 1;
        }
        for (int head = 0, tail = count; head < tail; head++) {
            int customer = queue[head % length];
            findCheapestPlace(customer);
            if (chosenRoute != null) {
                touchOnce(chosenRoute, touched);
                chosenRoute.insert(customer, chosenPosition);
                routes.placed(customer, chosenRoute);
            } else if (ejectionsLeft > 0 && findCheapestSwap(customer, touched)) {
                ejectionsLeft--;
                ejections++;
                touchOnce(chosenRoute, touched);
                int pushedOut = chosenRoute.stop(chosenPosition);
                chosenRoute.replace(chosenPosition, customer);
                routes.takenOut(pushedOut);
                routes.placed(customer, chosenRoute);
                queue[tail++ % length] = pushedOut;
            } else {
                return false;
            }
            placedIn[customer] = stamp;
        }
        return true;
    }

    /** Sets the chosen route and position to the customer's cheapest feasible place but for the blinks, if any. */
    private void findCheapestPlace(int customer) {
        chosenRoute = null;
        chosenPosition = -1;
        chosenDelta = Integer.MAX_VALUE;
        int due = problem.due(customer);
        int room = problem.capacity() - problem.demand(customer);
        List<FleetRoute> all = routes.all();
        for (int r = 0, n = all.size(); r < n; r++) {   // by index: the iterator was 6 % of the string removals' time
            FleetRoute route = all.get(r);
            if (route.load() > room) {
                continue;
            }
            // Only the places between the first the rest of the route leaves open and the first left too late.
            for (int position = route.firstOpenPosition(customer); position <= route.size(); position++) {
                if (route.departureBefore(position) > due) {
                    break;   // too late here, and every later place is left later still
                }
                consider(route, customer, position);
            }
        }
    }

    /**
     * Sets the chosen route and position to the stop whose place the customer can take most cheaply, keeping every
     * window and the capacity, among stops not put back in this iteration (so that two customers cannot push each other
     * out in turn) on the routes this iteration has touched (ruined or filled); no blinks, as this runs only where the
     * customer has no place at all. The touched routes are where the customer came from and its neighbours went: on
     * RC1_2_1 (20 s of string removals, ten seeds) looking there only cost 3.2 µs an iteration against 4.6 µs with
     * every route, and ended 1.19 % above the best known on average against 1.63 %; in the whole solver at 30 s it still
     * lost to no ejections, which stays the default (docs/benchmarks.md, "Ejections in the recreation").
     *
     * @return whether there is such a stop
     */
    private boolean findCheapestSwap(int customer, List<FleetRoute> among) {
        chosenRoute = null;
        chosenPosition = -1;
        chosenDelta = Integer.MAX_VALUE;
        int due = problem.due(customer);
        for (FleetRoute route : among) {
            int spare = problem.capacity() - route.load() - problem.demand(customer);
            // The stop at a position is followed by the place at position + 1: the first open place less one.
            for (int position = Math.max(0, route.firstOpenPosition(customer) - 1); position < route.size(); position++) {
                if (route.departureBefore(position) > due) {
                    break;
                }
                int stop = route.stop(position);
                if (placedIn[stop] == stamp || problem.demand(stop) + spare < 0) {
                    continue;
                }
                int from = route.placeBefore(position);
                int to = route.placeAt(position + 1);
                int delta = problem.distance(from, customer) + problem.distance(customer, to)
                        - problem.distance(from, stop) - problem.distance(stop, to);
                if (delta < chosenDelta && route.canReplace(position, customer)) {
                    chosenDelta = delta;
                    chosenRoute = route;
                    chosenPosition = position;
                }
            }
        }
        return chosenRoute != null;
    }

    /** A place the recreation looks at: skipped if it blinks, else kept if it is the cheapest feasible so far. */
    private void consider(FleetRoute route, int customer, int position) {
        if (--untilBlink < 0) {
            untilBlink = placesBeforeBlink();
            return;
        }
        int delta = route.insertionDelta(customer, position);
        if (delta < chosenDelta && route.canInsert(customer, position)) {
            chosenDelta = delta;
            chosenRoute = route;
            chosenPosition = position;
        }
    }

    /**
     * One of SISR's orders for the removed customers: random, largest demand first, farthest from the depot first,
     * nearest first (weights 4, 4, 2, 1). On primitive arrays, reused, where each iteration boxed an {@code Integer[]}
     * and sorted it with a comparator. The shuffle is {@code Collections.shuffle}'s own loop and the sort is stable
     * (ties in removal order), so a seed gives the orders it gave before.
     */
    private int[] reinsertionOrder(int[] removed, int count) {
        int kind = random.nextInt(11);
        if (kind < 4) {
            System.arraycopy(removed, 0, order, 0, count);
            for (int i = count; i > 1; i--) {
                int j = random.nextInt(i);
                int swap = order[i - 1];
                order[i - 1] = order[j];
                order[j] = swap;
            }
            return order;
        }
        for (int i = 0; i < count; i++) {
            int c = removed[i];
            long key = kind < 8 ? -problem.demand(c) : kind < 10 ? -problem.distance(0, c) : problem.distance(0, c);
            sortKeys[i] = key << 32 | i;   // the position in removal order breaks ties, as a stable sort would
        }
        Arrays.sort(sortKeys, 0, count);
        for (int i = 0; i < count; i++) {
            order[i] = removed[(int) sortKeys[i]];
        }
        return order;
    }

    /**
     * How many places the recreation looks at before it skips one: a geometric draw, so that one random number per
     * hundred places or so gives each place the {@link #BLINK} chance a draw at every place would. With a draw at
     * every place RC1_2_1 made about 12 % fewer iterations (docs/benchmarks.md, "The last temperature, and a cheaper
     * blink").
     */
    private int placesBeforeBlink() {
        return (int) Math.min(Integer.MAX_VALUE, Math.floor(Math.log(1 - random.nextDouble()) / LOG_NO_BLINK));
    }

    /** Marks a route touched in this iteration and has it save itself, so that the iteration can be undone. */
    private void touch(FleetRoute route, List<FleetRoute> touched) {
        route.setMark(touchStamp);
        route.save();
        touched.add(route);
    }

    private void touchOnce(FleetRoute route, List<FleetRoute> touched) {
        if (route.mark() != touchStamp) {
            touch(route, touched);
        }
    }
}
