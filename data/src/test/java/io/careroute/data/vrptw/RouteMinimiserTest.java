package io.careroute.data.vrptw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.careroute.solver.fleet.FleetInstance;
import io.careroute.solver.fleet.RouteMinimiser;
import org.junit.jupiter.api.Test;

/**
 * The ejection-pool route minimiser on real Solomon instances, its routes checked by {@link VrptwFeasibility} (which
 * recomputes every schedule in double precision from the instance file, not from the minimiser's arrays).
 */
class RouteMinimiserTest {

    @Test
    void rc101FromOneVehiclePerCustomerComesDownToTheBestKnownFleetOrOneMore() throws Exception {
        VrptwInstance rc101 = SolomonReader.read(SharedVrptw.instance("solomon/RC101.txt"));
        RouteMinimiser minimiser = new RouteMinimiser(fleet(rc101), singletons(rc101), new Random(1));

        List<int[]> routes = minimiser.minimise(System.nanoTime() + TimeUnit.SECONDS.toNanos(8), Long.MAX_VALUE);

        assertThat(VrptwFeasibility.violations(rc101, asLists(routes))).isEmpty();
        // Best known: 14. The local search alone ended at 15 in every run at 30 s (docs/benchmarks.md).
        assertThat(routes.size()).isBetween(14, 15);
    }

    /**
     * Without a clock every failed attempt is followed by another, up to three in a row. From one customer a route, a
     * single attempt reached RC101's best-known 14 on 3 of these 10 seeds (0-9), three attempts on 7.
     */
    @Test
    void anotherAttemptAfterAFailedOneReachesRc101sBestKnownFleetOnMostSeeds() throws Exception {
        VrptwInstance rc101 = SolomonReader.read(SharedVrptw.instance("solomon/RC101.txt"));
        FleetInstance fleet = fleet(rc101);
        int atBestKnown = 0;
        for (long seed = 0; seed < 10; seed++) {
            List<int[]> routes = new RouteMinimiser(fleet, singletons(rc101), new Random(seed)).minimise(Long.MAX_VALUE,
                    Long.MAX_VALUE);
            assertThat(VrptwFeasibility.violations(rc101, asLists(routes))).as("seed %d", seed).isEmpty();
            atBestKnown += routes.size() == 14 ? 1 : 0;
        }
        assertThat(atBestKnown).isGreaterThanOrEqualTo(6);
    }

    @Test
    void anIterationLimitGivesTheSameRoutesEveryTime() throws Exception {
        VrptwInstance r101 = SolomonReader.read(SharedVrptw.instance("solomon/R101.txt"));
        List<int[]> first = new RouteMinimiser(fleet(r101), singletons(r101), new Random(5)).minimise(Long.MAX_VALUE, 3_000);
        List<int[]> second = new RouteMinimiser(fleet(r101), singletons(r101), new Random(5)).minimise(Long.MAX_VALUE, 3_000);

        assertThat(asLists(second)).isEqualTo(asLists(first));
        assertThat(VrptwFeasibility.violations(r101, asLists(first))).isEmpty();
        assertThat(first.size()).isLessThan(r101.customerCount() / 2);
    }

    @Test
    void itRefusesRoutesThatAreNotFeasibleOrMissACustomer() throws Exception {
        VrptwInstance c101 = SolomonReader.read(SharedVrptw.instance("solomon/C101.txt"));
        List<int[]> all = singletons(c101);
        List<int[]> missing = all.subList(1, all.size());
        assertThatThrownBy(() -> new RouteMinimiser(fleet(c101), missing, new Random(1)))
                .hasMessageContaining("customer 1 is in no route");
        // C101 customer 3 (window 65-146) after customer 1 (912-967, 90 of service): late.
        List<int[]> late = new ArrayList<>(all.subList(3, all.size()));
        late.add(new int[] {2});
        late.add(new int[] {1, 3});
        assertThatThrownBy(() -> new RouteMinimiser(fleet(c101), late, new Random(1)))
                .hasMessageContaining("is not feasible");
    }

    /** The instance in the minimiser's arrays, in careroute's fixed-point units (each leg rounded up, as the solver has it). */
    static FleetInstance fleet(VrptwInstance instance) {
        return VrptwFleet.of(instance);
    }

    static List<int[]> singletons(VrptwInstance instance) {
        return VrptwFleet.singletons(instance);
    }

    static List<List<Integer>> asLists(List<int[]> routes) {
        return VrptwFleet.asLists(routes);
    }
}
