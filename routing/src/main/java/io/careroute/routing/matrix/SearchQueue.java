package io.careroute.routing.matrix;

import java.util.Arrays;

/**
 * A binary min-heap of (weight, node) with double weights. A node is pushed again when its weight improves and the
 * stale entry is skipped when polled: cheaper than a decrease-key index for the few hundred nodes of an upward search,
 * and exact, unlike GraphHopper's float-keyed heaps.
 */
final class SearchQueue {

    private double[] keys = new double[64];
    private int[] nodes = new int[64];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }

    void push(int node, double key) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            nodes = Arrays.copyOf(nodes, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            keys[i] = keys[parent];
            nodes[i] = nodes[parent];
            i = parent;
        }
        keys[i] = key;
        nodes[i] = node;
    }

    /** The weight of the smallest entry. */
    double peekKey() {
        return keys[0];
    }

    /** Removes the smallest entry and returns its node. */
    int poll() {
        int top = nodes[0];
        size--;
        if (size > 0) {
            double key = keys[size];
            int node = nodes[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (keys[child] >= key) {
                    break;
                }
                keys[i] = keys[child];
                nodes[i] = nodes[child];
                i = child;
            }
            keys[i] = key;
            nodes[i] = node;
        }
        return top;
    }
}
