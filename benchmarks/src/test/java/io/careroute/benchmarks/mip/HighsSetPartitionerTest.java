package io.careroute.benchmarks.mip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

/** HiGHS through its C API on small set-partitioning programmes whose answers can be worked out by hand. */
class HighsSetPartitionerTest {

    private final HighsSetPartitioner highs = new HighsSetPartitioner();

    /**
     * Customers 1 to 4. The start, {1,2} and {3,4}, costs 20. {1,3} and {2,4} cost 12, the cheapest partition of two;
     * {1}, {2}, {3}, {4} cost 1 each but need four routes; {1,2,3} with {4} costs 14.
     */
    private static final List<int[]> SETS = List.of(new int[] {1, 2}, new int[] {3, 4}, new int[] {1, 3},
            new int[] {2, 4}, new int[] {1}, new int[] {2}, new int[] {3}, new int[] {4}, new int[] {1, 2, 3});
    private static final long[] COSTS = {10, 10, 6, 6, 1, 1, 1, 1, 13};

    @Test
    void itFindsTheCheapestPartitionWithinTheFleet() {
        assertThat(highs.partition(4, SETS, COSTS, 2, new int[] {0, 1}, Long.MAX_VALUE)).containsExactlyInAnyOrder(2, 3);
        // With room for four routes the singletons win (4 against 12).
        assertThat(highs.partition(4, SETS, COSTS, 4, new int[] {0, 1}, Long.MAX_VALUE))
                .containsExactlyInAnyOrder(4, 5, 6, 7);
    }

    @Test
    void itKeepsTheStartWhenNothingIsCheaperOrTheTimeIsUp() {
        long[] startCheapest = {5, 5, 6, 6, 9, 9, 9, 9, 2};   // {1,2,3} with {4}: 11
        assertThat(highs.partition(4, SETS, startCheapest, 4, new int[] {0, 1}, Long.MAX_VALUE)).containsExactly(0, 1);
        // 10 ms left: too little to build a programme, so the start comes back untouched.
        assertThat(highs.partition(4, SETS, COSTS, 2, new int[] {0, 1}, System.nanoTime() + 10_000_000))
                .containsExactly(0, 1);
    }

    /**
     * A real pool of long routes keeps its deadline: the first 1,200 routes the string removals kept on R2_2_2 (four
     * routes of fifty customers; {@code ./careroute benchmark string-removals --suite R2_2_2 --pool-out}), the best
     * plan's four first. With presolve's probing on, HiGHS took 7.1 s of a 1 s limit on it (21.5 s of 3 s on 2,000 of
     * the pool's routes, 475 s of a 60 s run in the suite); without, 0.3 s. The answer is a partition within the fleet,
     * no costlier than the start.
     */
    @Test
    void aPoolOfLongRoutesIsAnsweredByItsDeadline() throws Exception {
        List<int[]> sets = new ArrayList<>();
        List<Long> costs = new ArrayList<>();
        int fleet;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                HighsSetPartitionerTest.class.getResourceAsStream("/pools/R2_2_2-seed0-1200.pool.gz")),
                StandardCharsets.US_ASCII))) {
            fleet = Integer.parseInt(in.readLine().split(" ")[5]);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] parts = line.split(" ");
                costs.add(Long.parseLong(parts[0]));
                sets.add(Arrays.stream(parts, 1, parts.length).mapToInt(Integer::parseInt).sorted().toArray());
            }
        }
        long[] cost = costs.stream().mapToLong(Long::longValue).toArray();
        int[] start = IntStream.range(0, fleet).toArray();

        long started = System.nanoTime();
        int[] chosen = highs.partition(200, sets, cost, fleet, start, started + TimeUnit.SECONDS.toNanos(1));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(sets).hasSize(1200);
        assertThat(tookMillis).as("milliseconds for a 1 s limit").isLessThan(3_000);
        assertThat(chosen.length).isBetween(1, fleet);
        int[] served = new int[201];
        for (int i : chosen) {
            for (int customer : sets.get(i)) {
                served[customer]++;
            }
        }
        assertThat(Arrays.stream(served, 1, 201)).containsOnly(1);
        assertThat(Arrays.stream(chosen).mapToLong(i -> cost[i]).sum())
                .isLessThanOrEqualTo(Arrays.stream(start).mapToLong(i -> cost[i]).sum());
    }
}
