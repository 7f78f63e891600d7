package io.careroute.routing.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import io.careroute.routing.matrix.TravelMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GraphHopper on the real People's Square extract (Shanghai, Huangpu), every profile. */
class RoadNetworkTest {

    // People's Square area: the Shanghai Museum, Nanjing E. Rd / Xizang Rd, Huaihai E. Rd, Yan'an E. Rd.
    static final GeoPoint MUSEUM = new GeoPoint(31.2283, 121.4752);
    static final GeoPoint NANJING_XIZANG = new GeoPoint(31.2352, 121.4769);
    static final GeoPoint HUAIHAI_EAST = new GeoPoint(31.2262, 121.4822);
    static final GeoPoint NORTH_WEST = new GeoPoint(31.2385, 121.4640);
    static final List<GeoPoint> PLACES = List.of(MUSEUM, NANJING_XIZANG, HUAIHAI_EAST, NORTH_WEST);

    static RoadNetwork network;

    @BeforeAll
    static void open(@TempDir Path cache) {
        network = RoadNetwork.open(SharedData.osm(SharedData.SHANGHAI), cache, ProfileSettings.DEFAULT);
    }

    @AfterAll
    static void close() {
        network.close();
    }

    @Test
    void reusesTheCachedGraphAndKeysItByProfileSettings(@TempDir Path cache) throws Exception {
        Path osm = SharedData.osm(SharedData.SHANGHAI);
        try (RoadNetwork first = RoadNetwork.open(osm, cache, ProfileSettings.DEFAULT)) {
            assertThat(first.place(TravelProfile.CAR, PLACES).matrix().reachable(0, 1)).isTrue();
        }
        try (RoadNetwork again = RoadNetwork.open(osm, cache, ProfileSettings.DEFAULT)) {
            assertThat(again.place(TravelProfile.CAR, PLACES).matrix().reachable(0, 1)).isTrue();
        }
        try (RoadNetwork slower = RoadNetwork.open(osm, cache, new ProfileSettings(1.2, 20, 0.8))) {
            assertThat(slower.place(TravelProfile.FOOT, PLACES).matrix().reachable(0, 1)).isTrue();
        }
        try (var folders = Files.list(cache)) {
            assertThat(folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .hasSize(2).allMatch(name -> name.startsWith("cn-shanghai-huangpu-peoples-square-"));
        }
    }

    @Test
    void everyProfileHasANodeBasedHierarchyAndTheCacheKeyNamesIt() {
        assertThat(network.hopper().getCHGraphs().keySet()).containsExactlyInAnyOrder("foot", "bike", "ebike", "car");
        assertThat(network.hopper().getCHGraphs().values()).noneMatch(graph -> graph.isEdgeBased());
        // A graph cached before (or with other) CH preparations lands in another folder instead of failing to load.
        assertThat(RoadNetwork.chPreparationKey()).isEqualTo("ch=node-based:foot,bike,ebike,car");
    }

    @Test
    void snapsStreetPointsCloseToTheRoad() {
        PlaceSet places = network.place(TravelProfile.FOOT, PLACES);
        assertThat(places.snaps()).allSatisfy(snap -> {
            assertThat(snap.found()).isTrue();
            assertThat(snap.distanceMetres()).isLessThan(150);
        });
    }

    @Test
    void everyProfileRoutesEveryPairAndFasterModesAreFaster() {
        TravelMatrix foot = network.place(TravelProfile.FOOT, PLACES).matrix();
        TravelMatrix bike = network.place(TravelProfile.BICYCLE, PLACES).matrix();
        TravelMatrix ebike = network.place(TravelProfile.EBIKE, PLACES).matrix();
        TravelMatrix car = network.place(TravelProfile.CAR, PLACES).matrix();
        for (TravelMatrix m : List.of(foot, bike, ebike, car)) {
            assertThat(m.unreachablePairs()).isEmpty();
            for (int i = 0; i < PLACES.size(); i++) {
                assertThat(m.seconds(i, i)).isZero();
            }
        }
        // Museum -> NW corner is ~1.6 km as the crow flies: a walk takes 20-40 min.
        assertThat(foot.seconds(0, 3)).isBetween(20 * 60, 40 * 60);
        assertThat(foot.metres(0, 3)).isBetween(1_500, 3_000);
        assertThat(bike.seconds(0, 3)).isLessThan(foot.seconds(0, 3));
        assertThat(ebike.seconds(0, 3)).isLessThan(bike.seconds(0, 3));
        assertThat(car.seconds(0, 3)).isLessThan(foot.seconds(0, 3));
    }

    @Test
    void matrixAgreesWithGraphHoppersOwnRouter() {
        for (TravelProfile profile : TravelProfile.values()) {
            TravelMatrix matrix = network.place(profile, PLACES).matrix();
            for (int from = 0; from < PLACES.size(); from++) {
                for (int to = 0; to < PLACES.size(); to++) {
                    if (from == to) {
                        continue;
                    }
                    GHResponse response = network.hopper().route(new GHRequest(
                            PLACES.get(from).lat(), PLACES.get(from).lon(), PLACES.get(to).lat(), PLACES.get(to).lon())
                            .setProfile(profile.profileName()));
                    assertThat(response.hasErrors()).as(response.getErrors().toString()).isFalse();
                    var best = response.getBest();
                    assertThat((double) matrix.seconds(from, to)).as(profile + " " + from + "->" + to)
                            .isCloseTo(best.getTime() / 1000.0, within(2.0));
                    assertThat((double) matrix.metres(from, to)).isCloseTo(best.getDistance(), within(2.0));
                }
            }
        }
    }

    @Test
    void legGeometryFollowsTheRoadFromSnapToSnap() {
        PlaceSet places = network.place(TravelProfile.EBIKE, PLACES);
        List<double[]> path = places.path(0, 3);
        assertThat(path.size()).isGreaterThan(3);
        GeoPoint start = places.snaps().get(0).snapped();
        GeoPoint end = places.snaps().get(3).snapped();
        assertThat(path.get(0)[0]).isCloseTo(start.lon(), within(1e-6));
        assertThat(path.get(path.size() - 1)[1]).isCloseTo(end.lat(), within(1e-5));
        double metres = 0;
        for (int i = 1; i < path.size(); i++) {
            metres += com.graphhopper.util.DistanceCalcEarth.DIST_EARTH.calcDist(
                    path.get(i - 1)[1], path.get(i - 1)[0], path.get(i)[1], path.get(i)[0]);
        }
        assertThat(metres).isCloseTo(places.matrix().metres(0, 3), within(5.0));
    }

    @Test
    void aPointFarOutsideTheExtractDoesNotRouteSilently() {
        GeoPoint pudongAirport = new GeoPoint(31.1443, 121.8083);
        PlaceSet places = network.place(TravelProfile.CAR, List.of(MUSEUM, pudongAirport));
        // It still snaps to the nearest road of the extract, but 30+ km away: callers refuse such a snap.
        assertThat(places.snaps().get(1).distanceMetres()).isGreaterThan(30_000);

        PlaceSet limited = network.place(TravelProfile.CAR, List.of(MUSEUM, pudongAirport), 300);
        assertThat(limited.onNetwork(0)).isTrue();
        assertThat(limited.onNetwork(1)).isFalse();
        TravelMatrix matrix = limited.matrix();
        assertThat(matrix.seconds(0, 1)).isEqualTo(TravelMatrix.UNREACHABLE);
        assertThat(matrix.seconds(1, 0)).isEqualTo(TravelMatrix.UNREACHABLE);
        assertThat(matrix.unreachablePairs()).containsExactly(new int[] {0, 1}, new int[] {1, 0}, new int[] {1, 1});
        assertThat(limited.path(0, 1)).isEmpty();
    }
}
