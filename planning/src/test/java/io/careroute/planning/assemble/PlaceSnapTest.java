package io.careroute.planning.assemble;

import io.careroute.planning.testing.TestNetwork;
import io.careroute.planning.geojson.RouteGeoJson;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.demo.DemoProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanDocument.PlaceSnap;
import io.careroute.data.problem.CoordinateSystemName;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.KitchenDoc;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.PlaceCatalogue;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.routing.coordinates.CoordinateSystem;
import io.careroute.routing.network.GeoPoint;
import io.careroute.routing.network.TravelProfile;
import io.careroute.solver.domain.TravelMode;
import io.careroute.solver.solve.SolverSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * plan.json reports how far every place was moved onto the roads of each mode, in the coordinate system it says;
 * a place beyond the limit is refused naming whose place it is and the tasks there.
 */
class PlaceSnapTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    /** Pudong airport: 30 km east of the demo extract. */
    static final LocationDoc AIRPORT = new LocationDoc(31.1443, 121.8083);
    static ProblemDocument demo;

    @BeforeAll
    static void demo() {
        demo = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
    }

    @Test
    void everyPlaceHasItsSnapDistanceForEachModeInUse() {
        AssembledProblem assembled = new ProblemAssembler(TestNetwork.demo(), 300).assemble(demo);
        List<PlaceSnap> snaps = assembled.snaps();
        PlaceCatalogue places = PlaceCatalogue.of(demo);
        assertThat(snaps).hasSize(places.size());
        List<GeoPoint> points = places.places().stream().map(p -> new GeoPoint(p.location().lat(), p.location().lon())).toList();
        var foot = TestNetwork.demo().place(TravelProfile.FOOT, points);
        var ebike = TestNetwork.demo().place(TravelProfile.EBIKE, points);
        for (int i = 0; i < snaps.size(); i++) {
            PlaceSnap snap = snaps.get(i);
            assertThat(snap.field()).isEqualTo(places.place(i).field());
            assertThat(snap.snapMetres()).containsOnlyKeys(TravelMode.FOOT, TravelMode.EBIKE);
            assertThat(snap.snapMetres().get(TravelMode.FOOT)).isCloseTo(foot.snaps().get(i).distanceMetres(), within(0.05));
            assertThat(snap.snapMetres().get(TravelMode.EBIKE)).isCloseTo(ebike.snaps().get(i).distanceMetres(), within(0.05));
            assertThat(snap.unroutedModes()).isEmpty();
        }
        assertThat(snaps.get(0)).satisfies(k -> {
            assertThat(k.kind()).isEqualTo(PlaceCatalogue.Kind.KITCHEN);
            assertThat(k.id()).isEqualTo("K1");
            assertThat(k.field()).isEqualTo("kitchens[0].location");
        });
        assertThat(snaps.get(1).kind()).isEqualTo(PlaceCatalogue.Kind.ELDER);
        assertThat(snaps.get(1).id()).isEqualTo(demo.elders().get(0).id());
        assertThat(snaps).filteredOn(s -> s.kind() == PlaceCatalogue.Kind.WORKER_START).hasSize(demo.workers().size());
        // Demo homes lie 5-30 m beside a street: the snaps say so.
        assertThat(snaps).filteredOn(s -> s.kind() == PlaceCatalogue.Kind.ELDER)
                .allSatisfy(s -> assertThat(s.snapMetres().get(TravelMode.FOOT)).isBetween(0.0, 40.0));
    }

    @Test
    void aHomeBeyondTheLimitIsRefusedNamingTheElderAndItsTasks() {
        int index = 5;
        ElderDoc far = demo.elders().get(index);
        List<String> tasks = new ArrayList<>();
        demo.deliveries().stream().filter(d -> d.elderId().equals(far.id())).forEach(d -> tasks.add(d.id()));
        demo.visits().stream().filter(v -> v.elderId().equals(far.id())).forEach(v -> tasks.add(v.id()));
        assertThat(tasks).isNotEmpty();
        List<ElderDoc> elders = new ArrayList<>(demo.elders());
        elders.set(index, new ElderDoc(far.id(), AIRPORT, far.name(), far.phone(), far.address(), far.priorityClass(),
                far.requiredWorkerGender(), far.preferredWorkers(), far.refusedWorkers()));
        ProblemDocument problem = new ProblemDocument(demo.date(), demo.timeZone(), demo.coordinateSystem(), demo.kitchens(),
                elders, demo.workers(), demo.deliveries(), demo.visits());

        InputError error = refusal(problem);
        String chinese = error.reason(Messages.chinese());
        String english = error.reason(Messages.english());
        assertThat(error.field()).isEqualTo("elders[5].location");
        assertThat(chinese).startsWith("老人 " + far.id() + " 的住址（任务 " + String.join("、", tasks) + "）距离")
                .contains("超过上限 300 米", "坐标系 WGS84");
        assertThat(english).startsWith("the home of elder " + far.id() + " (tasks " + String.join(", ", tasks) + ") is ")
                .contains("more than the 300 m limit");
        // Neither says where the elder lives.
        assertThat(chinese + english).doesNotContain("31.14", "121.80");
    }

    @Test
    void aKitchenBeyondTheLimitIsRefusedNamingItAndCountingItsDeliveries() {
        KitchenDoc k = demo.kitchens().get(0);
        ProblemDocument problem = new ProblemDocument(demo.date(), demo.timeZone(), demo.coordinateSystem(),
                List.of(new KitchenDoc(k.id(), AIRPORT, k.loadingMinutes(), k.maxMinutesFromKitchen(), k.batches())),
                demo.elders(), demo.workers(), demo.deliveries(), demo.visits());
        InputError error = refusal(problem);
        assertThat(error.field()).isEqualTo("kitchens[0].location");
        assertThat(error.reason(Messages.chinese())).startsWith("厨房 K1（任务 " + demo.deliveries().get(0).id() + "、")
                .contains("等共 " + demo.deliveries().size() + " 个）距离");
    }

    @Test
    void aWorkerStartBeyondTheLimitIsNamedByTheWorker() {
        List<WorkerDoc> workers = new ArrayList<>(demo.workers());
        WorkerDoc w = workers.get(2);
        workers.set(2, new WorkerDoc(w.id(), w.role(), w.mode(), w.gender(), AIRPORT, w.end(), w.shifts(), w.capacityBoxes(),
                w.skills(), w.costPerHour(), w.maxHoursPerDay(), w.maxKmFromHome()));
        ProblemDocument problem = new ProblemDocument(demo.date(), demo.timeZone(), demo.coordinateSystem(), demo.kitchens(),
                demo.elders(), workers, demo.deliveries(), demo.visits());
        InvalidInputException refused = refuse(problem);
        assertThat(refused.errors()).extracting(InputError::field).contains("workers[2].start");
        assertThat(refused.errors()).filteredOn(e -> e.field().equals("workers[2].start")).singleElement()
                .satisfies(e -> assertThat(e.reason(Messages.english())).startsWith("the start of worker " + w.id() + " is "));
    }

    @Test
    void aPlanInGcj02KeepsItsLocationsInGcj02AndSaysSoWhileTheMapIsWgs84() {
        ProblemDocument amap = inGcj02(demo);
        ProblemAssembler assembler = new ProblemAssembler(TestNetwork.demo(), 300);
        AssembledProblem assembled = assembler.assemble(amap);
        CarePlanner planner = new CarePlanner();
        var solved = planner.solve(assembled, new SolverSettings(Duration.ofSeconds(2), null, 0), best -> { });
        PlanDocument plan = planner.document(assembled, solved, Messages.chinese());

        assertThat(plan.coordinateSystem()).isEqualTo(CoordinateSystemName.GCJ02);
        PlaceCatalogue places = PlaceCatalogue.of(amap);
        PlanDocument.Stop kitchenStop = plan.workers().stream().flatMap(r -> r.stops().stream())
                .filter(s -> s.kind() == PlanDocument.StopKind.KITCHEN).findFirst().orElseThrow();
        assertThat(kitchenStop.location().lat()).isEqualTo(amap.kitchens().get(0).location().lat());
        assertThat(kitchenStop.location().lon()).isEqualTo(amap.kitchens().get(0).location().lon());
        // The snaps are those of the WGS-84 original: the conversion put every place back where it was.
        List<PlaceSnap> original = new ProblemAssembler(TestNetwork.demo(), 300).assemble(demo).snaps();
        for (int i = 0; i < places.size(); i++) {
            for (Map.Entry<TravelMode, Double> mode : plan.places().get(i).snapMetres().entrySet()) {
                assertThat(mode.getValue()).as(places.place(i).field()).isCloseTo(original.get(i).snapMetres().get(mode.getKey()), within(0.2));
            }
        }
        // routes.geojson is WGS-84 (RFC 7946) and says so: its kitchen point is the WGS-84 kitchen, 100-700 m from the GCJ-02 one.
        Map<String, Object> routes = RouteGeoJson.of(assembled, solved);
        assertThat(routes.get("coordinateSystem")).isEqualTo("WGS84");
        double[] kitchen = routes.get("features") instanceof List<?> features ? features.stream()
                .map(f -> (Map<?, ?>) f).filter(f -> "KITCHEN".equals(((Map<?, ?>) f.get("properties")).get("kind")))
                .map(f -> (double[]) ((Map<?, ?>) f.get("geometry")).get("coordinates")).findFirst().orElseThrow() : null;
        assertThat(kitchen[1]).isCloseTo(demo.kitchens().get(0).location().lat(), within(1e-6));
        assertThat(kitchen[0]).isCloseTo(demo.kitchens().get(0).location().lon(), within(1e-6));
    }

    private static ProblemDocument inGcj02(ProblemDocument p) {
        List<KitchenDoc> kitchens = p.kitchens().stream().map(k -> new KitchenDoc(k.id(), gcj(k.location()), k.loadingMinutes(),
                k.maxMinutesFromKitchen(), k.batches())).toList();
        List<ElderDoc> elders = p.elders().stream().map(e -> new ElderDoc(e.id(), gcj(e.location()), e.name(), e.phone(),
                e.address(), e.priorityClass(), e.requiredWorkerGender(), e.preferredWorkers(), e.refusedWorkers())).toList();
        List<WorkerDoc> workers = p.workers().stream().map(w -> new WorkerDoc(w.id(), w.role(), w.mode(), w.gender(),
                gcj(w.start()), w.end() == null ? null : gcj(w.end()), w.shifts(), w.capacityBoxes(), w.skills(),
                w.costPerHour(), w.maxHoursPerDay(), w.maxKmFromHome())).toList();
        return new ProblemDocument(p.date(), p.timeZone(), CoordinateSystemName.GCJ02, kitchens, elders, workers,
                p.deliveries(), p.visits());
    }

    private static LocationDoc gcj(LocationDoc wgs) {
        GeoPoint p = CoordinateSystem.GCJ02.fromWgs84(new GeoPoint(wgs.lat(), wgs.lon()));
        return new LocationDoc(p.lat(), p.lon());
    }

    private static InputError refusal(ProblemDocument problem) {
        InvalidInputException refused = refuse(problem);
        assertThat(refused.errors()).hasSize(1);
        return refused.errors().get(0);
    }

    private static InvalidInputException refuse(ProblemDocument problem) {
        return (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> new ProblemAssembler(TestNetwork.demo(), 300).assemble(problem));
    }
}
