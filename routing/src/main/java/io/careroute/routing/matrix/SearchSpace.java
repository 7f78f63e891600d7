package io.careroute.routing.matrix;

/**
 * The nodes one upward search settled, with the weight, milliseconds and metres of the best way between the place and
 * each (from the place for a forward search, to it for a backward one). In contraction-hierarchy terms the place's
 * search space: a shortest path between two places meets in a node both spaces hold. Primitive arrays, 24 bytes a node.
 */
final class SearchSpace {

    final int[] nodes;
    final double[] weight;
    final int[] millis;
    final double[] metres;

    SearchSpace(int[] nodes, double[] weight, int[] millis, double[] metres) {
        this.nodes = nodes;
        this.weight = weight;
        this.millis = millis;
        this.metres = metres;
    }

    int size() {
        return nodes.length;
    }

    int footprintBytes() {
        return 64 + 24 * nodes.length;
    }
}
