package io.careroute.api.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.careroute.api.planning.DemoProblem;
import io.careroute.api.planning.GeoJson;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.io.ProblemFiles;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.routing.coordinates.CoordinateSystem;
import io.careroute.routing.coverage.CanteenCoverage;
import io.careroute.routing.coverage.CoverageReport;
import io.careroute.routing.coverage.ElderReach;
import io.careroute.routing.coverage.Site;
import io.careroute.routing.isochrone.Isochrone;
import io.careroute.routing.isochrone.Isochrones;
import io.careroute.routing.network.GeoPoint;
import io.careroute.routing.network.RoadNetwork;
import io.careroute.routing.network.TravelProfile;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {"Service-circle report: which elders live within N minutes' walk of a kitchen or canteen "
                + "(10/15分钟养老服务圈); writes coverage.json and coverage.geojson (walking isochrones, elders in or out)."})
class CoverageCommand implements Callable<Integer>, CareRouteMain.LanguageAware {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROBLEM", description = "problem with kitchens (canteens) and elders")
    Path problemFile;

    @Option(names = "--demo", description = "use the bundled demo street")
    boolean demo;

    @Option(names = "--minutes", split = ",", defaultValue = "10,15", description = "walking limits (default: ${DEFAULT-VALUE})")
    int[] minutes;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/coverage)")
    Path out;

    @picocli.CommandLine.Mixin
    LanguageOption language;

    @picocli.CommandLine.Mixin
    RoadNetworkOptions road;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Messages messages() {
        return language.messages();
    }

    @Override
    public Integer call() throws IOException {
        if (demo == (problemFile != null)) {
            throw new IllegalArgumentException("give either --demo or a PROBLEM file, not both or neither");
        }
        Path outDir = out != null ? out : Path.of("out/coverage");
        try (RoadNetwork network = road.open()) {
            ProblemDocument problem = demo
                    ? DemoProblem.generate(network, DemoStreetGenerator.DEFAULT_SEED, LocalDate.now(Clock.system(ZoneId.of("Asia/Shanghai"))))
                    : ProblemFiles.read(problemFile, messages());
            CoordinateSystem system = CoordinateSystem.valueOf(problem.coordinateSystemOrDefault().name());
            List<Site> canteens = new ArrayList<>();
            problem.kitchensOrEmpty().forEach(k -> canteens.add(new Site(k.id(), system.toWgs84(k.location().lat(), k.location().lon()))));
            List<Site> elders = new ArrayList<>();
            problem.eldersOrEmpty().forEach(e -> elders.add(new Site(e.id(), system.toWgs84(e.location().lat(), e.location().lon()))));
            if (canteens.isEmpty()) {
                throw new IllegalArgumentException("the problem has no kitchens or canteens to measure from");
            }
            CoverageReport report = CanteenCoverage.of(network, canteens, elders, road.maxSnapMetres, minutes);
            Isochrones isochrones = new Isochrones(network);

            Files.createDirectories(outDir);
            var json = ProblemJson.mapper().writerWithDefaultPrettyPrinter();
            json.writeValue(outDir.resolve("coverage.json").toFile(), report);
            json.writeValue(outDir.resolve("coverage.geojson").toFile(), geoJson(report, canteens, elders, isochrones));
            var stdout = spec.commandLine().getOut();
            stdout.print(report.toText());
            stdout.println(List.of(outDir.resolve("coverage.json"), outDir.resolve("coverage.geojson")));
            stdout.flush();
        }
        return ExitCodes.OK;
    }

    /** Isochrone polygons per canteen and limit, and every elder as a point tagged with the walk to the nearest canteen. */
    private Map<String, Object> geoJson(CoverageReport report, List<Site> canteens, List<Site> elders, Isochrones isochrones) {
        List<Object> features = new ArrayList<>();
        for (Site canteen : canteens) {
            for (Isochrone isochrone : isochrones.around(canteen.point(), TravelProfile.FOOT, minutes)) {
                List<Object> polygons = new ArrayList<>();
                for (int g = 0; g < isochrone.area().getNumGeometries(); g++) {
                    Polygon polygon = (Polygon) isochrone.area().getGeometryN(g);
                    List<Object> rings = new ArrayList<>();
                    rings.add(ring(polygon.getExteriorRing().getCoordinates()));
                    for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                        rings.add(ring(polygon.getInteriorRingN(h).getCoordinates()));
                    }
                    polygons.add(rings);
                }
                features.add(GeoJson.feature("MultiPolygon", polygons, Map.of("canteenId", canteen.id(), "minutes", isochrone.minutes())));
            }
        }
        for (int i = 0; i < elders.size(); i++) {
            GeoPoint p = elders.get(i).point();
            ElderReach reach = report.elders().get(i);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("elderId", reach.elderId());
            properties.put("canteenId", reach.canteenId());
            properties.put("walkMinutes", reach.canteenId() == null ? null : Math.round(reach.walkSeconds() / 60.0));
            features.add(GeoJson.feature("Point", new double[] {p.lon(), p.lat()}, properties));
        }
        return GeoJson.collection(features);
    }

    private static List<double[]> ring(Coordinate[] coordinates) {
        List<double[]> ring = new ArrayList<>();
        for (Coordinate c : coordinates) {
            ring.add(new double[] {c.x, c.y});
        }
        return ring;
    }
}
