package io.careroute.benchmarks.load;

import java.util.Arrays;

/** Request latencies of one kind, in nanoseconds; percentiles by nearest rank on the sorted samples. */
final class Latencies {

    private long[] samples = new long[1024];
    private int count;

    synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    synchronized void addAll(Latencies other) {
        long[] theirs;
        int n;
        synchronized (other) {
            theirs = other.samples;
            n = other.count;
        }
        for (int i = 0; i < n; i++) {
            add(theirs[i]);
        }
    }

    /** Count and p50, p95, p99, max in milliseconds. */
    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return new Summary(count, millis(sorted, 0.50), millis(sorted, 0.95), millis(sorted, 0.99),
                count == 0 ? 0 : sorted[count - 1] / 1e6);
    }

    record Summary(int count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
    }

    /** Nearest rank: the smallest sample with at least {@code q} of all samples at or below it. */
    static double millis(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }
}
