package io.careroute.routing.network;

/** A WGS-84 point (what OSM and GraphHopper use). */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("not a WGS-84 coordinate: " + lat + "," + lon);
        }
    }
}
