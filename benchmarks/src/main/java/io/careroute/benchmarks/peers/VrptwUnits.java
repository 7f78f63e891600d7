package io.careroute.benchmarks.peers;

import java.util.List;

import io.careroute.data.vrptw.EuclideanTravelTimes;
import io.careroute.data.vrptw.VrptwInstance;
import io.careroute.solver.domain.TravelMode;

/**
 * The instance in careroute's VRPTW units, so every solver works on the same numbers: each leg its Euclidean
 * distance in units of 1/{@link EuclideanTravelTimes#SCALE}, rounded up (a schedule feasible in units is feasible in
 * double precision, as vrptw_check.py checks it); windows and service times rounded to the same units.
 */
final class VrptwUnits {

    private final VrptwInstance instance;
    private final EuclideanTravelTimes travel;

    VrptwUnits(VrptwInstance instance) {
        this.instance = instance;
        this.travel = new EuclideanTravelTimes(instance);
    }

    int size() {
        return instance.customers().size();
    }

    long leg(int from, int to) {
        return travel.seconds(TravelMode.CAR, from, to);
    }

    long ready(int node) {
        return EuclideanTravelTimes.toUnits(instance.customers().get(node).ready());
    }

    long due(int node) {
        return EuclideanTravelTimes.toUnits(instance.customers().get(node).due());
    }

    long service(int node) {
        return EuclideanTravelTimes.toUnits(instance.customers().get(node).service());
    }

    int demand(int node) {
        return instance.customers().get(node).demand();
    }

    /**
     * The fixed cost of a vehicle that makes the objective hierarchical (fewest vehicles, then distance): every
     * customer's round trip from the depot added up. By the triangle inequality no solution is longer, so one vehicle
     * fewer always pays, whatever the distance.
     */
    long vehicleFixedCost() {
        long total = 0;
        for (int node = 1; node < size(); node++) {
            total += leg(0, node) + leg(node, 0);
        }
        return total;
    }

    /** The routes' distance in units, as careroute's score counts it. */
    long distanceUnits(List<List<Integer>> routes) {
        long total = 0;
        for (List<Integer> route : routes) {
            int at = 0;
            for (int customer : route) {
                total += leg(at, customer);
                at = customer;
            }
            total += leg(at, 0);
        }
        return total;
    }
}
