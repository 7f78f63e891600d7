package io.careroute.routing.coordinates;

import io.careroute.routing.network.GeoPoint;

/**
 * The coordinate systems Chinese users copy points from. OSM and GraphHopper are WGS-84; Amap (Gaode) and Tencent
 * use GCJ-02, Baidu uses BD-09, both offset 100-700 m from WGS-84 inside mainland China.
 */
public enum CoordinateSystem {
    WGS84,
    GCJ02,
    BD09;

    /** This system's (lat, lon) as WGS-84. */
    public GeoPoint toWgs84(double lat, double lon) {
        return switch (this) {
            case WGS84 -> new GeoPoint(lat, lon);
            case GCJ02 -> ChinaOffsets.gcj02ToWgs84(lat, lon);
            case BD09 -> {
                GeoPoint gcj = ChinaOffsets.bd09ToGcj02(lat, lon);
                yield ChinaOffsets.gcj02ToWgs84(gcj.lat(), gcj.lon());
            }
        };
    }

    /** A WGS-84 point expressed in this system. */
    public GeoPoint fromWgs84(GeoPoint wgs) {
        return switch (this) {
            case WGS84 -> wgs;
            case GCJ02 -> ChinaOffsets.wgs84ToGcj02(wgs.lat(), wgs.lon());
            case BD09 -> {
                GeoPoint gcj = ChinaOffsets.wgs84ToGcj02(wgs.lat(), wgs.lon());
                yield ChinaOffsets.gcj02ToBd09(gcj.lat(), gcj.lon());
            }
        };
    }
}
