package io.careroute.routing.isochrone;

import io.careroute.routing.network.GeoPoint;
import io.careroute.routing.network.TravelProfile;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * The area reachable from a centre within some minutes on one profile's roads: a JTS polygon in WGS-84 degrees
 * (x = longitude, y = latitude), possibly in several parts.
 */
public record Isochrone(GeoPoint centre, TravelProfile profile, int minutes, MultiPolygon area) {

    private static final GeometryFactory POINTS = new GeometryFactory();

    public boolean contains(GeoPoint point) {
        return area.contains(POINTS.createPoint(new Coordinate(point.lon(), point.lat())));
    }
}
