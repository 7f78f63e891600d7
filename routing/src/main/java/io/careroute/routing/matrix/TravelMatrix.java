package io.careroute.routing.matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Travel times (whole seconds) and distances (whole metres) between N places for one profile, row-major in
 * primitive arrays (8 bytes a pair). A pair with no route holds {@link #UNREACHABLE}: never zero, never guessed.
 */
public final class TravelMatrix {

    public static final int UNREACHABLE = -1;

    private final int size;
    private final int[] seconds;
    private final int[] metres;

    public TravelMatrix(int size, int[] seconds, int[] metres) {
        if (seconds.length != size * size || metres.length != size * size) {
            throw new IllegalArgumentException("matrix arrays must hold " + size + "x" + size + " entries");
        }
        this.size = size;
        this.seconds = seconds;
        this.metres = metres;
    }

    public int size() {
        return size;
    }

    public int seconds(int from, int to) {
        return seconds[from * size + to];
    }

    public int metres(int from, int to) {
        return metres[from * size + to];
    }

    public boolean reachable(int from, int to) {
        return seconds(from, to) != UNREACHABLE;
    }

    /** Every ordered pair (from, to) with no route, e.g. a home on a road cut off for this profile. */
    public List<int[]> unreachablePairs() {
        List<int[]> pairs = new ArrayList<>();
        for (int from = 0; from < size; from++) {
            for (int to = 0; to < size; to++) {
                if (!reachable(from, to)) {
                    pairs.add(new int[] {from, to});
                }
            }
        }
        return pairs;
    }

    /** Bytes held by the two arrays. */
    public long footprintBytes() {
        return 8L * size * size;
    }
}
