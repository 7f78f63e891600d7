package io.careroute.planning.demo;

import java.time.LocalDate;
import java.util.List;

import io.careroute.data.demo.DemoSize;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.routing.network.RoadNetwork;

/** The bundled demo street, generated on the roads of the demo extract. */
public final class DemoProblem {

    private DemoProblem() {
    }

    public static ProblemDocument generate(RoadNetwork network, long seed, LocalDate date) {
        List<double[]> roads = network.sharedRoadNodes().stream().map(p -> new double[] {p.lat(), p.lon()}).toList();
        return new DemoStreetGenerator(seed, date, roads).generate(DemoSize.STREET);
    }
}
