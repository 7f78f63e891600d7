package io.careroute.routing.coverage;

import io.careroute.routing.network.GeoPoint;

/** A named place: a canteen (助餐点) or an elder's home. */
public record Site(String id, GeoPoint point) {
}
