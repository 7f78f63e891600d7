package io.careroute.planning.assemble;

import io.careroute.routing.network.TravelProfile;
import io.careroute.solver.domain.TravelMode;

/** The solver's travel modes and the routing profiles that serve them, one to one. */
final class TravelModes {

    private TravelModes() {
    }

    static TravelProfile profile(TravelMode mode) {
        return switch (mode) {
            case FOOT -> TravelProfile.FOOT;
            case BICYCLE -> TravelProfile.BICYCLE;
            case EBIKE -> TravelProfile.EBIKE;
            case CAR -> TravelProfile.CAR;
        };
    }
}
