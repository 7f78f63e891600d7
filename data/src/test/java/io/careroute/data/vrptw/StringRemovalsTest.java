package io.careroute.data.vrptw;

import static io.careroute.data.vrptw.RouteMinimiserTest.asLists;
import static io.careroute.data.vrptw.RouteMinimiserTest.fleet;
import static io.careroute.data.vrptw.RouteMinimiserTest.singletons;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import io.careroute.solver.fleet.FleetInstance;
import io.careroute.solver.fleet.RouteMinimiser;
import io.careroute.solver.fleet.StringRemovals;
import org.junit.jupiter.api.Test;

/** String removals on a real Solomon instance, their routes checked from the instance file by {@link VrptwFeasibility}. */
class StringRemovalsTest {

    private static final long SEED = 1;

    @Test
    void onRc101TheyShortenTheMinimisersRoutesWithoutAVehicleMoreAndKeepEveryRule() throws Exception {
        VrptwInstance rc101 = SolomonReader.read(SharedVrptw.instance("solomon/RC101.txt"));
        FleetInstance fleet = fleet(rc101);
        List<int[]> few = new RouteMinimiser(fleet, singletons(rc101), new Random(SEED)).minimise(Long.MAX_VALUE, Long.MAX_VALUE);
        double start = new VrptwSolution(rc101, asLists(few)).distance();

        List<int[]> shorter = StringRemovals.scaledTo(fleet, few, new Random(SEED)).improve(Long.MAX_VALUE, 150_000);

        assertThat(VrptwFeasibility.violations(rc101, asLists(shorter))).isEmpty();
        assertThat(shorter.size()).isLessThanOrEqualTo(few.size());
        double end = new VrptwSolution(rc101, asLists(shorter)).distance();
        // The minimiser's routes are long (best known: 14 / 1696.94; 15 vehicles need less, about 1620).
        assertThat(end).isLessThan(start * 0.95);
        // An iteration limit and a seed give the same routes again.
        List<int[]> again = StringRemovals.scaledTo(fleet, few, new Random(SEED)).improve(Long.MAX_VALUE, 150_000);
        assertThat(asLists(again)).isEqualTo(asLists(shorter));
    }
}
