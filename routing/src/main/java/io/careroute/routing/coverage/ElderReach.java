package io.careroute.routing.coverage;

import io.careroute.routing.matrix.TravelMatrix;

/**
 * How far one elder's home is from the nearest canteen on foot.
 *
 * @param canteenId   the canteen reached soonest, null if none can be reached
 * @param walkSeconds walking time home to canteen, {@link TravelMatrix#UNREACHABLE} if no canteen can be reached
 * @param onNetwork   false if the home is too far from any footpath to be routed at all
 * @param snapMetres  metres from the home to the nearest footpath (infinite if there is none)
 */
public record ElderReach(String elderId, String canteenId, int walkSeconds, int walkMetres, boolean onNetwork,
                         double snapMetres) {

    public boolean within(int minutes) {
        return walkSeconds != TravelMatrix.UNREACHABLE && walkSeconds <= minutes * 60;
    }
}
