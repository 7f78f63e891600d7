package io.careroute.routing.coordinates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.graphhopper.util.DistanceCalcEarth;
import io.careroute.routing.network.GeoPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CoordinateSystemTest {

    /** Published WGS-84 -> GCJ-02 reference pairs (googollee/eviltransform test table). */
    @ParameterizedTest
    @CsvSource({
            "31.1774276, 121.5272106, 31.17530398364597, 121.531541859215",   // Shanghai
            "22.543847, 113.912316, 22.540796131694766, 113.9171764808363",   // Shenzhen
            "39.911954, 116.377817, 39.91334545536069, 116.38404722455657"    // Beijing
    })
    void gcj02MatchesReferencePointsBothWays(double wgsLat, double wgsLon, double gcjLat, double gcjLon) {
        GeoPoint gcj = CoordinateSystem.GCJ02.fromWgs84(new GeoPoint(wgsLat, wgsLon));
        assertThat(metres(gcj, new GeoPoint(gcjLat, gcjLon))).isLessThan(0.5);
        GeoPoint back = CoordinateSystem.GCJ02.toWgs84(gcjLat, gcjLon);
        assertThat(metres(back, new GeoPoint(wgsLat, wgsLon))).isLessThan(0.5);
    }

    @Test
    void bd09RoundTripsAndIsOffsetFurtherThanGcj02() {
        GeoPoint peoplesSquare = new GeoPoint(31.2304, 121.4737);
        GeoPoint bd = CoordinateSystem.BD09.fromWgs84(peoplesSquare);
        GeoPoint gcj = CoordinateSystem.GCJ02.fromWgs84(peoplesSquare);
        assertThat(metres(CoordinateSystem.BD09.toWgs84(bd.lat(), bd.lon()), peoplesSquare)).isLessThan(0.5);
        // The offsets users see: GCJ-02 ~500 m from WGS-84 in Shanghai, BD-09 another ~1 km on top.
        assertThat(metres(gcj, peoplesSquare)).isBetween(300.0, 700.0);
        assertThat(metres(bd, gcj)).isBetween(500.0, 1500.0);
    }

    @Test
    void noOffsetOutsideChina() {
        GeoPoint andorra = new GeoPoint(42.5063, 1.5218);
        assertThat(CoordinateSystem.GCJ02.fromWgs84(andorra)).isEqualTo(andorra);
        assertThat(CoordinateSystem.WGS84.toWgs84(31.2, 121.4)).isEqualTo(new GeoPoint(31.2, 121.4));
    }

    private static double metres(GeoPoint a, GeoPoint b) {
        return DistanceCalcEarth.DIST_EARTH.calcDist(a.lat(), a.lon(), b.lat(), b.lon());
    }
}
