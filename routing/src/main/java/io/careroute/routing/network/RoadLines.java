package io.careroute.routing.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.graphhopper.routing.ev.EnumEncodedValue;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import com.graphhopper.util.RamerDouglasPeucker;

/**
 * The roads of a network as lines for a map drawn without any tile server: one line per road edge that at least
 * one travel profile may use (not cut off in a small island of the network), with its shape points simplified (Ramer-Douglas-Peucker) to the given tolerance.
 * A large extract is cut down to its most important road classes so that a browser can still draw it.
 */
public final class RoadLines {

    /**
     * One road edge.
     *
     * @param edge      the road graph's edge id
     * @param roadClass OSM's road class in lower case ({@code primary}, {@code residential}, ...)
     * @param lonLat    the shape as [lon, lat] pairs (GeoJSON order), rounded to 1e-6 degrees
     */
    public record Line(int edge, String roadClass, List<double[]> lonLat) {
    }

    /**
     * @param lines         the lines kept
     * @param usableEdges   road edges some profile may use
     * @param droppedEdges  of those, left out (the least important classes) to stay within the limit
     * @param bbox          [minLon, minLat, maxLon, maxLat] of every usable edge
     */
    public record Result(List<Line> lines, int usableEdges, int droppedEdges, double[] bbox) {
    }

    private RoadLines() {
    }

    /** @param maxLines at most this many lines; the rest (least important classes first) are dropped */
    public static Result of(RoadNetwork network, double toleranceMetres, int maxLines) {
        EnumEncodedValue<RoadClass> roadClass = network.hopper().getEncodingManager()
                .getEnumEncodedValue(RoadClass.KEY, RoadClass.class);
        RamerDouglasPeucker simplifier = new RamerDouglasPeucker().setMaxDistance(toleranceMetres);
        List<Line> lines = new ArrayList<>();
        double[] bbox = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        AllEdgesIterator edges = network.baseGraph().getAllEdges();
        while (edges.next()) {
            if (!usable(network, edges)) {
                continue;
            }
            PointList points = edges.fetchWayGeometry(FetchMode.ALL);
            simplifier.simplify(points);
            List<double[]> shape = new ArrayList<>(points.size());
            for (int i = 0; i < points.size(); i++) {
                double lon = round(points.getLon(i));
                double lat = round(points.getLat(i));
                shape.add(new double[] {lon, lat});
                bbox[0] = Math.min(bbox[0], lon);
                bbox[1] = Math.min(bbox[1], lat);
                bbox[2] = Math.max(bbox[2], lon);
                bbox[3] = Math.max(bbox[3], lat);
            }
            lines.add(new Line(edges.getEdge(), edges.get(roadClass).toString(), shape));
        }
        int usable = lines.size();
        if (usable > maxLines) {
            // Keep the arterials a dispatcher finds their way by; RoadClass lists the important classes first
            // (after OTHER, which goes last).
            lines.sort(Comparator.comparingInt(l -> importance(l.roadClass())));
            lines = new ArrayList<>(lines.subList(0, maxLines));
        }
        return new Result(lines, usable, usable - lines.size(), usable == 0 ? new double[0] : bbox);
    }

    private static boolean usable(RoadNetwork network, AllEdgesIterator edge) {
        for (TravelProfile profile : TravelProfile.values()) {
            if (network.snapFilter(profile).accept(edge)) {
                return true;
            }
        }
        return false;
    }

    /** Lower is more important; OTHER (unknown) last. */
    static int importance(String roadClass) {
        RoadClass value = RoadClass.find(roadClass);
        return value == RoadClass.OTHER ? Integer.MAX_VALUE : value.ordinal();
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
