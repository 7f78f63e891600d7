package io.careroute.solver.fleet;

/**
 * Finds, in one route, the cheapest way to take a customer in by ejecting up to a few of the route's own: the subset
 * with the smallest sum of failure counts, then the least added distance. Subsets are walked in lexicographic order
 * and a branch is cut as soon as its sum cannot beat the best found (every count is at least 1, so a longer subset
 * only adds). Each candidate is checked on the route without the subset, in time linear in its length.
 */
final class EjectionSearch {

    private final FleetInstance problem;
    private final int[] chosen = new int[RouteMinimiser.MAX_EJECTED];
    private int[] kept = new int[16];
    private int[] start = new int[17];
    private int[] latest = new int[17];

    EjectionSearch(FleetInstance problem) {
        this.problem = problem;
    }

    /** Updates {@code best} when this route offers a better ejection for {@code customer}. */
    void search(FleetRoute route, int customer, int maxEjected, int[] penalty, RouteMinimiser.Ejection best) {
        if (kept.length < route.size() + 1) {
            kept = new int[route.size() * 2 + 1];
            start = new int[kept.length + 1];
            latest = new int[kept.length + 1];
        }
        choose(route, customer, maxEjected, penalty, best, 0, 0, 0, route.load() + problem.demand(customer));
    }

    private void choose(FleetRoute route, int customer, int maxEjected, int[] penalty, RouteMinimiser.Ejection best,
                        int from, int depth, int penaltySum, int load) {
        for (int k = from; k < route.size(); k++) {
            int ejected = route.stop(k);
            int sum = penaltySum + penalty[ejected];
            if (sum > best.penaltySum) {
                continue;
            }
            chosen[depth] = k;
            int remaining = load - problem.demand(ejected);
            if (remaining <= problem.capacity()) {
                evaluate(route, customer, depth + 1, sum, best);
            }
            if (depth + 1 < maxEjected && sum < best.penaltySum) {
                choose(route, customer, maxEjected, penalty, best, k + 1, depth + 1, sum, remaining);
            }
        }
    }

    private void evaluate(FleetRoute route, int customer, int count, int penaltySum, RouteMinimiser.Ejection best) {
        int n = 0;
        int c = 0;
        for (int k = 0; k < route.size(); k++) {
            if (c < count && chosen[c] == k) {
                c++;
            } else {
                kept[n++] = route.stop(k);
            }
        }
        // Forward: the route without the ejected must itself be on time (without the triangle inequality it may not).
        int time = problem.ready(0);
        int at = 0;
        for (int k = 0; k < n; k++) {
            int stop = kept[k];
            time = Math.max(problem.ready(stop), time + problem.time(at, stop));
            if (time > problem.due(stop)) {
                return;
            }
            start[k] = time;
            time += problem.service(stop);
            at = stop;
        }
        if (time + problem.time(at, 0) > problem.due(0)) {
            return;
        }
        FleetRoute.fillLatest(problem, kept, 0, n, latest);
        for (int position = 0; position <= n; position++) {
            int before = position == 0 ? 0 : kept[position - 1];
            int after = position == n ? 0 : kept[position];
            int departure = position == 0 ? problem.ready(0) : start[position - 1] + problem.service(before);
            int begin = Math.max(problem.ready(customer), departure + problem.time(before, customer));
            if (begin > problem.due(customer)
                    || begin + problem.service(customer) + problem.time(customer, after) > latest[position]) {
                continue;
            }
            int delta = problem.distance(before, customer) + problem.distance(customer, after) - problem.distance(before, after);
            if (penaltySum < best.penaltySum || (penaltySum == best.penaltySum && delta < best.delta)) {
                best.route = route;
                best.penaltySum = penaltySum;
                best.delta = delta;
                best.count = count;
                best.insertAt = position;
                System.arraycopy(chosen, 0, best.positions, 0, count);
            }
        }
    }
}
