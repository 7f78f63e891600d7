package io.careroute.solver.fleet;

import java.util.Arrays;

/**
 * One vehicle's route with what makes a change to it checkable in constant time: for each position the earliest
 * service start (forward from the depot) and the latest start that keeps the rest of the route on time (backward from
 * the depot's closing), and the load carried so far. Any change rebuilds the arrays ({@link #update()}, linear in the
 * route's length): changes are rare beside the checks.
 *
 * <p>Laid out for the string removals' scan of every place ({@link StringRemovals}), which looks at each route's places
 * for every customer it puts back: the stops sit between two depots ({@link #path}), so the places either side of a
 * position are two array reads without a branch; each place keeps the vehicle's departure and the distance of the leg
 * it would split. A route can also keep a copy of itself ({@link #save()}) and go back to it ({@link #undo()}) by
 * swapping arrays, not rebuilding them: most iterations of the string removals are undone.
 */
final class FleetRoute {

    private final FleetInstance problem;
    private int size;
    /** The depot, the stops, the depot: the stop at position k is {@code path[k + 1]}. */
    private int[] path;
    /** Earliest service start at each position. */
    private int[] start;
    /** When the vehicle leaves the place before each position (the depot before the first); {@code size + 1} of them. */
    private int[] departure;
    /** Latest service start at each position, and at {@code size} the latest arrival back at the depot. */
    private int[] latest;
    /** Demand of the stops before each position; at {@code size}, the route's load. */
    private int[] loadBefore;
    /** The distance from the place before each position to the place at it ({@code size + 1} legs). */
    private int[] leg;
    /** The sum of the legs; 0 for an empty route. */
    private long distance;
    /** The route as {@link #save()} kept it, the same fields in the same layout. */
    private int savedSize;
    private int[] savedPath;
    private int[] savedStart;
    private int[] savedDeparture;
    private int[] savedLatest;
    private int[] savedLoadBefore;
    private int[] savedLeg;
    private long savedDistance;
    /** Where this route is in its {@link FleetRoutes}' list (set there). */
    private int index = -1;
    /** A search's mark: the string removals' iteration that last touched this route (0: none). */
    private int mark;

    FleetRoute(FleetInstance problem, int[] stops) {
        this.problem = problem;
        this.size = stops.length;
        allocate(Math.max(4, stops.length * 2));
        System.arraycopy(stops, 0, path, 1, size);
        update();
    }

