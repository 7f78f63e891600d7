package io.careroute.solver.domain;

/**
 * The one port through which the solver learns how far places are apart.
 *
 * <p>Places are dense indices (0..n-1) assigned when a problem is assembled; implementations answer
 * from a precomputed matrix, so a call is a plain array lookup on the solver's hot path.
 */
public interface TravelTimes {

    /** Travel time in seconds from one place to another for the given mode. */
    int seconds(TravelMode mode, int fromPlace, int toPlace);

    /** Travel distance in metres from one place to another for the given mode. */
    int metres(TravelMode mode, int fromPlace, int toPlace);

    /**
     * How near two places are, whatever the mode: used only to aim moves at neighbouring stops (nearby
     * selection), never for the schedule.
     */
    int proximity(int fromPlace, int toPlace);
}
