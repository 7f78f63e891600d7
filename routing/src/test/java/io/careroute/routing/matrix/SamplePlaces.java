package io.careroute.routing.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.careroute.routing.network.GeoPoint;
import io.careroute.routing.network.RoadNetwork;

/** Seeded sample places around a network's roads, as homes lie: beside a street, between its junctions. */
final class SamplePlaces {

    private SamplePlaces() {
    }

    /** {@code count} distinct points, each up to ~80 m from a random road node. */
    static List<GeoPoint> scattered(RoadNetwork network, int count, long seed) {
        List<GeoPoint> roads = network.sharedRoadNodes();
        Random random = new Random(seed);
        List<GeoPoint> points = new ArrayList<>();
        while (points.size() < count) {
            GeoPoint road = roads.get(random.nextInt(roads.size()));
            points.add(new GeoPoint(road.lat() + (random.nextDouble() - 0.5) * 0.0015,
                    road.lon() + (random.nextDouble() - 0.5) * 0.0015));
        }
        return points;
    }

    /**
     * Scattered points plus the awkward cases every matrix must get right: a place listed twice, and two places a
     * few metres apart on the same street.
     */
    static List<GeoPoint> near(RoadNetwork network, int count, long seed) {
        List<GeoPoint> points = scattered(network, count - 3, seed);
        GeoPoint first = points.get(0);
        points.add(first);
        points.add(new GeoPoint(first.lat() + 0.00003, first.lon() + 0.00002));
        points.add(new GeoPoint(first.lat() - 0.00002, first.lon() - 0.00003));
        return points;
    }
}
