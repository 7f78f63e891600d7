package io.careroute.solver.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

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

    @Test
    void anotherSearchsRoutesJoinByTheSameRulesAndTheShorterPlanOfASetHolds() {
        RoutePool mine = new RoutePool(4, 3);
        mine.add(new FleetRoute(LINE, new int[] {2, 1}), 50, 1010);
        mine.add(new FleetRoute(LINE, new int[] {3}), 60, 1004);
        RoutePool theirs = new RoutePool(4, 10);
        theirs.add(new FleetRoute(LINE, new int[] {1, 2}), 40, 1020);   // a shorter order of a set I keep, a longer plan
        theirs.add(new FleetRoute(LINE, new int[] {3}), 70, 1001);      // a longer order of a set I keep, a shorter plan
        theirs.add(new FleetRoute(LINE, new int[] {4}), 80, 1002);      // a new set: room for it
        theirs.add(new FleetRoute(LINE, new int[] {1, 4}), 90, 1003);   // a new set: no room left

        List<RoutePool.Shared> shared = theirs.shared();
        theirs.add(new FleetRoute(LINE, new int[] {2, 4}), 70, 1000);   // after the copy: not handed over
        assertThat(shared).hasSize(4);

        assertThat(mine.join(shared)).isEqualTo(2);   // the shorter order and the new set
        assertThat(mine.entries()).extracting(RoutePool.Entry::distance).containsExactly(40L, 60L, 80L);
        assertThat(mine.entryOf(new int[] {2, 1}).stops()).containsExactly(1, 2);
        assertThat(mine.entryOf(new int[] {2, 4})).isNull();
        // Each set's plan is the shorter of the two pools': {3} now belongs to plans of 1001, {1, 2} still to 1010.
        assertThat(mine.entries(1001)).extracting(RoutePool.Entry::distance).containsExactly(60L);
        assertThat(mine.entries(1002)).extracting(RoutePool.Entry::distance).containsExactly(60L, 80L);
        assertThat(mine.entries(1010)).hasSize(3);
    }

    @Test
    void aRouteOfAnotherInstanceIsRefusedNamingItsCustomer() {
        RoutePool larger = new RoutePool(6, 10);
        larger.add(new FleetRoute(line(6), new int[] {5, 6}), 120, 1000);
        assertThatThrownBy(() -> new RoutePool(4, 10).join(larger.shared()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer 5")
                .hasMessageContaining("1 to 4");
    }

    private static FleetInstance line() {
        return line(4);
    }

    /** Customers 1 to {@code customers} on a line from the depot, 10 apart, wide windows: any order is feasible. */
    private static FleetInstance line(int customers) {
        int size = customers + 1;
        int[] time = new int[size * size];
        for (int a = 0; a < size; a++) {
            for (int b = 0; b < size; b++) {
                time[a * size + b] = 10 * Math.abs(a - b);
            }
        }
        int[] ready = new int[size];
        int[] due = new int[size];
        Arrays.fill(due, 1000);
        int[] service = new int[size];
        int[] demand = new int[size];
        Arrays.fill(demand, 1, size, 1);
        return new FleetInstance(time, time, ready, due, service, demand, 10);
    }}
