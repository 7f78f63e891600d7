package io.careroute.benchmarks.mip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
}
