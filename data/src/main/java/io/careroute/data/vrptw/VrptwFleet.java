package io.careroute.data.vrptw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.careroute.solver.fleet.FleetInstance;

/**
 * A VRPTW instance as the fleet searches' flat arrays ({@link FleetInstance}), in the units of
 * {@link EuclideanTravelTimes}: Solomon's distances times {@link EuclideanTravelTimes#SCALE}, each leg rounded up, so a
 * schedule feasible here is feasible in double precision too. So that the route minimiser and the string removals can
 * run alone on an instance: their tests and the benchmarks' probe ({@code ./careroute benchmark string-removals}).
 */
public final class VrptwFleet {

    private VrptwFleet() {
    }

    public static FleetInstance of(VrptwInstance instance) {
        EuclideanTravelTimes travel = new EuclideanTravelTimes(instance);
        int size = instance.customers().size();
        int[] time = new int[size * size];
        for (int a = 0; a < size; a++) {
            for (int b = 0; b < size; b++) {
                time[a * size + b] = travel.seconds(null, a, b);
            }
        }
        int[] ready = new int[size];
        int[] due = new int[size];
        int[] service = new int[size];
        int[] demand = new int[size];
        for (VrptwInstance.Customer c : instance.customers()) {
            ready[c.id()] = EuclideanTravelTimes.toUnits(c.ready());
            due[c.id()] = EuclideanTravelTimes.toUnits(c.due());
            service[c.id()] = EuclideanTravelTimes.toUnits(c.service());
            demand[c.id()] = c.demand();
        }
        // Euclidean: the travel time is the distance.
        return new FleetInstance(time, time, ready, due, service, demand, instance.capacity());
    }

    /** Every customer on a route of its own: where the route minimiser starts from. */
    public static List<int[]> singletons(VrptwInstance instance) {
        List<int[]> routes = new ArrayList<>();
        for (int c = 1; c <= instance.customerCount(); c++) {
            routes.add(new int[] {c});
        }
        return routes;
    }

    /** Routes of customer numbers as lists, the form {@link VrptwSolution} takes. */
    public static List<List<Integer>> asLists(List<int[]> routes) {
        return routes.stream().map(r -> Arrays.stream(r).boxed().toList()).toList();
    }
}
