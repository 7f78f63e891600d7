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

    /** GraphHopper's walking speed on an ordinary footway, what a foot speed factor of 1.0 means. */
    public static final double GRAPHHOPPER_FOOT_KMH = 5;

    /** These settings with walkers at {@code kmh} (at most GraphHopper's own walking speed: a factor can only slow). */
    public ProfileSettings withFootKmh(double kmh) {
        return new ProfileSettings(ebikeSpeedFactor, ebikeMaxKmh, kmh / GRAPHHOPPER_FOOT_KMH);
    }

    /** These settings with e-bikes capped at {@code kmh}. */
    public ProfileSettings withEbikeMaxKmh(double kmh) {
        return new ProfileSettings(ebikeSpeedFactor, kmh, footSpeedFactor);
    }

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
