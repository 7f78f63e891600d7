package io.careroute.routing.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import com.graphhopper.util.DistanceCalcEarth;
import io.careroute.data.district.DistrictGenerator;
import io.careroute.data.district.DistrictSize;
import io.careroute.routing.network.GeoPoint;
import io.careroute.routing.network.PlaceSet;
import io.careroute.routing.network.ProfileSettings;
import io.careroute.routing.network.RoadNetwork;
import io.careroute.routing.network.TravelProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** GraphHopper imports the generated district (the small size) and every profile routes across it. */
class SyntheticDistrictTest {

    static RoadNetwork town;
    static DistrictGenerator.DistrictStats stats;

    @BeforeAll
    static void generateAndImport(@TempDir Path dir) {
        Path osm = dir.resolve("yangpu-town.osm");
        stats = new DistrictGenerator(DistrictGenerator.DEFAULT_SEED).write(DistrictSize.TOWN, osm);
        town = RoadNetwork.open(osm, dir.resolve("graphs"), ProfileSettings.DEFAULT);
    }

    @AfterAll
    static void close() {
        town.close();
    }

    @Test
    void everyProfileRoutesFromCornerToCorner() {
        // Just inside the south-west and north-east corners (the district is 2.4 km square).
        GeoPoint southWest = new GeoPoint(stats.minLat() + 0.0005, stats.minLon() + 0.0005);
        GeoPoint northEast = new GeoPoint(stats.maxLat() - 0.0005, stats.maxLon() - 0.0005);
        double crowFlies = DistanceCalcEarth.DIST_EARTH.calcDist(southWest.lat(), southWest.lon(), northEast.lat(), northEast.lon());
        int previousSeconds = Integer.MAX_VALUE;
        for (TravelProfile profile : List.of(TravelProfile.FOOT, TravelProfile.BICYCLE, TravelProfile.EBIKE, TravelProfile.CAR)) {
            PlaceSet places = town.place(profile, List.of(southWest, northEast), 300);
            TravelMatrix matrix = places.matrix();
            assertThat(matrix.unreachablePairs()).as(profile.name()).isEmpty();
            // On a grid the way is at most the two legs of the right triangle (crowFlies * sqrt 2), plus snapping.
            assertThat((double) matrix.metres(0, 1)).as(profile.name()).isBetween(crowFlies, crowFlies * 1.5);
            assertThat(matrix.seconds(0, 1)).as(profile.name()).isLessThan(previousSeconds);
            previousSeconds = matrix.seconds(0, 1);
        }
        // Walkers keep GraphHopper's 5 km/h on every street, path and estate lane of the district.
        TravelMatrix walk = town.place(TravelProfile.FOOT, List.of(southWest, northEast), 300).matrix();
        assertThat(walk.seconds(0, 1) * 5 / 3.6).isCloseTo(walk.metres(0, 1), within(walk.metres(0, 1) * 0.02));
    }

    @ParameterizedTest
    @EnumSource(TravelProfile.class)
    void theMatrixEqualsTheDijkstra(TravelProfile profile) {
        BucketManyToManyTest.assertSameAsDijkstra(town.place(profile, SamplePlaces.near(town, 60, 9), 300));
    }

    @Test
    void oneWayArterialsTakeLongerAgainstTheirDirection() {
        // The matrix is not symmetric for cars (one-way secondaries, gates closed to outside cars); it is for walkers.
        List<GeoPoint> points = SamplePlaces.scattered(town, 40, 10);
        TravelMatrix car = town.place(TravelProfile.CAR, points, 300).matrix();
        TravelMatrix foot = town.place(TravelProfile.FOOT, points, 300).matrix();
        int asymmetricCar = 0;
        int asymmetricFoot = 0;
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                asymmetricCar += Math.abs(car.metres(i, j) - car.metres(j, i)) > 50 ? 1 : 0;
                asymmetricFoot += Math.abs(foot.metres(i, j) - foot.metres(j, i)) > 50 ? 1 : 0;
            }
        }
        assertThat(asymmetricCar).isGreaterThan(20);
        assertThat(asymmetricFoot).isZero();
    }
}
