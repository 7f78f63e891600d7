package io.careroute.planning.assemble;

import java.util.EnumMap;
import java.util.Map;

import io.careroute.routing.matrix.TravelMatrix;
import io.careroute.solver.domain.TravelMode;
import io.careroute.solver.domain.TravelTimes;

/**
 * The solver's travel port over the routing module's matrices. A pair with no road route answers a full day,
 * so any plan that uses it breaks a window or a shift and is reported, instead of the pair counting as free.
 */
final class MatrixTravelTimes implements TravelTimes {

    static final int NO_ROUTE_SECONDS = 24 * 3600;
    static final int NO_ROUTE_METRES = 1_000_000;

    private final Map<TravelMode, TravelMatrix> matrices;
    private final TravelMatrix nearby;

    MatrixTravelTimes(Map<TravelMode, TravelMatrix> matrices) {
        this.matrices = new EnumMap<>(matrices);
        // Any routed mode ranks neighbours alike; prefer walking distances, which ignore one-way streets.
        this.nearby = this.matrices.values().stream().filter(m -> m.size() > 0)
                .max(java.util.Comparator.comparingInt(m -> m == this.matrices.get(TravelMode.FOOT) ? 1 : 0))
                .orElse(null);
    }

    @Override
    public int proximity(int fromPlace, int toPlace) {
        int metres = nearby.metres(fromPlace, toPlace);
        return metres == TravelMatrix.UNREACHABLE ? NO_ROUTE_METRES : metres;
    }

    @Override
    public int seconds(TravelMode mode, int fromPlace, int toPlace) {
        int seconds = matrices.get(mode).seconds(fromPlace, toPlace);
        return seconds == TravelMatrix.UNREACHABLE ? NO_ROUTE_SECONDS : seconds;
    }

    @Override
    public int metres(TravelMode mode, int fromPlace, int toPlace) {
        int metres = matrices.get(mode).metres(fromPlace, toPlace);
        return metres == TravelMatrix.UNREACHABLE ? NO_ROUTE_METRES : metres;
    }
}
