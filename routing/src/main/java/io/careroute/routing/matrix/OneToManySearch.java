package io.careroute.routing.matrix;

import java.util.Arrays;

import com.graphhopper.coll.MinHeapWithUpdate;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.Graph;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;

/**
 * Dijkstra from one node to many on a (query) graph, minimising the profile's weight and summing the time and
 * distance of the chosen path. It stops as soon as every target is settled, and reuses its arrays across
 * searches, resetting only the nodes it touched.
 */
public final class OneToManySearch {

    private final Graph graph;
    private final Weighting weighting;
    private final EdgeExplorer explorer;
    private final float[] weight;
    private final long[] millis;
    private final double[] distance;
    private final int[] parentEdge;
    private final int[] parentNode;
    private final int[] touched;
    private int touchedCount;
    private final MinHeapWithUpdate heap;

    public OneToManySearch(Graph graph, Weighting weighting) {
        this.graph = graph;
        this.weighting = weighting;
        this.explorer = graph.createEdgeExplorer();
        int n = graph.getNodes();
        this.weight = new float[n];
        this.millis = new long[n];
        this.distance = new double[n];
        this.parentEdge = new int[n];
        this.parentNode = new int[n];
        this.touched = new int[n];
        Arrays.fill(weight, Float.POSITIVE_INFINITY);
        this.heap = new MinHeapWithUpdate(n);
    }

    /** Times and distances between every pair of the given graph nodes (-1 marks a place that did not snap). */
    public TravelMatrix matrix(int[] nodes) {
        int size = nodes.length;
        int[] seconds = new int[size * size];
        int[] metres = new int[size * size];
        Arrays.fill(seconds, TravelMatrix.UNREACHABLE);
        Arrays.fill(metres, TravelMatrix.UNREACHABLE);
        for (int from = 0; from < size; from++) {
            if (nodes[from] < 0) {
                continue;
            }
            run(nodes[from], nodes);
            for (int to = 0; to < size; to++) {
                int target = nodes[to];
                if (target >= 0 && weight[target] != Float.POSITIVE_INFINITY) {
                    seconds[from * size + to] = (int) Math.round(millis[target] / 1000.0);
                    metres[from * size + to] = (int) Math.round(distance[target]);
                }
            }
            reset();
        }
        return new TravelMatrix(size, seconds, metres);
    }

    /** The edge keys (edge and direction) of the best path between two nodes, in order, or null if there is none. */
    public int[] pathEdgeKeys(int from, int to) {
        run(from, new int[] {to});
        try {
            if (weight[to] == Float.POSITIVE_INFINITY) {
                return null;
            }
            int count = 0;
            for (int node = to; node != from; node = parentNode[node]) {
                count++;
            }
            int[] edges = new int[count];
            for (int node = to, i = count - 1; node != from; node = parentNode[node], i--) {
                edges[i] = parentEdge[node];
            }
            return edges;
        } finally {
            reset();
        }
    }

    private void run(int source, int[] targets) {
        boolean[] isTarget = new boolean[graph.getNodes()];
        int remaining = 0;
        for (int target : targets) {
            if (target >= 0 && !isTarget[target]) {
                isTarget[target] = true;
                remaining++;
            }
        }
        touch(source, 0, 0, 0, -1, -1);
        heap.push(source, 0);
        while (!heap.isEmpty() && remaining > 0) {
            int node = heap.poll();
            if (isTarget[node]) {
                remaining--;
            }
            EdgeIterator edge = explorer.setBaseNode(node);
            while (edge.next()) {
                double edgeWeight = weighting.calcEdgeWeight(edge, false);
                if (Double.isInfinite(edgeWeight)) {
                    continue;
                }
                int adj = edge.getAdjNode();
                float candidate = (float) (weight[node] + edgeWeight);
                if (candidate < weight[adj]) {
                    boolean seen = weight[adj] != Float.POSITIVE_INFINITY;
                    touch(adj, candidate, millis[node] + weighting.calcEdgeMillis(edge, false),
                            distance[node] + edge.getDistance(), edge.getEdgeKey(), node);
                    if (seen && heap.contains(adj)) {
                        heap.update(adj, candidate);
                    } else if (!seen) {
                        heap.push(adj, candidate);
                    }
                }
            }
        }
    }

    private void touch(int node, float w, long ms, double metres, int viaEdge, int fromNode) {
        if (weight[node] == Float.POSITIVE_INFINITY) {
            touched[touchedCount++] = node;
        }
        weight[node] = w;
        millis[node] = ms;
        distance[node] = metres;
        parentEdge[node] = viaEdge;
        parentNode[node] = fromNode;
    }

    private void reset() {
        for (int i = 0; i < touchedCount; i++) {
            weight[touched[i]] = Float.POSITIVE_INFINITY;
        }
        touchedCount = 0;
        heap.clear();
    }
}
