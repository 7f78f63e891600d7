package io.careroute.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The week's scale benchmark at a tenth of the street over 3 days, a few seconds: it runs, its checks by code pass
 * with the targets it can meet, and a target it cannot meet fails the run with exit 3.
 */
class WeekScaleBenchmarkTest {

    record Run(int exit, String out) {
    }

    static Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = WeekScaleBenchmark.run(args);
            return new Run(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
            System.out.print(captured.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aSmallWeekRunsAndPassesTheTargetsItCanMeet() {
        Run run = run("--size", "small", "--days", "3", "--seconds", "5", "--target-planned", "0",
                "--target-continuity", "0");
        assertThat(run.out()).contains("REGISTER elders=40", "MODEL days=3", "PASS no hard violation",
                "PASS every date's plan verified", "CARE owed=", "CONTINUITY elders=", "HEAP peakSampledMB=",
                "RESULT PASS");
        assertThat(run.exit()).as(run.out()).isZero();
    }

    @Test
    void aTargetMissedFailsTheRun() {
        Run run = run("--size", "small", "--days", "2", "--seconds", "3", "--target-seconds", "0.001");
        assertThat(run.out()).contains("FAIL wall time", "RESULT FAIL");
        assertThat(run.exit()).isEqualTo(3);
    }

    @Test
    void theKitchenWeekRunsSmall() {
        Run run = run("--kitchen", "--size", "small", "--days", "2", "--seconds", "5");
        assertThat(run.out()).contains("MEALS owed=", "PASS no hard violation").doesNotContain("CARE owed=");
        assertThat(run.exit()).as(run.out()).isZero();
    }

    @Test
    void badOptionsExitWithTwo() {
        assertThat(WeekScaleBenchmark.run("--days", "15")).isEqualTo(2);
        assertThat(WeekScaleBenchmark.run("--size", "huge")).isEqualTo(2);
    }
}
