package io.careroute.routing.matrix;

import java.util.Arrays;

import com.graphhopper.storage.RoutingCHEdgeExplorer;
import com.graphhopper.storage.RoutingCHEdgeIterator;
import com.graphhopper.storage.RoutingCHGraph;

/**
 * The edges of a contraction hierarchy that lead from each node to a node of higher level, in one direction of
 * travel, as flat arrays indexed from {@code start[node]}: the other node, and the weight, milliseconds and metres of
 * travelling the edge (away from the node for out-edges, towards it for in-edges). Copied once from GraphHopper's
 * iterators, which evaluate the custom model on every base edge they pass: reading an array is several times faster.
 * 24 bytes an edge.
 */
final class UpwardEdges {

    final int[] start;
    final int[] adj;
    final double[] weight;
    final int[] millis;
    final double[] metres;

    private UpwardEdges(int[] start, int[] adj, double[] weight, int[] millis, double[] metres) {
        this.start = start;
        this.adj = adj;
        this.weight = weight;
        this.millis = millis;
        this.metres = metres;
    }

    /** @param incoming in-edges (travelled towards the node) instead of out-edges */
    static UpwardEdges copy(RoutingCHGraph graph, int[] level, ChEdgeCosts costs, boolean incoming) {
        int nodes = graph.getNodes();
        RoutingCHEdgeExplorer explorer = incoming ? graph.createInEdgeExplorer() : graph.createOutEdgeExplorer();
        int[] start = new int[nodes + 1];
        int capacity = Math.max(16, graph.getEdges());
        int[] adj = new int[capacity];
        double[] weight = new double[capacity];
        int[] millis = new int[capacity];
        double[] metres = new double[capacity];
        int count = 0;
        for (int node = 0; node < nodes; node++) {
            start[node] = count;
            RoutingCHEdgeIterator edge = explorer.setBaseNode(node);
            while (edge.next()) {
                int other = edge.getAdjNode();
                // Upward only, as GraphHopper's own CH searches filter (level(base) <= level(adj); loops never help).
                if (other == node || level[other] < level[node]) {
                    continue;
                }
                double w = edge.getWeight(incoming);
                if (Double.isInfinite(w)) {
                    continue;
                }
                if (count == adj.length) {
                    int grown = count + count / 2;
                    adj = Arrays.copyOf(adj, grown);
                    weight = Arrays.copyOf(weight, grown);
                    millis = Arrays.copyOf(millis, grown);
                    metres = Arrays.copyOf(metres, grown);
                }
                adj[count] = other;
                weight[count] = w;
                millis[count] = costs.millis(edge, incoming);
                metres[count] = costs.metres(edge);
                count++;
            }
        }
        start[nodes] = count;
        return new UpwardEdges(start, Arrays.copyOf(adj, count), Arrays.copyOf(weight, count),
                Arrays.copyOf(millis, count), Arrays.copyOf(metres, count));
    }

    int size() {
        return adj.length;
    }

    long footprintBytes() {
        return 4L * start.length + 24L * adj.length;
    }
}
