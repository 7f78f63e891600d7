package io.careroute.routing.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import io.careroute.routing.isochrone.Isochrone;
import io.careroute.routing.isochrone.Isochrones;
import io.careroute.routing.matrix.TravelMatrix;
import io.careroute.routing.network.GeoPoint;
import io.careroute.routing.network.PlaceSet;
import io.careroute.routing.network.ProfileSettings;
import io.careroute.routing.network.RoadNetwork;
import io.careroute.routing.network.SharedData;
import io.careroute.routing.network.TravelProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Walking isochrones and canteen coverage around People's Square (the real Shanghai extract). */
class CanteenCoverageTest {

    // Canteens: beside the Shanghai Museum, and on Huaihai E. Rd.
    static final Site MUSEUM_CANTEEN = new Site("C-museum", new GeoPoint(31.2283, 121.4752));
    static final Site HUAIHAI_CANTEEN = new Site("C-huaihai", new GeoPoint(31.2262, 121.4822));

    static RoadNetwork network;
    static List<Site> elders;

    @BeforeAll
    static void open() {
        network = RoadNetwork.open(SharedData.osm(SharedData.SHANGHAI), SharedData.graphCache(), ProfileSettings.DEFAULT);
        elders = new ArrayList<>();
        // A line of homes walking north-west from the museum towards the Jing'an border, ~150 m apart.
        for (int i = 0; i < 16; i++) {
            elders.add(new Site("E" + i, new GeoPoint(31.2290 + i * 0.0007, 121.4745 - i * 0.0008)));
        }
        elders.add(new Site("E-pudong", new GeoPoint(31.2397, 121.4998)));   // across the river, off the extract
    }

    @AfterAll
    static void close() {
        network.close();
    }

    @Test
    void everyElderGetsTheWalkToTheNearestCanteenAsTheDijkstraFindsIt() {
        CoverageReport report = CanteenCoverage.of(network, List.of(MUSEUM_CANTEEN, HUAIHAI_CANTEEN), elders, 300, 15, 10);
        assertThat(report.minutes()).containsExactly(10, 15);

        List<GeoPoint> points = new ArrayList<>(elders.stream().map(Site::point).toList());
        points.add(MUSEUM_CANTEEN.point());
        points.add(HUAIHAI_CANTEEN.point());
        TravelMatrix walks = network.place(TravelProfile.FOOT, points, 300).dijkstraMatrix();
        int museum = elders.size();
        for (int e = 0; e < elders.size() - 1; e++) {
            ElderReach reach = report.elders().get(e);
            int best = Math.min(walks.seconds(e, museum), walks.seconds(e, museum + 1));
            assertThat((double) reach.walkSeconds()).as(reach.elderId()).isCloseTo(best, within(1.0));
            assertThat(reach.canteenId()).isEqualTo(walks.seconds(e, museum) <= walks.seconds(e, museum + 1)
                    ? "C-museum" : "C-huaihai");
        }
        // Per canteen, every elder within the limit of it counts, nearest or not.
        for (int c = 0; c < 2; c++) {
            for (int l = 0; l < 2; l++) {
                int limit = List.of(10, 15).get(l);
                long within = 0;
                for (int e = 0; e < elders.size() - 1; e++) {
                    int seconds = walks.seconds(e, museum + c);
                    within += seconds != TravelMatrix.UNREACHABLE && seconds <= limit * 60 ? 1 : 0;
                }
                assertThat(report.canteens().get(c).eldersWithin().get(l)).as("canteen %d, %d min", c, limit)
                        .isEqualTo((int) within);
            }
        }
        assertThat(report.canteens().get(0).eldersWithin().get(1)).isPositive();   // the checks above are not all zeros
        ElderReach pudong = report.elders().get(elders.size() - 1);
        assertThat(pudong.onNetwork()).isFalse();
        assertThat(pudong.snapMetres()).isGreaterThan(300);
        assertThat(report.elders().get(0).snapMetres()).isLessThan(100);
        assertThat(pudong.walkSeconds()).isEqualTo(TravelMatrix.UNREACHABLE);
        assertThat(pudong.within(15)).isFalse();
    }

    @Test
    void theReportCountsEldersPerLimitAndListsTheRestFarthestFirst() {
        CoverageReport report = CanteenCoverage.of(network, List.of(MUSEUM_CANTEEN), elders, 300, 10, 5);
        // The first seven homes are a 1-10 minute walk; from E7 on the walk has to go round People's Park (the
        // extract has only drivable roads), 25-31 minutes.
        assertThat(report.coveredWithin(5)).isEqualTo(3);
        assertThat(report.coveredWithin(10)).isEqualTo(7);
        assertThat(report.elders().get(6).within(10)).isTrue();
        assertThat(report.elders().get(7).within(10)).isFalse();
        assertThat(report.beyondAll()).extracting(ElderReach::elderId)
                .startsWith("E-pudong", "E15").hasSize(10).doesNotContain("E0", "E6");
        ElderReach e15 = report.elders().get(15);
        assertThat(e15.canteenId()).isEqualTo("C-museum");
        assertThat(Math.round(e15.walkSeconds() / 60.0)).isEqualTo(31);
        assertThat(e15.walkMetres()).isEqualTo(2610);
        // One canteen: its catchment per limit is the total.
        assertThat(report.canteens()).singleElement().satisfies(c -> {
            assertThat(c.canteenId()).isEqualTo("C-museum");
            assertThat(c.onNetwork()).isTrue();
            assertThat(c.eldersWithin()).containsExactly(3, 7);
        });
    }

    @Test
    void walkingIsochronesGrowWithTheLimitAndAgreeWithTheNetworkTimes() {
        List<Isochrone> areas = new Isochrones(network).around(MUSEUM_CANTEEN.point(), TravelProfile.FOOT, 15, 10);
        assertThat(areas).extracting(Isochrone::minutes).containsExactly(10, 15);
        Isochrone ten = areas.get(0);
        Isochrone fifteen = areas.get(1);
        assertThat(ten.contains(MUSEUM_CANTEEN.point())).isTrue();
        // 10 minutes at 5 km/h is 833 m along streets: at most a disc of that radius (2.2 km2), in a street grid much less.
        double metresPerDegreeLon = 111_320 * Math.cos(Math.toRadians(31.23));
        double tenKm2 = ten.area().getArea() * 111_320 * metresPerDegreeLon / 1e6;
        double fifteenKm2 = fifteen.area().getArea() * 111_320 * metresPerDegreeLon / 1e6;
        assertThat(tenKm2).isBetween(0.4, 2.2);
        assertThat(fifteenKm2).isGreaterThan(tenKm2 * 1.5);
        assertThat(fifteen.area().buffer(1e-5).contains(ten.area())).isTrue();

        // Where the network says a snapped home is a clear walk inside or outside a limit, the polygon agrees.
        PlaceSet homes = network.place(TravelProfile.FOOT, elders.stream().map(Site::point).toList(), 300);
        CoverageReport report = CanteenCoverage.of(network, List.of(MUSEUM_CANTEEN), elders, 300, 10);
        for (int e = 0; e < elders.size() - 1; e++) {
            GeoPoint snapped = homes.snaps().get(e).snapped();
            int seconds = report.elders().get(e).walkSeconds();
            if (seconds < 8 * 60) {
                assertThat(ten.contains(snapped)).as(elders.get(e).id() + " at " + seconds + " s").isTrue();
            } else if (seconds > 12 * 60) {
                assertThat(ten.contains(snapped)).as(elders.get(e).id() + " at " + seconds + " s").isFalse();
            }
        }
    }
}
