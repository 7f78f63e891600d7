package io.careroute.data.vrptw;

import io.careroute.solver.domain.TravelMode;
import io.careroute.solver.domain.TravelTimes;

/**
 * Benchmark travel: Euclidean distance, the same for every mode, in fixed-point units of 1/{@link #SCALE}.
 * Each leg is rounded <em>up</em>, so a schedule feasible in these units is feasible in double precision too;
 * the distance reported is recomputed in double precision from the routes.
 */
public final class EuclideanTravelTimes implements TravelTimes {

    public static final int SCALE = 10_000;

    private final int size;
    private final int[] units;

    public EuclideanTravelTimes(VrptwInstance instance) {
        this.size = instance.customers().size();
        this.units = new int[size * size];
        for (int from = 0; from < size; from++) {
            for (int to = 0; to < size; to++) {
                units[from * size + to] = (int) Math.ceil(instance.distance(from, to) * SCALE - 1e-9);
            }
        }
    }

    @Override
    public int seconds(TravelMode mode, int fromPlace, int toPlace) {
        return units[fromPlace * size + toPlace];
    }

    @Override
    public int metres(TravelMode mode, int fromPlace, int toPlace) {
        return units[fromPlace * size + toPlace];
    }

    @Override
    public int proximity(int fromPlace, int toPlace) {
        return units[fromPlace * size + toPlace];
    }

    public static int toUnits(double value) {
        return (int) Math.round(value * SCALE);
    }
}
