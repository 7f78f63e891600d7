package io.careroute.data.demo;

import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import io.careroute.data.problem.LocationDoc;

/**
 * Places for generated streets on a road network's nodes: a point at some distance from the centre (kitchens,
 * service centres) and a home a few metres off a road. Shared by the demo day's and the street register's
 * generators, so both draw their places the same way (and their seeds keep giving the same places).
 */
public final class RoadPoints {

    private RoadPoints() {
    }

    /** The road point at a given fraction of the way from the network's centre to its edge (0 = centre). */
    public static LocationDoc central(List<double[]> roadPoints, double fraction) {
        double lat = roadPoints.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double lon = roadPoints.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        List<double[]> byDistance = roadPoints.stream()
                .sorted(Comparator.comparingDouble(p -> Math.hypot(p[0] - lat, p[1] - lon))).toList();
        double[] chosen = byDistance.get((int) Math.min(byDistance.size() - 1, fraction * byDistance.size()));
        return new LocationDoc(chosen[0], chosen[1]);
    }

    /** A point {@code minMetres}–{@code maxMetres} from {@code point} in a random direction, to 6 decimals. */
    public static LocationDoc nearRoad(double[] point, int minMetres, int maxMetres, SplittableRandom random) {
        double metres = minMetres + random.nextDouble() * (maxMetres - minMetres);
        double bearing = random.nextDouble() * 2 * Math.PI;
        double dLat = metres * Math.cos(bearing) / 111_320.0;
        double dLon = metres * Math.sin(bearing) / (111_320.0 * Math.cos(Math.toRadians(point[0])));
        return new LocationDoc(round(point[0] + dLat), round(point[1] + dLon));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
