package io.careroute.solver.fleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Routes met in good plans, one per set of customers (the shortest order seen): what a set-partitioning recombination
 * would choose from (Rochat and Taillard's adaptive memory, Subramanian's ILS-SP), the cheapest set of them that serves
 * every customer once. {@link StringRemovals#keepRoutes} fills one.
 * A set is found by a Zobrist key, the exclusive-or of a fixed random number per customer, so that the same customers
 * in another order give the same key without sorting on every add; the sorted set is kept to tell the rare two sets
 * with one key apart.
 */
public final class RoutePool {

    private final long[] keys;
    private final int capacity;
    private final Map<Long, Kept> entries = new LinkedHashMap<>();   // first met first: a file of it reads in order

    /** A route: its customers sorted, the shortest order seen and its distance in the instance's units. */
    public record Entry(int[] customers, int[] stops, long distance) {
    }

    /**
     * A kept route with the distance of the shortest plan it was met in: what another search's pool takes in
     * ({@link #join}). Its arrays are never written after the route was kept, so it may go to another thread.
     */
    public record Shared(Entry entry, long plan) {
    }

    /**
     * A set's route and the shortest plan it was kept from (a plan whose iteration changed it, or a best it was part
     * of), which a recombination's tiers select by.
     */
    private static final class Kept {
        Entry entry;
        long plan;

        Kept(Entry entry, long plan) {
            this.entry = entry;
            this.plan = plan;
        }
    }

    /**
     * @param customers customers numbered 1 to this
     * @param capacity  sets kept at most; past it only shorter orders of sets already kept are taken (0: none)
     */
    RoutePool(int customers, int capacity) {
        this.capacity = capacity;
        this.keys = new long[customers + 1];
        // Fixed: the same plans give the same pool whatever the run's seed.
        SplittableRandom random = new SplittableRandom(0x5eedL);
        for (int c = 1; c <= customers; c++) {
            keys[c] = random.nextLong();
        }
    }

    /**
     * Keeps the route if its set is new (and there is room) or it is shorter than the order kept for its set, and
     * notes the shortest plan its set was met in. Copies the route only when it is kept: most routes offered are
     * already kept.
     *
     * @param plan the distance of the plan the route is part of
     */
    void add(FleetRoute route, long distance, long plan) {
        if (route.size() == 0) {
            return;
        }
        long key = 0;
        for (int k = 0; k < route.size(); k++) {
            key ^= keys[route.stop(k)];
        }
        Kept kept = entries.get(key);
        if (kept == null ? entries.size() >= capacity : distance >= kept.entry.distance()) {
            if (kept != null && plan < kept.plan) {
                kept.plan = plan;   // a rare other set with the same key only moves that set to another tier
            }
            return;
        }
        int[] stops = route.stops();
        int[] sorted = sorted(stops);
        if (kept == null) {
            entries.put(key, new Kept(new Entry(sorted, stops, distance), plan));
        } else if (Arrays.equals(sorted, kept.entry.customers())) {
            kept.entry = new Entry(sorted, stops, distance);
            kept.plan = Math.min(kept.plan, plan);
        }
    }

    /**
     * The kept routes with their plans' distances, first met first: a copy, which this pool's later adds do not
     * change (a portfolio's other member joins it while this one goes on).
     */
    public List<Shared> shared() {
        List<Shared> shared = new ArrayList<>(entries.size());
        for (Kept k : entries.values()) {
            shared.add(new Shared(k.entry, k.plan));
        }
        return shared;
    }

    /**
     * Takes in another search's routes of the same instance, by the rule of {@link #add}: a set not kept yet while
     * there is room, a shorter order of a set kept; the shortest plan a set was met in is the shorter of the two.
     * Two searches' pools share their keys (one fixed seed), so a set is one set in both.
     *
     * @return how many of them were taken in (a new set or a shorter order)
     */
    public int join(List<Shared> others) {
        int taken = 0;
        for (Shared other : others) {
            Entry entry = other.entry();
            long key = 0;
            for (int c : entry.customers()) {
                if (c < 1 || c >= keys.length) {
                    throw new IllegalArgumentException("a route of another pool serves customer " + c
                            + ", not one of this instance's 1 to " + (keys.length - 1));
                }
                key ^= keys[c];
            }
            Kept kept = entries.get(key);
            if (kept == null) {
                if (entries.size() < capacity) {
                    entries.put(key, new Kept(entry, other.plan()));
                    taken++;
                }
            } else if (Arrays.equals(entry.customers(), kept.entry.customers())) {
                if (entry.distance() < kept.entry.distance()) {
                    kept.entry = entry;
                    taken++;
                }
                kept.plan = Math.min(kept.plan, other.plan());
            }
        }
        return taken;
    }

    /** The kept route serving exactly these customers (in any order), or null. */
    public Entry entryOf(int[] stops) {
        long key = 0;
        for (int c : stops) {
            if (c < 1 || c >= keys.length) {
                return null;
            }
            key ^= keys[c];
        }
        Kept kept = entries.get(key);
        return kept != null && Arrays.equals(sorted(stops), kept.entry.customers()) ? kept.entry : null;
    }

    private static int[] sorted(int[] stops) {
        int[] sorted = stops.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    public int size() {
        return entries.size();
    }

    /** The kept routes, first met first. */
    public List<Entry> entries() {
        return entries(Long.MAX_VALUE);
    }

    /** The kept routes whose set was met in a plan at most this long, first met first. */
    public List<Entry> entries(long maxPlan) {
        List<Entry> kept = new ArrayList<>();
        for (Kept k : entries.values()) {
            if (k.plan <= maxPlan) {
                kept.add(k.entry);
            }
        }
        return kept;
    }
}
