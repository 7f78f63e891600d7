package io.careroute.routing.matrix;

import java.util.Arrays;

/**
 * One place's known pairs as an origin: destination point key to seconds and metres packed in a long. An immutable
 * open-addressing map of primitive longs (about 32 bytes a pair), replaced whole when pairs are added.
 */
final class KnownRow {

    static final long ABSENT = Long.MIN_VALUE;
    /** No point key has latitude Integer.MIN_VALUE * 1e-7 degrees, so it can mark a free slot. */
    private static final long FREE = Long.MIN_VALUE;

    static final KnownRow EMPTY = new KnownRow(new long[0], new long[0], 0);

    private final long[] keys;
    private final long[] values;
    private final int size;

    private KnownRow(long[] keys, long[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    static long pack(int seconds, int metres) {
        return ((long) seconds << 32) | (metres & 0xFFFFFFFFL);
    }

    static int seconds(long packed) {
        return (int) (packed >> 32);
    }

    static int metres(long packed) {
        return (int) packed;
    }

    int size() {
        return size;
    }

    /** The packed pair for this destination, or {@link #ABSENT}. */
    long get(long key) {
        if (size == 0) {
            return ABSENT;
        }
        int mask = keys.length - 1;
        for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return values[slot];
            }
            if (keys[slot] == FREE) {
                return ABSENT;
            }
        }
    }

    /** A copy holding these pairs too (a key already present takes the new value). */
    KnownRow with(long[] addKeys, long[] addValues, int count) {
        int capacity = Integer.highestOneBit(Math.max(4, (size + count) * 2 - 1)) << 1;
        long[] k = new long[capacity];
        long[] v = new long[capacity];
        Arrays.fill(k, FREE);
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != FREE) {
                n += put(k, v, keys[i], values[i]);
            }
        }
        for (int i = 0; i < count; i++) {
            n += put(k, v, addKeys[i], addValues[i]);
        }
        return new KnownRow(k, v, n);
    }

    private static int put(long[] k, long[] v, long key, long value) {
        int mask = k.length - 1;
        for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
            if (k[slot] == FREE) {
                k[slot] = key;
                v[slot] = value;
                return 1;
            }
            if (k[slot] == key) {
                v[slot] = value;
                return 0;
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    int footprintBytes() {
        return 48 + 16 * keys.length;
    }
}
