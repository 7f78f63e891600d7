package io.careroute.solver.fleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plan's routes, and which route holds each customer (-1 while a search has taken it out). */
final class FleetRoutes {

    private final FleetInstance problem;
    private final List<FleetRoute> routes = new ArrayList<>();
    private final int[] routeOf;

    /**
     * @param routes every customer once, each route feasible; empty ones are left out
     * @throws IllegalArgumentException naming the route or customer that breaks this
     */
    FleetRoutes(FleetInstance problem, List<int[]> routes) {
        this.problem = problem;
        int n = problem.customers();
        this.routeOf = new int[n + 1];
        boolean[] seen = new boolean[n + 1];
        for (int[] stops : routes) {
            if (stops.length == 0) {
                continue;
            }
            FleetRoute route = new FleetRoute(problem, stops);
            if (!route.feasible()) {
                throw new IllegalArgumentException("route " + Arrays.toString(stops) + " is not feasible");
            }
            for (int c : stops) {
                if (c < 1 || c > n || seen[c]) {
                    throw new IllegalArgumentException("customer " + c + " is out of range or in two routes");
                }
                seen[c] = true;
            }
            this.routes.add(route);
        }
        for (int c = 1; c <= n; c++) {
            if (!seen[c]) {
                throw new IllegalArgumentException("customer " + c + " is in no route");
            }
        }
        reindex();
    }

    List<FleetRoute> all() {
        return routes;
    }

    int size() {
        return routes.size();
    }

    /** The route holding a customer, or null while it is taken out. */
    FleetRoute routeOf(int customer) {
        int index = routeOf[customer];
        return index < 0 ? null : routes.get(index);
    }

    /** Takes a whole route out of the plan; its customers are then in none. */
    FleetRoute removeAt(int index) {
        FleetRoute removed = routes.remove(index);
        removed.setIndex(-1);   // out of the list, as indexOf would say
        reindex();
        return removed;
    }

    /** Drops a route a search emptied. */
    void dropEmpty(FleetRoute route) {
        routes.remove(route);
        route.setIndex(-1);
        reindex();
    }

    /** Marks a customer as taken out of its route (the route itself is changed by the caller). */
    void takenOut(int customer) {
        routeOf[customer] = -1;
    }

    /** Records that a customer went into a route (the rest of the route's customers stay where they were). */
    void placed(int customer, FleetRoute route) {
        routeOf[customer] = route.index();
    }

    /** Records where a changed route's customers now are. */
    void changed(FleetRoute route) {
        int index = route.index();
        for (int k = 0; k < route.size(); k++) {
            routeOf[route.stop(k)] = index;
        }
    }

    List<int[]> snapshot() {
        List<int[]> copy = new ArrayList<>(routes.size());
        for (FleetRoute route : routes) {
            copy.add(route.stops());
        }
        return copy;
    }

    void restore(List<int[]> stops) {
        routes.clear();
        for (int[] s : stops) {
            routes.add(new FleetRoute(problem, s));
        }
        reindex();
    }

    static int positionOf(FleetRoute route, int customer) {
        for (int k = 0; k < route.size(); k++) {
            if (route.stop(k) == customer) {
                return k;
            }
        }
        throw new IllegalStateException("customer " + customer + " is not on its route");
    }

    /**
     * Numbers the routes in list order and records where every customer is. Each route keeps its own number, so that
     * {@link #changed} needs no search of the list: the string removals call it several times an iteration, and the
     * list's {@code indexOf} was about 3 % of their time (a profile of RC1_2_1).
     */
    private void reindex() {
        Arrays.fill(routeOf, -1);
        for (int i = 0; i < routes.size(); i++) {
            routes.get(i).setIndex(i);
            changed(routes.get(i));
        }
    }
}
