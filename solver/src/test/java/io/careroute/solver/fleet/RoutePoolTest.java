package io.careroute.solver.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The route pool keeps one order per set of customers, the shortest, and no more sets than its capacity. */
class RoutePoolTest {

    /** Four customers on a line from the depot, 10 apart, wide windows: any order is feasible. */
    private static final FleetInstance LINE = line();

    @Test
    void theSameCustomersInAnotherOrderAreOneSetKeptInTheShorterOrder() {
        RoutePool pool = new RoutePool(4, 10);
        pool.add(new FleetRoute(LINE, new int[] {2, 1}), 50, 1000);
        pool.add(new FleetRoute(LINE, new int[] {1, 2}), 40, 1000);
        pool.add(new FleetRoute(LINE, new int[] {2, 1}), 50, 1000);   // longer again: the shorter order stays

        assertThat(pool.size()).isEqualTo(1);
        RoutePool.Entry entry = pool.entries().get(0);
        assertThat(entry.customers()).containsExactly(1, 2);
        assertThat(entry.stops()).containsExactly(1, 2);
        assertThat(entry.distance()).isEqualTo(40);
        // Found again by its customers in any order; another set is not there.
        assertThat(pool.entryOf(new int[] {2, 1})).isSameAs(entry);
        assertThat(pool.entryOf(new int[] {1, 3})).isNull();
        assertThat(pool.entryOf(new int[] {1})).isNull();
    }

    @Test
    void pastItsCapacityOnlyShorterOrdersOfKeptSetsAreTakenAndEmptyRoutesNever() {
        RoutePool pool = new RoutePool(4, 2);
        pool.add(new FleetRoute(LINE, new int[0]), 0, 1000);
        pool.add(new FleetRoute(LINE, new int[] {1}), 20, 1000);
        pool.add(new FleetRoute(LINE, new int[] {3, 2}), 70, 1000);
        pool.add(new FleetRoute(LINE, new int[] {4}), 80, 1000);   // a third set: no room
        pool.add(new FleetRoute(LINE, new int[] {2, 3}), 60, 1000);

        assertThat(pool.entries()).extracting(RoutePool.Entry::distance).containsExactly(20L, 60L);
        assertThat(pool.entries().get(1).stops()).containsExactly(2, 3);
    }

    @Test
    void eachSetRemembersTheShortestPlanItWasKeptFromAndATierTakesTheSetsUpToItsPlan() {
        RoutePool pool = new RoutePool(4, 10);
        pool.add(new FleetRoute(LINE, new int[] {1, 2}), 40, 1010);
        pool.add(new FleetRoute(LINE, new int[] {3}), 60, 1004);
        pool.add(new FleetRoute(LINE, new int[] {2, 1}), 50, 1001);   // a longer order in a shorter plan
        pool.add(new FleetRoute(LINE, new int[] {4}), 80, 1020);
        pool.add(new FleetRoute(LINE, new int[] {4}), 80, 1030);      // a longer plan changes nothing

        assertThat(pool.entries(1000)).isEmpty();
        assertThat(pool.entries(1001)).extracting(RoutePool.Entry::distance).containsExactly(40L);
        assertThat(pool.entries(1001).get(0).stops()).containsExactly(1, 2);   // still the shorter order
        assertThat(pool.entries(1019)).extracting(RoutePool.Entry::distance).containsExactly(40L, 60L);
        assertThat(pool.entries(1020)).hasSize(3);
        assertThat(pool.entries()).hasSize(3);
    }

    private static FleetInstance line() {
        int size = 5;
        int[] time = new int[size * size];
        for (int a = 0; a < size; a++) {
            for (int b = 0; b < size; b++) {
                time[a * size + b] = 10 * Math.abs(a - b);
            }
        }
        int[] ready = new int[size];
        int[] due = {1000, 1000, 1000, 1000, 1000};
        int[] service = new int[size];
        int[] demand = {0, 1, 1, 1, 1};
        return new FleetInstance(time, time, ready, due, service, demand, 10);
    }
}
