package io.careroute.data.vrptw;

import java.util.List;

/**
 * A Solomon / Gehring-Homberger VRPTW instance. Customer 0 is the depot; its due date is the horizon.
 *
 * @param vehicles the fleet available (an upper bound, not the number to use)
 */
public record VrptwInstance(String name, int vehicles, int capacity, List<Customer> customers) {

    public record Customer(int id, double x, double y, int demand, double ready, double due, double service) {
    }

    public Customer depot() {
        return customers.get(0);
    }

    public int customerCount() {
        return customers.size() - 1;
    }

    /** Euclidean distance in double precision, as the benchmark defines travel time. */
    public double distance(int from, int to) {
        Customer a = customers.get(from);
        Customer b = customers.get(to);
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }
}
