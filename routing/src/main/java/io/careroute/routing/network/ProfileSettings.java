package io.careroute.routing.network;

/**
 * Tunable speeds. An e-bike uses the bicycle's roads, faster but capped (urban e-bikes are limited to 25 km/h by
 * GB 17761-2018); walkers can be slowed for a workforce of older volunteers.
 *
 * @param ebikeSpeedFactor multiplies the bicycle speed of every road
 * @param ebikeMaxKmh      caps the e-bike speed
 * @param footSpeedFactor  multiplies the walking speed (1.0 = GraphHopper's ~5 km/h)
 */
public record ProfileSettings(double ebikeSpeedFactor, double ebikeMaxKmh, double footSpeedFactor) {

    public static final ProfileSettings DEFAULT = new ProfileSettings(1.5, 25, 1.0);

    public ProfileSettings {
        if (!(ebikeSpeedFactor > 0) || !(ebikeMaxKmh > 0) || !(footSpeedFactor > 0 && footSpeedFactor <= 1.0)) {
            throw new IllegalArgumentException("speed settings must be positive (foot factor at most 1): " + this);
        }
    }

    /** Goes into the graph-cache key: a graph prepared for other speeds must not be reused. */
    String cacheKey() {
        return "ebike=" + ebikeSpeedFactor + "x,max" + ebikeMaxKmh + ";foot=" + footSpeedFactor + "x";
    }
}
