package io.careroute.routing.matrix;

import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.Graph;
import com.graphhopper.storage.RoutingCHEdgeIteratorState;
import com.graphhopper.storage.RoutingCHGraph;

/**
 * The travel time (both ways) and length of every edge of a contraction hierarchy, base edges and shortcuts.
 *
 * <p>GraphHopper's shortcuts carry only their weight, so a search on the hierarchy could not tell seconds and metres.
 * Instead of unpacking the chosen path of every pair, each shortcut's time and length are added up once here from
 * the two edges it skips; a search then sums them along its tree exactly as the plain Dijkstra sums base edges.
 * Needed only while {@link ContractedProfile} copies the hierarchy's upward edges.
 */
final class ChEdgeCosts {

    private static final int UNKNOWN = Integer.MIN_VALUE;

    private final RoutingCHGraph graph;
    private final int baseEdges;
    /** Per base-graph edge key (edge and direction): milliseconds to travel the edge that way. */
    private final int[] edgeMillis;
    private final double[] edgeMetres;
    /** Per shortcut: milliseconds from its node A to node B (forward) and back, and its length. */
    private final int[] shortcutMillisForward;
    private final int[] shortcutMillisBackward;
    private final double[] shortcutMetres;

    ChEdgeCosts(RoutingCHGraph graph) {
        this.graph = graph;
        Graph base = graph.getBaseGraph();
        this.baseEdges = base.getEdges();
        Weighting weighting = graph.getWeighting();
        this.edgeMillis = new int[2 * baseEdges];
        this.edgeMetres = new double[baseEdges];
        for (int key = 0; key < edgeMillis.length; key++) {
            var edge = base.getEdgeIteratorStateForKey(key);
            edgeMillis[key] = saturated(weighting.calcEdgeMillis(edge, false));
            edgeMetres[key >> 1] = edge.getDistance();
        }
        int shortcuts = graph.getShortcuts();
        this.shortcutMillisForward = new int[shortcuts];
        this.shortcutMillisBackward = new int[shortcuts];
        this.shortcutMetres = new double[shortcuts];
        java.util.Arrays.fill(shortcutMillisForward, UNKNOWN);
        for (int shortcut = 0; shortcut < shortcuts; shortcut++) {
            sumShortcut(shortcut);
        }
    }

    /**
     * A node-based shortcut A->B skips two edges A->M and M->B, each a base edge or an older shortcut (found the way
     * GraphHopper's {@code ShortcutUnpacker} finds them). Recursion depth is bounded by the hierarchy's height.
     */
    private void sumShortcut(int shortcut) {
        if (shortcutMillisForward[shortcut] != UNKNOWN) {
            return;
        }
        RoutingCHEdgeIteratorState edge = graph.getEdgeIteratorState(baseEdges + shortcut, Integer.MIN_VALUE);
        int nodeB = edge.getAdjNode();
        RoutingCHEdgeIteratorState second = graph.getEdgeIteratorState(edge.getSkippedEdge2(), nodeB);
        RoutingCHEdgeIteratorState first;
        if (second == null) {
            second = graph.getEdgeIteratorState(edge.getSkippedEdge1(), nodeB);
            first = graph.getEdgeIteratorState(edge.getSkippedEdge2(), second.getBaseNode());
        } else {
            first = graph.getEdgeIteratorState(edge.getSkippedEdge1(), second.getBaseNode());
        }
        shortcutMillisForward[shortcut] = saturated((long) millisAlong(first, false) + millisAlong(second, false));
        shortcutMillisBackward[shortcut] = saturated((long) millisAlong(first, true) + millisAlong(second, true));
        shortcutMetres[shortcut] = metres(first) + metres(second);
    }

    /** Time along an oriented CH edge from its base to its adjacent node, or back if {@code reverse}. */
    private int millisAlong(RoutingCHEdgeIteratorState edge, boolean reverse) {
        if (!edge.isShortcut()) {
            int key = edge.getOrigEdgeKeyFirst();
            return edgeMillis[reverse ? key ^ 1 : key];
        }
        int shortcut = edge.getEdge() - baseEdges;
        sumShortcut(shortcut);
        boolean storedAtoB = graph.getEdgeIteratorState(edge.getEdge(), Integer.MIN_VALUE).getBaseNode() == edge.getBaseNode();
        return storedAtoB != reverse ? shortcutMillisForward[shortcut] : shortcutMillisBackward[shortcut];
    }

    /** An infinite time (a direction nobody may travel) must not wrap around; it is never summed into a route. */
    private static int saturated(long millis) {
        return (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, millis));
    }

    /**
     * Milliseconds along the CH edge the iterator stands on, from its base node to its adjacent node, or from the
     * adjacent node to the base node if {@code reverse} (how the backward search travels an in-edge).
     */
    int millis(RoutingCHEdgeIteratorState edge, boolean reverse) {
        if (edge.isShortcut()) {
            // The iterators list a shortcut only at its lower node, where it is stored as node A.
            int shortcut = edge.getEdge() - baseEdges;
            return reverse ? shortcutMillisBackward[shortcut] : shortcutMillisForward[shortcut];
        }
        int key = edge.getOrigEdgeKeyFirst();
        return edgeMillis[reverse ? key ^ 1 : key];
    }

    /** Length of the CH edge the iterator stands on (the same both ways). */
    double metres(RoutingCHEdgeIteratorState edge) {
        return edge.isShortcut() ? shortcutMetres[edge.getEdge() - baseEdges] : edgeMetres[edge.getOrigEdgeKeyFirst() >> 1];
    }
}
