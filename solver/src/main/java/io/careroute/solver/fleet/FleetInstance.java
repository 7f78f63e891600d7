package io.careroute.solver.fleet;

/**
 * A plain vehicle-routing problem with time windows, in flat arrays: one depot (index 0), identical vehicles of one
 * capacity, customers 1..n with a hard window, a service time and a demand. Route minimisation works on this and
 * not on the planning model: it tries hundreds of thousands of insertions and ejections a second, each an array
 * lookup or two, where the planning model would reschedule a route and rescore it.
 */
public final class FleetInstance {

    private final int size;
    private final int[] time;
    private final int[] distance;
    /**
     * The distances by destination: row {@code to} holds the distance from every place to it (the same array as
     * {@link #distance} when the matrix is symmetric, as Solomon's are). A scan of every place for one customer then
     * reads the distances to and from it on two rows instead of down a column ({@link FleetRoute#insertionDelta}).
     */
    private final int[] distanceByDestination;
    private final int[] ready;
    private final int[] due;
    private final int[] service;
    private final int[] demand;
    private final int capacity;

    /**
     * @param time     travel times, row-major, (n+1) x (n+1), index 0 the depot
     * @param distance travel distances, the same shape (what a tie between two insertions is decided on)
     * @param ready    earliest service start per index; index 0 is the time the vehicles leave the depot
     * @param due      latest service start per index; index 0 is the time the vehicles must be back by
     */
    public FleetInstance(int[] time, int[] distance, int[] ready, int[] due, int[] service, int[] demand, int capacity) {
        this.size = ready.length;
        if (time.length != size * size || distance.length != size * size || due.length != size
                || service.length != size || demand.length != size) {
            throw new IllegalArgumentException("arrays of " + size + " places and a " + size + " x " + size + " matrix expected");
        }
        // The route checks rely on it: a later place is never reached sooner, so the latest starts never fall along a
        // route (FleetRoute.firstOpenPosition) and the departures never fall (the scans stop at the first one too late).
        for (int i = 0; i < time.length; i++) {
            if (time[i] < 0) {
                throw new IllegalArgumentException("the travel time from " + i / size + " to " + i % size
                        + " is negative: " + time[i]);
            }
        }
        for (int place = 0; place < size; place++) {
            if (service[place] < 0) {
                throw new IllegalArgumentException("the service time at " + place + " is negative: " + service[place]);
            }
        }
        this.time = time;
        this.distance = distance;
        this.distanceByDestination = transposed(distance, size);
        this.ready = ready;
        this.due = due;
        this.service = service;
        this.demand = demand;
        this.capacity = capacity;
    }

    /** Customers, not counting the depot. */
    public int customers() {
        return size - 1;
    }

    /** A square matrix's transpose, or the matrix itself if it is symmetric. */
    private static int[] transposed(int[] matrix, int size) {
        boolean symmetric = true;
        for (int from = 0; from < size && symmetric; from++) {
            for (int to = from + 1; to < size && symmetric; to++) {
                symmetric = matrix[from * size + to] == matrix[to * size + from];
            }
        }
        if (symmetric) {
            return matrix;
        }
        int[] transposed = new int[matrix.length];
        for (int from = 0; from < size; from++) {
            for (int to = 0; to < size; to++) {
                transposed[to * size + from] = matrix[from * size + to];
            }
        }
        return transposed;
    }

    int time(int from, int to) {
        return time[from * size + to];
    }

    int distance(int from, int to) {
        return distance[from * size + to];
    }

    /** The same as {@code distance(from, to)}, read from the destination's row. */
    int distanceInto(int to, int from) {
        return distanceByDestination[to * size + from];
    }

    int ready(int place) {
        return ready[place];
    }

    int due(int place) {
        return due[place];
    }

    int service(int place) {
        return service[place];
    }

    int demand(int place) {
        return demand[place];
    }

    int capacity() {
        return capacity;
    }

    /** No fleet can do with fewer vehicles than the total demand needs. */
    int vehicleLowerBound() {
        long total = 0;
        for (int c = 1; c < size; c++) {
            total += demand[c];
        }
        return (int) Math.max(1, (total + capacity - 1) / capacity);
    }

    /** The mean distance from a customer to its nearest other customer: the scale of one small change to a route. */
    public double averageNearest() {
        long total = 0;
        for (int c = 1; c < size; c++) {
            int nearest = Integer.MAX_VALUE;
            for (int o = 1; o < size; o++) {
                if (o != c) {
                    nearest = Math.min(nearest, distance(c, o));
                }
            }
            total += nearest == Integer.MAX_VALUE ? 0 : nearest;
        }
        return size > 1 ? (double) total / (size - 1) : 0;
    }

    /** For each customer, up to {@code count} other customers, nearest first (ties by index). */
    int[][] nearestCustomers(int count) {
        int n = customers();
        int kept = Math.max(0, Math.min(count, n - 1));
        int[][] near = new int[n + 1][];
        near[0] = new int[0];
        long[] keys = new long[Math.max(0, n - 1)];
        for (int c = 1; c <= n; c++) {
            int k = 0;
            for (int o = 1; o <= n; o++) {
                if (o != c) {
                    keys[k++] = ((long) distance(c, o) << 32) | o;
                }
            }
            java.util.Arrays.sort(keys);
            near[c] = new int[kept];
            for (int i = 0; i < kept; i++) {
                near[c][i] = (int) keys[i];
            }
        }
        return near;
    }
}
