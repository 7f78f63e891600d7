package io.careroute.routing.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.careroute.routing.network.GeoPoint;
import io.careroute.routing.network.PlaceSet;
import io.careroute.routing.network.ProfileSettings;
import io.careroute.routing.network.RoadNetwork;
import io.careroute.routing.network.SharedData;
import io.careroute.routing.network.TravelProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contraction-hierarchy matrix against the plain Dijkstra, pair by pair, on real extracts: the mountain roads of
 * Andorra (the largest extract) and Beijing's Wudaokou (raw OSM with footways and one-way streets).
 */
class BucketManyToManyTest {

    static RoadNetwork andorra;
    static RoadNetwork beijing;

    @BeforeAll
    static void open() {
        andorra = RoadNetwork.open(SharedData.osm(SharedData.ANDORRA), SharedData.graphCache(), ProfileSettings.DEFAULT);
        beijing = RoadNetwork.open(SharedData.osm(SharedData.BEIJING), SharedData.graphCache(), ProfileSettings.DEFAULT);
    }

    @AfterAll
    static void close() {
        andorra.close();
        beijing.close();
    }

    @ParameterizedTest
    @EnumSource(TravelProfile.class)
    void equalsTheDijkstraOnAndorra(TravelProfile profile) {
        assertSameAsDijkstra(andorra.place(profile, SamplePlaces.near(andorra, 80, 6), 300));
    }

    @ParameterizedTest
    @EnumSource(TravelProfile.class)
    void equalsTheDijkstraInBeijing(TravelProfile profile) {
        assertSameAsDijkstra(beijing.place(profile, SamplePlaces.near(beijing, 80, 7), 300));
    }

    @Test
    void aPlaceOffTheNetworkStaysUnreachableNeverZero() {
        List<GeoPoint> points = new ArrayList<>(SamplePlaces.near(beijing, 10, 8));
        points.add(new GeoPoint(39.90, 116.40));   // Tiananmen, 11 km south of the extract
        PlaceSet places = beijing.place(TravelProfile.CAR, points, 300);
        assertThat(places.onNetwork(10)).isFalse();
        TravelMatrix matrix = places.matrix();
        for (int i = 0; i < 11; i++) {
            assertThat(matrix.seconds(i, 10)).isEqualTo(TravelMatrix.UNREACHABLE);
            assertThat(matrix.seconds(10, i)).isEqualTo(TravelMatrix.UNREACHABLE);
            assertThat(matrix.metres(10, i)).isEqualTo(TravelMatrix.UNREACHABLE);
        }
        assertSameAsDijkstra(places);
    }

    static void assertSameAsDijkstra(PlaceSet places) {
        TravelMatrix fast = places.matrix();
        TravelMatrix reference = places.dijkstraMatrix();
        int size = places.size();
        List<String> differences = new ArrayList<>();
        int reachable = 0;
        for (int from = 0; from < size; from++) {
            for (int to = 0; to < size; to++) {
                int seconds = fast.seconds(from, to);
                int expected = reference.seconds(from, to);
                if (expected == TravelMatrix.UNREACHABLE || seconds == TravelMatrix.UNREACHABLE) {
                    if (seconds != expected || fast.metres(from, to) != reference.metres(from, to)) {
                        differences.add(from + "->" + to + ": " + seconds + " s vs " + expected + " s");
                    }
                    continue;
                }
                reachable++;
                if (Math.abs(seconds - expected) > 1 || Math.abs(fast.metres(from, to) - reference.metres(from, to)) > 1) {
                    differences.add(from + "->" + to + ": " + seconds + " s " + fast.metres(from, to) + " m vs "
                            + expected + " s " + reference.metres(from, to) + " m");
                }
            }
        }
        assertThat(differences).as(places.profile() + " pairs differing from the Dijkstra").isEmpty();
        // Guards against comparing two empty matrices: most pairs of street-side places are routable.
        assertThat(reachable).isGreaterThan(size * size / 2);
    }
}
