package io.careroute.routing.matrix;

import java.util.concurrent.ConcurrentLinkedQueue;

import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.Graph;
import com.graphhopper.storage.RoutingCHGraph;

/**
 * One profile's contraction hierarchy as the many-to-many searches read it: each node's level and its upward edges in
 * both directions of travel, with the weight, time and length of each ({@link UpwardEdges}). Built once per profile
 * from GraphHopper's prepared hierarchy (a fraction of a second for a district, ~50 bytes a road edge); immutable, so
 * shared by threads.
 */
public final class ContractedProfile {

    private final RoutingCHGraph graph;
    private final int[] level;
    /** Edges leaving each node upwards: what forward searches relax and backward searches stall on. */
    final UpwardEdges out;
    /** Edges entering each node from above: what backward searches relax and forward searches stall on. */
    final UpwardEdges in;
    /**
     * Idle search pairs (forward, backward). Their arrays span the graph (~5 MB a pair for a district), so matrices
     * reuse them instead of allocating and clearing them per call; at most one pair per concurrent caller is kept.
     */
    private final ConcurrentLinkedQueue<UpwardSearch[]> idleSearches = new ConcurrentLinkedQueue<>();

    public ContractedProfile(RoutingCHGraph graph) {
        if (graph.isEdgeBased()) {
            throw new IllegalArgumentException("the many-to-many search needs a node-based contraction hierarchy");
        }
        this.graph = graph;
        this.level = new int[graph.getNodes()];
        for (int node = 0; node < level.length; node++) {
            level[node] = graph.getLevel(node);
        }
        ChEdgeCosts costs = new ChEdgeCosts(graph);
        this.out = UpwardEdges.copy(graph, level, costs, false);
        this.in = UpwardEdges.copy(graph, level, costs, true);
    }

    /** A forward and a backward search for one caller's exclusive use; hand them back with {@link #release}. */
    UpwardSearch[] borrowSearches() {
        UpwardSearch[] pair = idleSearches.poll();
        return pair != null ? pair : new UpwardSearch[] {new UpwardSearch(this, false), new UpwardSearch(this, true)};
    }

    void release(UpwardSearch[] pair) {
        idleSearches.offer(pair);
    }

    public Weighting weighting() {
        return graph.getWeighting();
    }

    /** The base graph the hierarchy was built on (snapping and query graphs work on it). */
    public Graph baseGraph() {
        return graph.getBaseGraph();
    }

    int nodes() {
        return level.length;
    }

    /** Bytes held by the copied hierarchy (for logs and benchmarks). */
    public long footprintBytes() {
        return 4L * level.length + out.footprintBytes() + in.footprintBytes();
    }
}
