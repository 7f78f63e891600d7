package io.careroute.routing.matrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The second half of the bucket many-to-many (Knopp et al. 2007): every target's backward search space is filed in
 * buckets by node; each source's forward search space is then scanned against those buckets, and the best meeting
 * node of each pair is its shortest path. No search runs here, so any block of sources x targets whose spaces are
 * known (e.g. cached) costs only this scan.
 */
final class BucketJoin {

    /** Receives every pair of a join, unreachable ones included (as {@link TravelMatrix#UNREACHABLE}). */
    interface PairSink {
        void pair(int source, int target, int seconds, int metres);
    }

    private BucketJoin() {
    }

    /**
     * @param sources    forward spaces by row; null marks a place off the network
     * @param targets    backward spaces by column; null marks a place off the network
     * @param graphNodes nodes of the graph the spaces were searched on
     */
    static void join(List<PlaceSpaces> sources, List<PlaceSpaces> targets, int graphNodes, PairSink sink) {
        int targetCount = targets.size();
        int[] start = new int[graphNodes + 1];
        for (PlaceSpaces target : targets) {
            if (target != null) {
                for (int node : target.in.nodes) {
                    start[node + 1]++;
                }
            }
        }
        for (int node = 0; node < graphNodes; node++) {
            start[node + 1] += start[node];
        }
        int entries = start[graphNodes];
        int[] bucketTarget = new int[entries];
        double[] bucketWeight = new double[entries];
        int[] bucketMillis = new int[entries];
        double[] bucketMetres = new double[entries];
        int[] fill = Arrays.copyOf(start, graphNodes);
        for (int t = 0; t < targetCount; t++) {
            PlaceSpaces target = targets.get(t);
            if (target == null) {
                continue;
            }
            SearchSpace in = target.in;
            for (int k = 0; k < in.size(); k++) {
                int slot = fill[in.nodes[k]]++;
                bucketTarget[slot] = t;
                bucketWeight[slot] = in.weight[k];
                bucketMillis[slot] = in.millis[k];
                bucketMetres[slot] = in.metres[k];
            }
        }
        Map<Integer, List<Integer>> targetsByEdge = targetsByEdge(targets);

        double[] bestWeight = new double[targetCount];
        int[] bestMillis = new int[targetCount];
        double[] bestMetres = new double[targetCount];
        for (int s = 0; s < sources.size(); s++) {
            PlaceSpaces source = sources.get(s);
            if (source == null) {
                for (int t = 0; t < targetCount; t++) {
                    sink.pair(s, t, TravelMatrix.UNREACHABLE, TravelMatrix.UNREACHABLE);
                }
                continue;
            }
            Arrays.fill(bestWeight, Double.POSITIVE_INFINITY);
            SearchSpace out = source.out;
            for (int k = 0; k < out.size(); k++) {
                int node = out.nodes[k];
                double w = out.weight[k];
                for (int b = start[node], end = start[node + 1]; b < end; b++) {
                    int t = bucketTarget[b];
                    double candidate = w + bucketWeight[b];
                    if (candidate < bestWeight[t]) {
                        bestWeight[t] = candidate;
                        bestMillis[t] = out.millis[k] + bucketMillis[b];
                        bestMetres[t] = out.metres[k] + bucketMetres[b];
                    }
                }
            }
            List<Integer> sameEdge = targetsByEdge.get(source.seeds.edge);
            if (sameEdge != null) {
                for (int t : sameEdge) {
                    double[] direct = source.seeds.direct(targets.get(t).seeds);
                    if (direct != null && direct[0] < bestWeight[t]) {
                        bestWeight[t] = direct[0];
                        bestMillis[t] = (int) direct[1];
                        bestMetres[t] = direct[2];
                    }
                }
            }
            for (int t = 0; t < targetCount; t++) {
                if (bestWeight[t] == Double.POSITIVE_INFINITY) {
                    sink.pair(s, t, TravelMatrix.UNREACHABLE, TravelMatrix.UNREACHABLE);
                } else {
                    sink.pair(s, t, (int) Math.round(bestMillis[t] / 1000.0), (int) Math.round(bestMetres[t]));
                }
            }
        }
    }

    /** Targets lying inside an edge (not on a node), by that edge: they can be reached from its other places directly. */
    private static Map<Integer, List<Integer>> targetsByEdge(List<PlaceSpaces> targets) {
        Map<Integer, List<Integer>> byEdge = new HashMap<>();
        for (int t = 0; t < targets.size(); t++) {
            PlaceSpaces target = targets.get(t);
            if (target != null && target.seeds.edge >= 0) {
                byEdge.computeIfAbsent(target.seeds.edge, e -> new ArrayList<>(2)).add(t);
            }
        }
        return byEdge;
    }
}
