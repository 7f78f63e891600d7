package io.careroute.data.vrptw;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An independent VRPTW feasibility check in double precision, straight from the benchmark's rules: every
 * customer exactly once, load within capacity, service starts by the due date (waiting allowed), back at the
 * depot by its due date, fleet size respected. It shares no code with the solver.
 */
final class VrptwFeasibility {

    private VrptwFeasibility() {
    }

    static List<String> violations(VrptwInstance instance, List<List<Integer>> routes) {
        List<String> violations = new ArrayList<>();
        if (routes.size() > instance.vehicles()) {
            violations.add(routes.size() + " routes, fleet is " + instance.vehicles());
        }
        Set<Integer> seen = new HashSet<>();
        for (int r = 0; r < routes.size(); r++) {
            double time = instance.depot().ready();
            int load = 0;
            int at = 0;
            for (int customer : routes.get(r)) {
                if (customer < 1 || customer > instance.customerCount() || !seen.add(customer)) {
                    violations.add("route " + (r + 1) + ": customer " + customer + " unknown or served twice");
                    continue;
                }
                VrptwInstance.Customer c = instance.customers().get(customer);
                time = Math.max(time + instance.distance(at, customer), c.ready());
                if (time > c.due() + 1e-6) {
                    violations.add("route " + (r + 1) + ": customer " + customer + " starts " + time + " after due " + c.due());
                }
                time += c.service();
                load += c.demand();
                at = customer;
            }
            if (load > instance.capacity()) {
                violations.add("route " + (r + 1) + ": load " + load + " over capacity " + instance.capacity());
            }
            double back = time + instance.distance(at, 0);
            if (back > instance.depot().due() + 1e-6) {
                violations.add("route " + (r + 1) + ": back at " + back + " after the horizon " + instance.depot().due());
            }
        }
        if (seen.size() != instance.customerCount()) {
            violations.add("served " + seen.size() + " of " + instance.customerCount() + " customers");
        }
        return violations;
    }
}
