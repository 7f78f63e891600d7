package io.careroute.routing.network;

/**
 * Where a point joins the road network of one profile.
 *
 * @param point          the point asked for
 * @param snapped        the nearest routable position, or null if none was found
 * @param distanceMetres how far that is from the point (infinite if none)
 */
public record Snap(GeoPoint point, GeoPoint snapped, double distanceMetres) {

    public boolean found() {
        return snapped != null;
    }
}
