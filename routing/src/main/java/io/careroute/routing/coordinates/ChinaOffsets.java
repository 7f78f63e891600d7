package io.careroute.routing.coordinates;

import io.careroute.routing.network.GeoPoint;

/**
 * The published GCJ-02 ("Mars") and BD-09 transforms. GCJ-02 has no closed-form inverse, so WGS-84 is recovered
 * by fixed-point iteration to under a millimetre. Outside mainland China the offset is zero, as the maps apply it.
 */
final class ChinaOffsets {

    private static final double SEMI_MAJOR_AXIS = 6378245.0;   // Krasovsky 1940, as the GCJ-02 algorithm uses
    private static final double ECCENTRICITY_SQUARED = 0.00669342162296594323;
    private static final double BD_FACTOR = Math.PI * 3000.0 / 180.0;
    private static final double INVERSE_TOLERANCE_DEGREES = 1e-9;

    private ChinaOffsets() {
    }

    static boolean outsideChina(double lat, double lon) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    static GeoPoint wgs84ToGcj02(double lat, double lon) {
        if (outsideChina(lat, lon)) {
            return new GeoPoint(lat, lon);
        }
        double[] d = delta(lat, lon);
        return new GeoPoint(lat + d[0], lon + d[1]);
    }

    static GeoPoint gcj02ToWgs84(double lat, double lon) {
        if (outsideChina(lat, lon)) {
            return new GeoPoint(lat, lon);
        }
        double wgsLat = lat;
        double wgsLon = lon;
        for (int i = 0; i < 30; i++) {
            double[] d = delta(wgsLat, wgsLon);
            double nextLat = lat - d[0];
            double nextLon = lon - d[1];
            boolean converged = Math.abs(nextLat - wgsLat) < INVERSE_TOLERANCE_DEGREES
                    && Math.abs(nextLon - wgsLon) < INVERSE_TOLERANCE_DEGREES;
            wgsLat = nextLat;
            wgsLon = nextLon;
            if (converged) {
                break;
            }
        }
        return new GeoPoint(wgsLat, wgsLon);
    }

    static GeoPoint gcj02ToBd09(double lat, double lon) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * BD_FACTOR);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * BD_FACTOR);
        return new GeoPoint(z * Math.sin(theta) + 0.006, z * Math.cos(theta) + 0.0065);
    }

    static GeoPoint bd09ToGcj02(double lat, double lon) {
        double x = lon - 0.0065;
        double y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BD_FACTOR);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BD_FACTOR);
        return new GeoPoint(z * Math.sin(theta), z * Math.cos(theta));
    }

    /** The GCJ-02 offset (degrees of lat, lon) at a WGS-84 point. */
    private static double[] delta(double lat, double lon) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        double dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        double common = (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        dLat += common + (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0
                + (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        dLon += common + (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0
                + (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        double radLat = lat / 180.0 * Math.PI;
        double magic = 1 - ECCENTRICITY_SQUARED * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((SEMI_MAJOR_AXIS * (1 - ECCENTRICITY_SQUARED)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (SEMI_MAJOR_AXIS / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLat, dLon};
    }
}