    /** Room for {@code capacity} stops; keeps the path's stops, the rest is rebuilt by {@link #update()}. */
    private void allocate(int capacity) {
        int[] oldPath = path;
        path = new int[capacity + 2];
        if (oldPath != null) {
            System.arraycopy(oldPath, 0, path, 0, size + 1);
        }
        start = new int[capacity + 1];
        departure = new int[capacity + 1];
        latest = new int[capacity + 1];
        loadBefore = new int[capacity + 1];
        leg = new int[capacity + 1];
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

    int mark() {
        return mark;
    }

    void setMark(int mark) {
        this.mark = mark;
    }

    int stop(int position) {
        return path[position + 1];
    }

    int[] stops() {
        return Arrays.copyOfRange(path, 1, size + 1);
    }

    int load() {
        return loadBefore[size];
    }

    int loadBefore(int position) {
        return loadBefore[position];
    }

    /** The route's distance, depot to depot (0 if it is empty). */
    long distance() {
        return distance;
    }

    /** Every stop on time and the vehicle back by the depot's closing, within capacity (for checks and tests). */
    boolean feasible() {
        for (int k = 0; k < size; k++) {
            if (start[k] > problem.due(path[k + 1])) {
                return false;
            }
        }
        int back = size == 0 ? problem.ready(0) : departure[size] + problem.time(path[size], 0);
        return back <= problem.due(0) && load() <= problem.capacity();
    }

    /** The place before a position (the depot before the first stop). */
    int placeBefore(int position) {
        return path[position];
    }

    /** The place at a position, the depot past the last stop. */
    int placeAt(int position) {
        return path[position + 1];
    }

    /** When the vehicle leaves the place before a position. */
    int departureBefore(int position) {
        return departure[position];
    }

    /** When the vehicle leaves the stop at a position. */
    int departureAt(int position) {
        return departure[position + 1];
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
                && begin + problem.service(customer) + problem.time(customer, path[position + 1]) <= latest[position];
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
        return loadBefore[size] + problem.demand(customer) <= problem.capacity()
                && fits(customer, path[position], departure[position], position);
    }

    /** Whether the customer at a position can leave the route with the rest still on time. */
    boolean canRemove(int position) {
        return departure[position] + problem.time(path[position], path[position + 2]) <= latest[position + 1];
    }

    /** Whether another customer can take the place of the one at a position. */
    boolean canReplace(int position, int customer) {
        return load() - problem.demand(path[position + 1]) + problem.demand(customer) <= problem.capacity()
                && fits(customer, path[position], departure[position], position + 1);
    }

    /**
     * The extra distance of a customer put in before a position: both distances on the customer's own rows
     * ({@link FleetInstance#distanceInto}), the leg it splits kept here, so that a scan of every place for one customer
     * reads two rows of the matrix and not a cell anywhere in it per place.
     */
    int insertionDelta(int customer, int position) {
        return problem.distanceInto(customer, path[position]) + problem.distance(customer, path[position + 1])
                - leg[position];
    }

    void insert(int customer, int position) {
        if (size + 1 > path.length - 2) {
            allocate(size * 2);
        }
        // The stops from the position on and the depot after them move up a place.
        System.arraycopy(path, position + 1, path, position + 2, size - position + 1);
        path[position + 1] = customer;
        size++;
        update();
    }

    int remove(int position) {
        int customer = path[position + 1];
        System.arraycopy(path, position + 2, path, position + 1, size - position - 1);
        size--;
        update();
        return customer;
    }

    void replace(int position, int customer) {
        path[position + 1] = customer;
        update();
    }

    /** Gives this route a new order (the stops are copied). */
    void set(int[] newStops, int newSize) {
        if (newSize > path.length - 2) {
            size = 0;   // nothing of the old stops to keep: the new ones are copied in below
            allocate(newSize * 2);
        }
        System.arraycopy(newStops, 0, path, 1, newSize);
        size = newSize;
        update();
    }

    /** Keeps a copy of the route as it is now, for {@link #undo()}. */
    void save() {
        int length = path.length;
        if (savedPath == null || savedPath.length != length) {
            savedPath = new int[length];
            savedStart = new int[length - 1];
            savedDeparture = new int[length - 1];
            savedLatest = new int[length - 1];
            savedLoadBefore = new int[length - 1];
            savedLeg = new int[length - 1];
        }
        savedSize = size;
        savedDistance = distance;
        System.arraycopy(path, 0, savedPath, 0, size + 2);
        System.arraycopy(start, 0, savedStart, 0, size);
        System.arraycopy(departure, 0, savedDeparture, 0, size + 1);
        System.arraycopy(latest, 0, savedLatest, 0, size + 1);
        System.arraycopy(loadBefore, 0, savedLoadBefore, 0, size + 1);
        System.arraycopy(leg, 0, savedLeg, 0, size + 1);
    }

    /** The distance of the route {@link #save()} kept. */
    long savedDistance() {
        return savedDistance;
    }

    /** Goes back to the route {@link #save()} kept, by swapping arrays; the copy is then spent. */
    void undo() {
        int[] swap = path;
        path = savedPath;
        savedPath = swap;
        swap = start;
        start = savedStart;
        savedStart = swap;
        swap = departure;
        departure = savedDeparture;
        savedDeparture = swap;
        swap = latest;
        latest = savedLatest;
        savedLatest = swap;
        swap = loadBefore;
        loadBefore = savedLoadBefore;
        savedLoadBefore = swap;
        swap = leg;
        leg = savedLeg;
        savedLeg = swap;
        size = savedSize;
        distance = savedDistance;
    }

    void update() {
        path[0] = 0;
        path[size + 1] = 0;
        int time = problem.ready(0);
        departure[0] = time;
        int at = 0;
        int load = 0;
        long total = 0;
        for (int k = 0; k < size; k++) {
            int c = path[k + 1];
            time = Math.max(problem.ready(c), time + problem.time(at, c));
            start[k] = time;
            loadBefore[k] = load;
            leg[k] = problem.distance(at, c);
            total += leg[k];
            load += problem.demand(c);
            time += problem.service(c);
            departure[k + 1] = time;
            at = c;
        }
        loadBefore[size] = load;
        leg[size] = problem.distance(at, 0);
        distance = size == 0 ? 0 : total + leg[size];
        fillLatest(problem, path, 1, size, latest);
    }

    /**
     * The latest service start at each of the {@code size} stops from {@code stops[first]} on that keeps the rest on
     * time, and at {@code size} the latest arrival back at the depot: backward from the depot's closing.
     */
    static void fillLatest(FleetInstance problem, int[] stops, int first, int size, int[] latest) {
        int bound = problem.due(0);
        latest[size] = bound;
        int next = 0;
        for (int k = size - 1; k >= 0; k--) {
            int c = stops[first + k];
            bound = Math.min(problem.due(c), bound - problem.time(c, next) - problem.service(c));
            latest[k] = bound;
            next = c;
        }
    }
}
