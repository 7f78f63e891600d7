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
                // Exactly the first stop whose latest start leaves the customer room (the binary search's answer).
                int earliestEnd = problem.ready(customer) + problem.service(customer);
                int expectedFirstOpen = 0;
                while (expectedFirstOpen < stops.length && route.latestArrival(expectedFirstOpen) < earliestEnd) {
                    expectedFirstOpen++;
                }
                assertThat(firstOpen).isEqualTo(expectedFirstOpen);
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

    @Test
    void aRouteChangedInPlaceIsTheRouteBuiltAfreshFromItsStops() {
        Random random = new Random(5);
        int insertions = 0;
        int growths = 0;
        for (int round = 0; round < 300; round++) {
            FleetInstance problem = asymmetric(randomInstance(random), random);
            // From an empty route too, and past the room a route starts with (twice its stops, at least four).
            int[] first = round % 3 == 0 ? new int[0] : randomFeasibleRoute(problem, random);
            FleetRoute route = new FleetRoute(problem, first);
            List<Integer> outside = outside(problem, first);
            java.util.Collections.shuffle(outside, random);
            for (int customer : outside) {
                // Feasible or not: the incremental rebuild must agree with the whole one either way.
                route.insert(customer, random.nextInt(route.size() + 1));
                insertions++;
                assertSameAsBuiltAfresh(problem, route);
            }
            growths += route.size() > Math.max(4, first.length * 2) ? 1 : 0;
        }
        assertThat(insertions).isGreaterThan(2_000);
        assertThat(growths).isGreaterThan(50);
    }

    @Test
    void anUndoGivesBackTheRouteAsSavedWhateverChangedItSince() {
        Random random = new Random(9);
        for (int round = 0; round < 300; round++) {
            FleetInstance problem = asymmetric(randomInstance(random), random);
            FleetRoute route = new FleetRoute(problem, randomFeasibleRoute(problem, random));
            for (int trial = 0; trial < 5; trial++) {
                int[] saved = route.stops();
                long savedDistance = route.distance();
                route.save();
                List<Integer> outside = outside(problem, saved);
                if (route.size() > 0 && random.nextBoolean()) {
                    route.set(Arrays.copyOf(saved, saved.length - 1), saved.length - 1);   // a ruin
                }
                for (int customer : outside) {   // enough to outgrow the room now and then
                    route.insert(customer, random.nextInt(route.size() + 1));
                }
                assertThat(route.savedDistance()).isEqualTo(savedDistance);
                route.undo();
                assertThat(route.stops()).isEqualTo(saved);
                assertSameAsBuiltAfresh(problem, route);
                // ... and goes on changing in place from there.
                if (!outside.isEmpty()) {
                    route.insert(outside.get(0), random.nextInt(route.size() + 1));
                    assertSameAsBuiltAfresh(problem, route);
                }
            }
        }
    }

    /** Every answer the route gives agrees with a route built from its stops (a whole rebuild). */
    private static void assertSameAsBuiltAfresh(FleetInstance problem, FleetRoute route) {
        int[] stops = route.stops();
        FleetRoute fresh = new FleetRoute(problem, stops);
        String what = Arrays.toString(stops);
        assertThat(route.size()).isEqualTo(stops.length);
        assertThat(route.distance()).as("distance of %s", what).isEqualTo(fresh.distance());
        assertThat(route.load()).as("load of %s", what).isEqualTo(fresh.load());
        assertThat(route.feasible()).as("feasible %s", what).isEqualTo(fresh.feasible());
        for (int position = 0; position <= stops.length; position++) {
            assertThat(route.placeBefore(position)).isEqualTo(fresh.placeBefore(position));
            assertThat(route.placeAt(position)).isEqualTo(fresh.placeAt(position));
            assertThat(route.loadBefore(position)).as("load before %d in %s", position, what)
                    .isEqualTo(fresh.loadBefore(position));
            assertThat(route.departureBefore(position)).as("departure before %d in %s", position, what)
                    .isEqualTo(fresh.departureBefore(position));
            assertThat(route.latestArrival(position)).as("latest at %d in %s", position, what)
                    .isEqualTo(fresh.latestArrival(position));
            for (int customer = 1; customer <= problem.customers(); customer++) {
                assertThat(route.insertionDelta(customer, position)).isEqualTo(fresh.insertionDelta(customer, position));
            }
        }
    }

    /** The same instance with distances that differ from the times and each way (the transposed rows are read). */
    private static FleetInstance asymmetric(FleetInstance problem, Random random) {
        int size = problem.customers() + 1;
        int[] time = new int[size * size];
        int[] distance = new int[size * size];
        int[] ready = new int[size];
        int[] due = new int[size];
        int[] service = new int[size];
        int[] demand = new int[size];
        for (int a = 0; a < size; a++) {
            ready[a] = problem.ready(a);
            due[a] = problem.due(a);
            service[a] = problem.service(a);
            demand[a] = problem.demand(a);
            for (int b = 0; b < size; b++) {
                time[a * size + b] = problem.time(a, b);
                distance[a * size + b] = problem.time(a, b) + (a == b ? 0 : random.nextInt(10));
            }
        }
        FleetInstance asymmetric = new FleetInstance(time, distance, ready, due, service, demand, problem.capacity());
        for (int a = 0; a < size; a++) {
            for (int b = 0; b < size; b++) {
                assertThat(asymmetric.distanceInto(b, a)).isEqualTo(asymmetric.distance(a, b));
            }
        }
        return asymmetric;
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
