package io.careroute.solver.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The constant-time checks of a route and the ejection search, each against the plain answer: the changed route
 * scheduled from the depot ({@link FleetRoute#feasible()}) and every subset of ejected customers tried in turn.
 */
class FleetRouteTest {

    private static final int CUSTOMERS = 14;

    @Test
    void everyConstantTimeCheckAgreesWithSchedulingTheChangedRoute() {
        Random random = new Random(11);
        int checks = 0;
        int feasibleAnswers = 0;
        int skippedAtTheFront = 0;
        for (int round = 0; round < 300; round++) {
            FleetInstance problem = randomInstance(random);
            FleetRoute route = new FleetRoute(problem, randomFeasibleRoute(problem, random));
            int[] stops = route.stops();
            List<Integer> outside = outside(problem, stops);
            for (int customer : outside) {
                int firstOpen = route.firstOpenPosition(customer);
                skippedAtTheFront += firstOpen;
                for (int position = 0; position <= stops.length; position++) {
                    boolean expected = feasible(problem, inserted(stops, customer, position));
                    assertThat(route.canInsert(customer, position)).as("insert %d at %d into %s", customer, position,
                            Arrays.toString(stops)).isEqualTo(expected);
                    // The searches look only from the first open place to the first left after the window closes.
                    if (expected) {
                        assertThat(position).as("first open place for %d in %s", customer, Arrays.toString(stops))
                                .isGreaterThanOrEqualTo(firstOpen);
                        assertThat(route.departureBefore(position)).isLessThanOrEqualTo(problem.due(customer));
                    }
                    feasibleAnswers += expected ? 1 : 0;
                    checks++;
                }
                for (int position = 0; position < stops.length; position++) {
                    int[] replaced = stops.clone();
                    replaced[position] = customer;
                    assertThat(route.canReplace(position, customer)).isEqualTo(feasible(problem, replaced));
                    checks++;
                }
            }
            for (int position = 0; position < stops.length; position++) {
                assertThat(route.canRemove(position)).isEqualTo(feasible(problem, removed(stops, position)));
                checks++;
            }
        }
        // Both answers to an insertion occur often: the instances are neither all loose nor all tight.
        assertThat(checks).isGreaterThan(10_000);
        assertThat(feasibleAnswers).isBetween(500, checks / 2);
        // ... and the front of a route is often closed to a customer, so the binary search does cut.
        assertThat(skippedAtTheFront).isGreaterThan(100);
    }

    @Test
    void theEjectionSearchFindsTheLeastPenaltyAsTryingEverySubsetDoes() {
        Random random = new Random(7);
        int found = 0;
        for (int round = 0; round < 300; round++) {
            FleetInstance problem = randomInstance(random);
            FleetRoute route = new FleetRoute(problem, randomFeasibleRoute(problem, random));
            int[] stops = route.stops();
            List<Integer> outside = outside(problem, stops);
            if (outside.isEmpty() || stops.length == 0) {
                continue;
            }
            int customer = outside.get(random.nextInt(outside.size()));
            int[] penalty = new int[CUSTOMERS + 1];
            for (int c = 1; c <= CUSTOMERS; c++) {
                penalty[c] = 1 + random.nextInt(4);
            }
            RouteMinimiser.Ejection best = new RouteMinimiser.Ejection();
            new EjectionSearch(problem).search(route, customer, Math.min(3, stops.length), penalty, best);

            int expected = bruteForceLeastPenalty(problem, stops, customer, penalty);
            if (expected == Integer.MAX_VALUE) {
                assertThat(best.route).isNull();
                continue;
            }
            found++;
            assertThat(best.penaltySum).isEqualTo(expected);
            // What it found is itself a feasible route with that penalty.
            List<Integer> kept = new ArrayList<>();
            int sum = 0;
            for (int k = 0, e = 0; k < stops.length; k++) {
                if (e < best.count && best.positions[e] == k) {
                    sum += penalty[stops[k]];
                    e++;
                } else {
                    kept.add(stops[k]);
                }
            }
            kept.add(best.insertAt, customer);
            assertThat(sum).isEqualTo(expected);
            assertThat(feasible(problem, kept.stream().mapToInt(Integer::intValue).toArray())).isTrue();
        }
        assertThat(found).isGreaterThan(50);
    }

    private static int bruteForceLeastPenalty(FleetInstance problem, int[] stops, int customer, int[] penalty) {
        int best = Integer.MAX_VALUE;
        int n = stops.length;
        for (int mask = 1; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) > 3) {
                continue;
            }
            List<Integer> kept = new ArrayList<>();
            int sum = 0;
            for (int k = 0; k < n; k++) {
                if ((mask & 1 << k) != 0) {
                    sum += penalty[stops[k]];
                } else {
                    kept.add(stops[k]);
                }
            }
            for (int position = 0; position <= kept.size(); position++) {
                List<Integer> trial = new ArrayList<>(kept);
                trial.add(position, customer);
                if (sum < best && feasible(problem, trial.stream().mapToInt(Integer::intValue).toArray())) {
                    best = sum;
                }
            }
        }
        return best;
    }

    /** Customers on a 100 x 100 square, windows of 20 to 200 in a day of 400, demands of 1 to 30, capacity 100. */
    static FleetInstance randomInstance(Random random) {
        int size = CUSTOMERS + 1;
        int[] x = new int[size];
        int[] y = new int[size];
        x[0] = 50;
        y[0] = 50;
        for (int c = 1; c < size; c++) {
            x[c] = random.nextInt(101);
            y[c] = random.nextInt(101);
        }
        int[] time = new int[size * size];
        for (int a = 0; a < size; a++) {
            for (int b = 0; b < size; b++) {
                time[a * size + b] = (int) Math.ceil(Math.hypot(x[a] - x[b], y[a] - y[b]));
            }
        }
        int[] ready = new int[size];
        int[] due = new int[size];
        int[] service = new int[size];
        int[] demand = new int[size];
        due[0] = 400;
        for (int c = 1; c < size; c++) {
            ready[c] = random.nextInt(250);
            due[c] = ready[c] + 20 + random.nextInt(180);
            service[c] = 5 + random.nextInt(15);
            demand[c] = 1 + random.nextInt(30);
        }
        return new FleetInstance(time, time, ready, due, service, demand, 100);
    }

    /** Customers tried in random order, each kept at the end when the route stays feasible. */
    static int[] randomFeasibleRoute(FleetInstance problem, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int c = 1; c <= problem.customers(); c++) {
            order.add(c);
        }
        java.util.Collections.shuffle(order, random);
        int[] route = new int[0];
        for (int c : order) {
            int[] longer = inserted(route, c, random.nextInt(route.length + 1));
            if (feasible(problem, longer)) {
                route = longer;
            }
        }
        return route;
    }

    static boolean feasible(FleetInstance problem, int[] stops) {
        return new FleetRoute(problem, stops).feasible();
    }

    private static List<Integer> outside(FleetInstance problem, int[] stops) {
        List<Integer> outside = new ArrayList<>();
        for (int c = 1; c <= problem.customers(); c++) {
            int customer = c;
            if (Arrays.stream(stops).noneMatch(s -> s == customer)) {
                outside.add(c);
            }
        }
        return outside;
    }

    private static int[] inserted(int[] stops, int customer, int position) {
        int[] longer = new int[stops.length + 1];
        System.arraycopy(stops, 0, longer, 0, position);
        longer[position] = customer;
        System.arraycopy(stops, position, longer, position + 1, stops.length - position);
        return longer;
    }

    private static int[] removed(int[] stops, int position) {
        int[] shorter = new int[stops.length - 1];
        System.arraycopy(stops, 0, shorter, 0, position);
        System.arraycopy(stops, position + 1, shorter, position, stops.length - position - 1);
        return shorter;
    }
}
