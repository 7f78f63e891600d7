package io.careroute.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load benchmark with tiny numbers against a real in-process server: more submitters than the queue holds, so
 * some are refused with 429, and every check passes; its JSON report carries the figures. The overlap count is
 * checked on hand-made intervals.
 */
class LoadBenchmarkTest {

    @Test
    void aShortLoadPassesEveryCheckAndWritesItsReport(@TempDir Path out) throws Exception {
        int exit = LoadBenchmark.run("--clients", "6", "--submitters", "4", "--seconds", "4", "--solve-seconds", "1",
                "--queue-size", "1", "--max-retry-wait", "1", "--tasks", "5", "--baseline-seconds", "1", "--out", out.toString());
        JsonNode report = new ObjectMapper().readTree(Files.readAllBytes(out.resolve("load.json")));
        assertThat(report.path("checks").findValuesAsText("name")).contains("overload reached", "no job lost or duplicated",
                "every accepted plan SOLVED", "solves at once within max-jobs", "heap bounded", "429 with Retry-After");
        assertThat(exit).as(report.toPrettyString()).isZero();
        assertThat(report.path("passed").asBoolean()).isTrue();
        assertThat(report.path("accepted").asInt()).isPositive();
        assertThat(report.path("refused429").asLong()).isPositive();
        assertThat(report.path("jobs").path("listTotal").asLong()).isEqualTo(report.path("accepted").asLong());
        assertThat(report.path("jobs").path("maxConcurrentSolves").asInt()).isEqualTo(1);
        assertThat(report.path("reads").path("count").asInt()).isPositive();
        assertThat(report.path("reads").path("p99Ms").asDouble())
                .isGreaterThanOrEqualTo(report.path("reads").path("p50Ms").asDouble());
        assertThat(report.path("requestsPerSecond").asDouble()).isPositive();
        assertThat(report.path("idleReads").path("count").asInt()).isPositive();
        assertThat(report.path("heap").path("maxMb").asDouble()).isPositive();
    }

    /** The checks can fail: with no time to let the queued plans end, "every accepted plan SOLVED" does, exit 3. */
    @Test
    void aPlanNotSolvedFailsTheRun(@TempDir Path out) throws Exception {
        int exit = LoadBenchmark.run("--clients", "3", "--submitters", "3", "--seconds", "2", "--solve-seconds", "5",
                "--drain-seconds", "0", "--baseline-seconds", "1", "--tasks", "5", "--out", out.toString());
        JsonNode report = new ObjectMapper().readTree(Files.readAllBytes(out.resolve("load.json")));
        assertThat(exit).isEqualTo(3);
        assertThat(report.path("passed").asBoolean()).isFalse();
        JsonNode failed = null;
        for (JsonNode check : report.path("checks")) {
            if (!check.path("passed").asBoolean()) {
                assertThat(failed).as("only one check fails: " + check).isNull();
                failed = check;
            }
        }
        assertThat(failed.path("name").asText()).isEqualTo("every accepted plan SOLVED");
        assertThat(report.path("jobs").path("leftUnended").asInt()).isPositive();
    }

    /**
     * The two-organisation scenario, small: the noisy organisation's burst is refused with 429 while the quiet one never
     * is, nobody's job is lost, and the quiet one's re-plans end well within 10 s.
     */
    @Test
    void twoOrganisationsTheQuietOneIsNeverRefused(@TempDir Path out) throws Exception {
        int exit = LoadBenchmark.run("--two-organisations", "--seconds", "8", "--burst-planners", "3",
                "--burst-replanners", "2", "--replan-every", "2", "--solve-seconds", "1", "--replan-seconds", "1",
                "--queue-size", "3", "--max-retry-wait", "1", "--tasks", "5", "--drain-seconds", "60",
                "--out", out.toString());
        JsonNode report = new ObjectMapper().readTree(Files.readAllBytes(out.resolve("fairness.json")));
        assertThat(exit).as(report.toPrettyString()).isZero();
        assertThat(report.path("checks").findValuesAsText("name")).contains("noisy: no job lost or duplicated",
                "quiet: no job lost or duplicated", "quiet: re-plans p95 ≤ 10 s", "429s only for the noisy one");
        assertThat(report.path("noisy").path("refused429").asLong()).isPositive();
        assertThat(report.path("quiet").path("refused429").asLong()).isZero();
        assertThat(report.path("quiet").path("replanLatency").path("count").asInt()).isPositive();
        assertThat(report.path("quiet").path("accepted").asLong()).isPositive();
    }

    @Test
    void badOptionsExitWithTwo() {
        assertThat(LoadBenchmark.run("--clients", "2", "--submitters", "3")).isEqualTo(2);
    }

    @Test
    void overlapCountsSolvesSharingAnInstantOnly() {
        Instant t = Instant.parse("2026-11-24T02:00:00Z");
        List<JobAudit.Interval> oneAfterAnother = List.of(new JobAudit.Interval("a", t, t.plusSeconds(2)),
                new JobAudit.Interval("b", t.plusSeconds(2), t.plusSeconds(4)));
        assertThat(JobAudit.maxOverlap(oneAfterAnother)).isEqualTo(1);
        List<JobAudit.Interval> nested = List.of(new JobAudit.Interval("a", t, t.plusSeconds(10)),
                new JobAudit.Interval("b", t.plusSeconds(1), t.plusSeconds(3)),
                new JobAudit.Interval("c", t.plusSeconds(2), Instant.MAX),
                new JobAudit.Interval("d", t.plusSeconds(11), t.plusSeconds(12)));
        assertThat(JobAudit.maxOverlap(nested)).isEqualTo(3);
    }

    @Test
    void percentilesAreNearestRank() {
        Latencies latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) {
            latencies.add(ms * 1_000_000L);
        }
        Latencies.Summary summary = latencies.summary();
        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50Ms()).isEqualTo(50.0);
        assertThat(summary.p95Ms()).isEqualTo(95.0);
        assertThat(summary.p99Ms()).isEqualTo(99.0);
        assertThat(summary.maxMs()).isEqualTo(100.0);
    }
}
