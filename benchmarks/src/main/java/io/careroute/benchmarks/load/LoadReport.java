package io.careroute.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The load benchmark's figures and verdicts, printed and written as {@code load.json} for scripts. */
record LoadReport(String startedAt, String url, boolean inProcessServer, Settings settings, double elapsedSeconds,
                  long requests, double requestsPerSecond, double readsPerSecond,
                  Latencies.Summary reads, Latencies.Summary idleReads, Double readP50VsIdle, Double readP99VsIdle,
                  Latencies.Summary submissions, Latencies.Summary refusals,
                  Map<String, Long> readStatuses, Map<String, Long> submitStatuses,
                  long submitted, int accepted, long refused429, Jobs jobs, Heap heap,
                  List<Check> checks, List<String> examples, boolean passed) {

    record Settings(int clients, int submitters, int readers, int seconds, long maxRequests, int tasksPerProblem,
                    Integer solveSeconds, Integer maxJobs, Integer queueSize, boolean apiKey) {
    }

    record Jobs(int listed, long listTotal, int missing, int duplicatedInList, long duplicateIdsAccepted,
                int notSolved, int leftUnended, Map<String, Integer> endStatuses, int maxConcurrentSolves) {
    }

    /** Heap of the in-process server's JVM in MB; null figures when the server is elsewhere ({@code --url}). */
    record Heap(Double peakMb, Double afterGcMb, Double maxMb) {
    }

    record Check(String name, boolean passed, String detail) {
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "LOAD %s: %d clients (%d submitting, %d reading) for %.1f s against %s%s%n",
                passed ? "PASS" : "FAIL", settings.clients(), settings.submitters(), settings.readers(), elapsedSeconds,
                url, inProcessServer ? String.format(Locale.ROOT, " (in-process server: solve-seconds=%d, max-jobs=%s, queue-size=%s)",
                        settings.solveSeconds(), settings.maxJobs(), settings.queueSize()) : "");
        out.printf(Locale.ROOT, "  requests %d, %.0f/s (reads %.0f/s)%n", requests, requestsPerSecond, readsPerSecond);
        out.printf(Locale.ROOT, "  reads       n=%d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  statuses %s%n",
                reads.count(), reads.p50Ms(), reads.p95Ms(), reads.p99Ms(), reads.maxMs(), readStatuses);
        out.printf(Locale.ROOT, "  idle reads  n=%d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  (one reader alone after the load;"
                        + " loaded/idle: p50 %.1f×, p99 %.1f×)%n", idleReads.count(), idleReads.p50Ms(), idleReads.p95Ms(),
                idleReads.p99Ms(), idleReads.maxMs(), readP50VsIdle == null ? Double.NaN : readP50VsIdle,
                readP99VsIdle == null ? Double.NaN : readP99VsIdle);
        out.printf(Locale.ROOT, "  submissions n=%d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  statuses %s%n",
                submissions.count(), submissions.p50Ms(), submissions.p95Ms(), submissions.p99Ms(), submissions.maxMs(),
                submitStatuses);
        out.printf(Locale.ROOT, "    of which 429 n=%d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                refusals.count(), refusals.p50Ms(), refusals.p95Ms(), refusals.p99Ms(), refusals.maxMs());
        out.printf(Locale.ROOT, "  plans: %d submitted, %d accepted, %d refused with 429; ended %s; at most %d solving at once%n",
                submitted, accepted, refused429, jobs.endStatuses(), jobs.maxConcurrentSolves());
        out.printf(Locale.ROOT, "  list: %d listed (total %d), %d accepted plans missing, %d listed twice%n",
                jobs.listed(), jobs.listTotal(), jobs.missing(), jobs.duplicatedInList());
        if (heap.maxMb() != null) {
            out.printf(Locale.ROOT, "  heap: peak %.0f MB, %.0f MB after GC at the end, max (-Xmx) %.0f MB%n",
                    heap.peakMb(), heap.afterGcMb(), heap.maxMb());
        }
        for (Check check : checks) {
            out.printf("  %s %s: %s%n", check.passed() ? "ok  " : "FAIL", check.name(), check.detail());
        }
        for (String example : examples) {
            out.println("    e.g. " + example);
        }
    }
}
