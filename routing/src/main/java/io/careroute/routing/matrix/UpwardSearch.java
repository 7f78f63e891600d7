package io.careroute.routing.matrix;

import java.util.Arrays;

/**
 * Dijkstra on a contraction hierarchy that only climbs (to nodes of higher level), run to exhaustion from one place's
 * seeds: forward along out-edges for the place as an origin, backward along in-edges for it as a destination. The
 * weight is minimised; milliseconds and metres ride along the same tree.
 *
 * <p>Stall-on-demand: a node that a higher, already reached node gets to more cheaply (over an edge coming down to it)
 * cannot be the top of a shortest path, so it is neither expanded nor kept in the search space. That halves the
 * spaces and so the join. Arrays span the graph and are reset only where touched, so one instance serves many places
 * (not thread-safe).
 */
final class UpwardSearch {

    private final boolean backward;
    private final UpwardEdges relax;
    private final UpwardEdges stall;
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
        this.backward = backward;
        this.relax = backward ? profile.in : profile.out;
        this.stall = backward ? profile.out : profile.in;
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
            if (seedWeight < weight[seedNodes[i]]) {
                improve(seedNodes[i], seedWeight, backward ? seeds.inMillis[i] : seeds.outMillis[i],
                        backward ? seeds.inMetres[i] : seeds.outMetres[i]);
            }
        }
        int[] adj = relax.adj;
        double[] edgeWeight = relax.weight;
        while (!queue.isEmpty()) {
            double key = queue.peekKey();
            int node = queue.poll();
            if (settled[node] || key > weight[node]) {
                continue;   // a stale entry: the node was pushed again with a better weight
            }
            settled[node] = true;
            if (stalled(node)) {
                continue;
            }
            record(node);
            double base = weight[node];
            for (int e = relax.start[node], end = relax.start[node + 1]; e < end; e++) {
                int next = adj[e];
                double candidate = base + edgeWeight[e];
                if (candidate < weight[next] && !settled[next]) {
                    improve(next, candidate, millis[node] + relax.millis[e], metres[node] + relax.metres[e]);
                }
            }
        }
        SearchSpace space = collect();
        reset();
        return space;
    }

    /** Some higher node already reached gets here more cheaply by coming down an edge. */
    private boolean stalled(int node) {
        double w = weight[node];
        for (int e = stall.start[node], end = stall.start[node + 1]; e < end; e++) {
            if (weight[stall.adj[e]] + stall.weight[e] < w) {
                return true;
            }
        }
        return false;
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
