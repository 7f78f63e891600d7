package io.careroute.routing.matrix;

import java.util.Arrays;

import com.graphhopper.storage.RoutingCHEdgeExplorer;
import com.graphhopper.storage.RoutingCHEdgeIterator;

/**
 * Dijkstra on a contraction hierarchy that only climbs (to nodes of higher level), run to exhaustion from one place's
 * seeds: forward along out-edges for the place as an origin, backward along in-edges for it as a destination. The
 * weight is minimised; milliseconds and metres ride along the same tree. Its arrays span the graph and are reset only
 * where touched, so one instance serves many places (not thread-safe).
 */
final class UpwardSearch {

    private final ContractedProfile profile;
    private final boolean backward;
    private final RoutingCHEdgeExplorer explorer;
    private final double[] weight;
    private final int[] millis;
    private final double[] metres;
    private final boolean[] settled;
    private final int[] touched;
    private int touchedCount;
    private final SearchQueue queue = new SearchQueue();
    private int[] spaceNodes = new int[256];
    private int spaceSize;

    UpwardSearch(ContractedProfile profile, boolean backward) {
        this.profile = profile;
        this.backward = backward;
        this.explorer = backward ? profile.graph().createInEdgeExplorer() : profile.graph().createOutEdgeExplorer();
        int nodes = profile.nodes();
        this.weight = new double[nodes];
        this.millis = new int[nodes];
        this.metres = new double[nodes];
        this.settled = new boolean[nodes];
        this.touched = new int[nodes];
        Arrays.fill(weight, Double.POSITIVE_INFINITY);
    }

    SearchSpace run(SnapSeeds seeds) {
        int[] seedNodes = backward ? seeds.inNodes : seeds.outNodes;
        for (int i = 0; i < seedNodes.length; i++) {
            double seedWeight = backward ? seeds.inWeight[i] : seeds.outWeight[i];
            if (!Double.isInfinite(seedWeight)) {
                improve(seedNodes[i], seedWeight, backward ? seeds.inMillis[i] : seeds.outMillis[i],
                        backward ? seeds.inMetres[i] : seeds.outMetres[i]);
            }
        }
        while (!queue.isEmpty()) {
            double key = queue.peekKey();
            int node = queue.poll();
            if (settled[node] || key > weight[node]) {
                continue;   // a stale entry: the node was pushed again with a better weight
            }
            settled[node] = true;
            record(node);
            int level = profile.level(node);
            RoutingCHEdgeIterator edge = explorer.setBaseNode(node);
            while (edge.next()) {
                int adj = edge.getAdjNode();
                // Upward only, as GraphHopper's own CH searches filter (level(base) <= level(adj)).
                if (settled[adj] || profile.level(adj) < level) {
                    continue;
                }
                double edgeWeight = edge.getWeight(backward);
                if (Double.isInfinite(edgeWeight)) {
                    continue;
                }
                double candidate = weight[node] + edgeWeight;
                if (candidate < weight[adj]) {
                    improve(adj, candidate, millis[node] + profile.millis(edge, backward), metres[node] + profile.metres(edge));
                }
            }
        }
        SearchSpace space = collect();
        reset();
        return space;
    }

    private void improve(int node, double w, int ms, double m) {
        if (weight[node] == Double.POSITIVE_INFINITY) {
            touched[touchedCount++] = node;
        }
        weight[node] = w;
        millis[node] = ms;
        metres[node] = m;
        queue.push(node, w);
    }

    private void record(int node) {
        if (spaceSize == spaceNodes.length) {
            spaceNodes = Arrays.copyOf(spaceNodes, spaceSize * 2);
        }
        spaceNodes[spaceSize++] = node;
    }

    private SearchSpace collect() {
        int[] nodes = Arrays.copyOf(spaceNodes, spaceSize);
        double[] w = new double[spaceSize];
        int[] ms = new int[spaceSize];
        double[] m = new double[spaceSize];
        for (int i = 0; i < spaceSize; i++) {
            w[i] = weight[nodes[i]];
            ms[i] = millis[nodes[i]];
            m[i] = metres[nodes[i]];
        }
        return new SearchSpace(nodes, w, ms, m);
    }

    private void reset() {
        for (int i = 0; i < touchedCount; i++) {
            weight[touched[i]] = Double.POSITIVE_INFINITY;
            settled[touched[i]] = false;
        }
        touchedCount = 0;
        spaceSize = 0;
        queue.clear();
    }
}
