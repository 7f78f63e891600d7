package io.careroute.routing.matrix;

import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeIteratorState;

/**
 * Where one snapped place joins the road graph: the road nodes its searches start from (out) and end at (in), with
 * the weight, time and length of the piece of road between the place and each.
 *
 * <p>A place snapped between two junctions splits its edge into two pieces; they are read from a query graph holding
 * this snap alone, so a place's searches never depend on which other places share the problem (and can be cached).
 * Two places on the same edge can also meet along that edge without reaching a junction: {@link #direct} covers it.
 */
public final class SnapSeeds {

    private static final int ON_NODE = -1;

    final int[] outNodes;
    final double[] outWeight;
    final int[] outMillis;
    final double[] outMetres;
    final int[] inNodes;
    final double[] inWeight;
    final int[] inMillis;
    final double[] inMetres;
    /** The base edge the place splits, or {@link #ON_NODE} if it lies on a road node. */
    final int edge;
    /** Distance from the edge's base node to the place, along the edge as GraphHopper orients it for snaps. */
    final double offsetMetres;
    private final long pointKey;
    private final double lat;
    private final double lon;

    private SnapSeeds(int[] outNodes, double[] outWeight, int[] outMillis, double[] outMetres, int[] inNodes, double[] inWeight,
                      int[] inMillis, double[] inMetres, int edge, double offsetMetres, double lat, double lon) {
        this.outNodes = outNodes;
        this.outWeight = outWeight;
        this.outMillis = outMillis;
        this.outMetres = outMetres;
        this.inNodes = inNodes;
        this.inWeight = inWeight;
        this.inMillis = inMillis;
        this.inMetres = inMetres;
        this.edge = edge;
        this.offsetMetres = offsetMetres;
        this.lat = lat;
        this.lon = lon;
        this.pointKey = pointKey(lat, lon);
    }

    /**
     * Seeds of a valid snap. Builds a one-snap query graph, which (as GraphHopper does for every query graph) turns
     * the snap's closest edge to its canonical direction; a query graph built later from the same snap agrees.
     */
    public static SnapSeeds of(ContractedProfile profile, Snap snap) {
        if (!snap.isValid()) {
            throw new IllegalArgumentException("cannot route from an invalid snap");
        }
        BaseGraph base = profile.baseGraph().getBaseGraph();
        QueryGraph queryGraph = QueryGraph.create(base, snap);
        double lat = snap.getSnappedPoint().lat;
        double lon = snap.getSnappedPoint().lon;
        if (queryGraph.getNodes() == base.getNodes()) {
            // On a junction (or within a few cm of one): the searches start right there.
            int node = snap.getClosestNode();
            return new SnapSeeds(new int[] {node}, new double[] {0}, new int[] {0}, new double[] {0},
                    new int[] {node}, new double[] {0}, new int[] {0}, new double[] {0}, ON_NODE, 0, lat, lon);
        }
        // The four virtual edge keys of a single snap v on edge B-A: B->v, v->B, v->A, A->v.
        int first = 2 * base.getEdges();
        EdgeIteratorState fromBase = queryGraph.getEdgeIteratorStateForKey(first);
        EdgeIteratorState toBase = queryGraph.getEdgeIteratorStateForKey(first + 1);
        EdgeIteratorState toAdj = queryGraph.getEdgeIteratorStateForKey(first + 2);
        EdgeIteratorState fromAdj = queryGraph.getEdgeIteratorStateForKey(first + 3);
        Weighting weighting = profile.weighting();
        int baseNode = toBase.getAdjNode();
        int adjNode = toAdj.getAdjNode();
        return new SnapSeeds(
                new int[] {baseNode, adjNode},
                new double[] {weighting.calcEdgeWeight(toBase, false), weighting.calcEdgeWeight(toAdj, false)},
                new int[] {millis(weighting, toBase), millis(weighting, toAdj)},
                new double[] {toBase.getDistance(), toAdj.getDistance()},
                new int[] {baseNode, adjNode},
                new double[] {weighting.calcEdgeWeight(fromBase, false), weighting.calcEdgeWeight(fromAdj, false)},
                new int[] {millis(weighting, fromBase), millis(weighting, fromAdj)},
                new double[] {fromBase.getDistance(), fromAdj.getDistance()},
                snap.getClosestEdge().getEdge(), fromBase.getDistance(), lat, lon);
    }

    private static int millis(Weighting weighting, EdgeIteratorState edge) {
        long millis = weighting.calcEdgeMillis(edge, false);
        return (int) Math.min(Integer.MAX_VALUE, millis);
    }

    /**
     * The way from this place to {@code to} along the edge both lie on, without passing a junction; null if they lie
     * on different edges or the edge may not be travelled that way. Index 0 weight, 1 millis, 2 metres.
     */
    double[] direct(SnapSeeds to) {
        if (edge == ON_NODE || edge != to.edge) {
            return null;
        }
        if (offsetMetres == to.offsetMetres) {
            return new double[] {0, 0, 0};
        }
        // Towards the adjacent node (seed 1) if the target lies beyond us, else towards the base node (seed 0):
        // the piece between us is what is left of our piece once the target's own piece is taken off.
        int side = to.offsetMetres > offsetMetres ? 1 : 0;
        double weight = outWeight[side] - to.outWeight[side];
        if (Double.isInfinite(outWeight[side]) || Double.isInfinite(to.outWeight[side])) {
            return null;
        }
        return new double[] {Math.max(0, weight), Math.max(0, outMillis[side] - to.outMillis[side]),
                Math.max(0, outMetres[side] - to.outMetres[side])};
    }

    /** The snapped point rounded to 1e-7 degrees (about 1 cm), packed: the cache's name for this place. */
    public long pointKey() {
        return pointKey;
    }

    static long pointKey(double lat, double lon) {
        return ((long) (int) Math.round(lat * 1e7) << 32) | ((int) Math.round(lon * 1e7) & 0xFFFFFFFFL);
    }

    public double lat() {
        return lat;
    }

    public double lon() {
        return lon;
    }

    /** Bytes this object holds (for cache weights). */
    int footprintBytes() {
        return 64 + 24 * (outNodes.length + inNodes.length);
    }
}
