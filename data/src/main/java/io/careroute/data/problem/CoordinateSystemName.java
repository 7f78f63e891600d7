package io.careroute.data.problem;

/** The coordinate system a document's locations are given in (the routing module converts them). */
public enum CoordinateSystemName {
    WGS84,
    GCJ02,
    BD09
}
