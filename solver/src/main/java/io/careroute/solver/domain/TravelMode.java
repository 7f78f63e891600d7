package io.careroute.solver.domain;

/** How a worker moves between stops; each mode has its own road times. */
public enum TravelMode {
    FOOT,
    BICYCLE,
    EBIKE,
    CAR
}
