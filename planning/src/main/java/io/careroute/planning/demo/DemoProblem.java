package io.careroute.planning.demo;

import java.time.LocalDate;
import java.util.List;

import io.careroute.data.demo.DemoSize;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.routing.network.RoadNetwork;

/**
 * The demo street's generated day on the roads of the demo extract: the material the demo register is made of
 * ({@link DemoRegister}); the demo itself ({@code plan --demo}, the server's demo) plans a day of that register. Tests
 * use it as a rich day of its own (urgent visits, two two-worker baths).
 */
public final class DemoProblem {

    private DemoProblem() {
    }

    public static ProblemDocument generate(RoadNetwork network, long seed, LocalDate date) {
        List<double[]> roads = network.sharedRoadNodes().stream().map(p -> new double[] {p.lat(), p.lon()}).toList();
        return new DemoStreetGenerator(seed, date, roads).generate(DemoSize.STREET);
    }
}
