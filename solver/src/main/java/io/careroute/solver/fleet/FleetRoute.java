package io.careroute.solver.fleet;

import java.util.Arrays;

/**
 * One vehicle's route with what makes a change to it checkable in constant time: for each position the earliest
 * service start (forward from the depot) and the latest start that keeps the rest of the route on time (backward from
 * the depot's closing), and the load carried so far. Any change rebuilds the two arrays ({@link #update()}, linear in
 * the route's length): changes are rare beside the checks.
 */
final class FleetRoute {

    private final FleetInstance problem;
    private int[] stops;
    private int size;
    /** Earliest service start at each position. */
    private int[] start;
    /** Latest service start at each position, and at {@code size} the latest arrival back at the depot. */
    private int[] latest;
    /** Demand of the stops before each position; at {@code size}, the route's load. */
    private int[] loadBefore;
    /** Where this route is in its {@link FleetRoutes}' list (set there). */
    private int index = -1;

    FleetRoute(FleetInstance problem, int[] stops) {
        this.problem = problem;
        this.stops = Arrays.copyOf(stops, Math.max(4, stops.length * 2));
        this.size = stops.length;
        update();
    }

    int size() {
        return size;
    }

    int index() {
        return index;
    }

    void setIndex(int index) {
        this.index = index;
    }

    int stop(int position) {
        return stops[position];
    }

    int[] stops() {
        return Arrays.copyOf(stops, size);
    }

    int load() {
        return loadBefore[size];
    }

    int loadBefore(int position) {
        return loadBefore[position];
    }

    /** Every stop on time and the vehicle back by the depot's closing, within capacity (for checks and tests). */
    boolean feasible() {
        for (int k = 0; k < size; k++) {
            if (start[k] > problem.due(stops[k])) {
                return false;
            }
        }
        int back = size == 0 ? problem.ready(0) : departureAt(size - 1) + problem.time(stops[size - 1], 0);
        return back <= problem.due(0) && load() <= problem.capacity();
    }

    /** The place before a position (the depot before the first stop). */
    int placeBefore(int position) {
        return position == 0 ? 0 : stops[position - 1];
    }

    /** The place at a position, the depot past the last stop. */
    int placeAt(int position) {
        return position == size ? 0 : stops[position];
    }

    /** When the vehicle leaves the place before a position. */
    int departureBefore(int position) {
        return position == 0 ? problem.ready(0) : start[position - 1] + problem.service(stops[position - 1]);
    }

    /** When the vehicle leaves the stop at a position. */
    int departureAt(int position) {
        return start[position] + problem.service(stops[position]);
    }

    /** The latest the vehicle may arrive at a position (the depot past the last stop) and keep the rest on time. */
    int latestArrival(int position) {
        return latest[position];
    }

    /**
     * Whether a customer fits between position-1 and position, leaving {@code after} as the next place, given the
     * vehicle leaves the previous place at {@code departure} from {@code from}.
     */
    boolean fits(int customer, int from, int departure, int position) {
        int begin = Math.max(problem.ready(customer), departure + problem.time(from, customer));
        return begin <= problem.due(customer)
                && begin + problem.service(customer) + problem.time(customer, placeAt(position)) <= latest[position];
    }

    /**
     * The first position before which a customer could go in as far as the rest of the route goes: the latest starts
     * never fall along a route (each is at most the next one less the travel and service between them), so the
     * positions whose latest start comes before the customer's earliest end are all at the front, and a binary search
     * finds where they stop.
     */
    int firstOpenPosition(int customer) {
        int earliestEnd = problem.ready(customer) + problem.service(customer);
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (latest[middle] < earliestEnd) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Whether a customer can go in before a position (the end for {@code size}), capacity and windows. */
    boolean canInsert(int customer, int position) {
        return load() + problem.demand(customer) <= problem.capacity()
                && fits(customer, placeBefore(position), departureBefore(position), position);
    }

    /** Whether the customer at a position can leave the route with the rest still on time. */
    boolean canRemove(int position) {
        return departureBefore(position) + problem.time(placeBefore(position), placeAt(position + 1))
                <= latest[position + 1];
    }

    /** Whether another customer can take the place of the one at a position. */
    boolean canReplace(int position, int customer) {
        return load() - problem.demand(stops[position]) + problem.demand(customer) <= problem.capacity()
                && fits(customer, placeBefore(position), departureBefore(position), position + 1);
    }

    /** The extra distance of a customer put in before a position. */
    int insertionDelta(int customer, int position) {
        int from = placeBefore(position);
        int to = placeAt(position);
        return problem.distance(from, customer) + problem.distance(customer, to) - problem.distance(from, to);
    }

    void insert(int customer, int position) {
        if (size == stops.length) {
            stops = Arrays.copyOf(stops, size * 2);
        }
        System.arraycopy(stops, position, stops, position + 1, size - position);
        stops[position] = customer;
        size++;
        update();
    }

    int remove(int position) {
        int customer = stops[position];
        System.arraycopy(stops, position + 1, stops, position, size - position - 1);
        size--;
        update();
        return customer;
    }

    void replace(int position, int customer) {
        stops[position] = customer;
        update();
    }

    /** Gives this route a new order (the stops are copied). */
    void set(int[] newStops, int newSize) {
        if (stops.length < newSize) {
            stops = new int[newSize * 2];
        }
        System.arraycopy(newStops, 0, stops, 0, newSize);
        size = newSize;
        update();
    }

    void update() {
        if (start == null || start.length < size + 1) {
            int capacity = Math.max(8, stops.length + 1);
            start = new int[capacity];
            latest = new int[capacity];
            loadBefore = new int[capacity];
        }
        int time = problem.ready(0);
        int at = 0;
        int load = 0;
        for (int k = 0; k < size; k++) {
            int c = stops[k];
            time = Math.max(problem.ready(c), time + problem.time(at, c));
            start[k] = time;
            loadBefore[k] = load;
            load += problem.demand(c);
            time += problem.service(c);
            at = c;
        }
        loadBefore[size] = load;
        fillLatest(problem, stops, size, latest);
    }

    /**
     * The latest service start at each of the first {@code size} stops that keeps the rest on time, and at
     * {@code size} the latest arrival back at the depot: backward from the depot's closing.
     */
    static void fillLatest(FleetInstance problem, int[] stops, int size, int[] latest) {
        int bound = problem.due(0);
        latest[size] = bound;
        int next = 0;
        for (int k = size - 1; k >= 0; k--) {
            int c = stops[k];
            bound = Math.min(problem.due(c), bound - problem.time(c, next) - problem.service(c));
            latest[k] = bound;
            next = c;
        }
    }
}
