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

/** Re-planning after one new visit: only the new place is searched, only its row and column are joined. */
class MatrixCacheTest {

    static RoadNetwork andorra;
    static List<GeoPoint> hundred;
    static GeoPoint newVisit;

    @BeforeAll
    static void open() {
        andorra = RoadNetwork.open(SharedData.osm(SharedData.ANDORRA), SharedData.graphCache(), ProfileSettings.DEFAULT);
        List<GeoPoint> points = SamplePlaces.scattered(andorra, 101, 11);
        hundred = points.subList(0, 100);
        newVisit = points.get(100);
    }

    @AfterAll
    static void close() {
        andorra.close();
    }

    @Test
    void addingOnePlaceToAHundredComputesOneRowAndOneColumn() {
        MatrixCache cache = new MatrixCache(64 << 20);
        andorra.place(TravelProfile.EBIKE, hundred).matrix(cache);
        assertThat(cache.searches()).isEqualTo(2 * 100);
        assertThat(cache.joinedPairs()).isEqualTo(100 * 100);
        assertThat(cache.placeMisses()).isEqualTo(100);
        assertThat(cache.placeHits()).isZero();

        List<GeoPoint> replanned = new ArrayList<>(hundred);
        replanned.add(37, newVisit);
        PlaceSet places = andorra.place(TravelProfile.EBIKE, replanned);
        TravelMatrix matrix = places.matrix(cache);

        // One forward and one backward search: the new place's. Its row (101 pairs) and column (the other 100).
        assertThat(cache.searches()).isEqualTo(2 * 100 + 2);
        assertThat(cache.joinedPairs()).isEqualTo(100 * 100 + 101 + 100);
        assertThat(cache.cachedPairs()).isEqualTo(100 * 100);
        // The metrics' lookups: the hundred places found again, the new one not.
        assertThat(cache.placeHits()).isEqualTo(100);
        assertThat(cache.placeMisses()).isEqualTo(101);
        assertSameMatrix(matrix, places.matrix());
        assertSameMatrix(matrix, new MatrixCache(64 << 20).matrix(andorra.contracted(TravelProfile.EBIKE), places.seeds()));
    }

    @Test
    void theSamePlacesAgainAreReadBackWithoutAnySearch() {
        MatrixCache cache = new MatrixCache(64 << 20);
        PlaceSet places = andorra.place(TravelProfile.FOOT, hundred);
        TravelMatrix first = places.matrix(cache);
        long searches = cache.searches();
        long joined = cache.joinedPairs();

        List<GeoPoint> reordered = new ArrayList<>(hundred.subList(50, 100));
        reordered.addAll(hundred.subList(0, 50));
        TravelMatrix again = andorra.place(TravelProfile.FOOT, reordered).matrix(cache);

        assertThat(cache.searches()).isEqualTo(searches);
        assertThat(cache.joinedPairs()).isEqualTo(joined);
        assertThat(cache.cachedPairs()).isEqualTo(100 * 100);
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < 100; j++) {
                int oi = (i + 50) % 100;
                int oj = (j + 50) % 100;
                assertThat(again.seconds(i, j)).isEqualTo(first.seconds(oi, oj));
                assertThat(again.metres(i, j)).isEqualTo(first.metres(oi, oj));
            }
        }
    }

    @Test
    void profilesAreCachedApart() {
        MatrixCache cache = new MatrixCache(64 << 20);
        TravelMatrix car = andorra.place(TravelProfile.CAR, hundred.subList(0, 20)).matrix(cache);
        TravelMatrix foot = andorra.place(TravelProfile.FOOT, hundred.subList(0, 20)).matrix(cache);
        assertThat(cache.searches()).isEqualTo(2 * 20 + 2 * 20);
        assertSameMatrix(foot, andorra.place(TravelProfile.FOOT, hundred.subList(0, 20)).matrix());
        assertSameMatrix(car, andorra.place(TravelProfile.CAR, hundred.subList(0, 20)).matrix());
    }

    @Test
    void placesOffTheNetworkAreNeitherCachedNorZero() {
        MatrixCache cache = new MatrixCache(64 << 20);
        List<GeoPoint> points = new ArrayList<>(hundred.subList(0, 5));
        points.add(new GeoPoint(42.3, 1.2));   // in Spain, 20 km beyond the extract
        TravelMatrix matrix = andorra.place(TravelProfile.CAR, points, 300).matrix(cache);
        assertThat(cache.places()).isEqualTo(5);
        for (int i = 0; i < 6; i++) {
            assertThat(matrix.seconds(5, i)).isEqualTo(TravelMatrix.UNREACHABLE);
            assertThat(matrix.seconds(i, 5)).isEqualTo(TravelMatrix.UNREACHABLE);
        }
    }

    @Test
    void aSmallCacheEvictsAndStillAnswersRight() {
        MatrixCache tiny = new MatrixCache(200_000);
        PlaceSet places = andorra.place(TravelProfile.BICYCLE, hundred);
        TravelMatrix expected = places.matrix();
        assertSameMatrix(places.matrix(tiny), expected);
        assertSameMatrix(places.matrix(tiny), expected);
        assertThat(tiny.places()).isLessThan(100);
    }

    static void assertSameMatrix(TravelMatrix actual, TravelMatrix expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            for (int j = 0; j < expected.size(); j++) {
                assertThat(actual.seconds(i, j)).as("seconds %d->%d", i, j).isEqualTo(expected.seconds(i, j));
                assertThat(actual.metres(i, j)).as("metres %d->%d", i, j).isEqualTo(expected.metres(i, j));
            }
        }
    }
}
