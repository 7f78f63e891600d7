package io.careroute.benchmarks.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a reader needs to reproduce or compare a report: the code (git commit, and whether the work tree had
 * uncommitted changes), the machine and JVM, the budget, the seeds and the command.
 *
 * @param commit       {@code git rev-parse HEAD}, or "unknown" outside a git work tree
 * @param dirty        the work tree had uncommitted changes to tracked files: the commit alone does not say what ran
 * @param reproducible a step budget: the same command on the same commit gives the same routes and scores
 * @param runsAtOnce   runs that solved at the same time ({@code --jobs}); 1 (or 0, in a report written before it was
 *                     kept): one after another
 */
public record RunEnvironment(String suite, String commandLine, String commit, boolean dirty, String startedAt,
                             String javaVersion, String javaVm, int cores, long maxHeapMb, String os,
                             String budget, boolean reproducible, String environmentMode, String solverThreads,
                             List<Long> seeds, String checker, int runsAtOnce) {

    public static RunEnvironment capture(Path repository, String suite, String commandLine, Budget budget, List<Long> seeds,
                                         String checker) {
        return capture(repository, suite, commandLine, budget, seeds, checker, 1);
    }

    /** @param runsAtOnce runs solving at the same time ({@code --jobs}), each with one solver thread */
    public static RunEnvironment capture(Path repository, String suite, String commandLine, Budget budget, List<Long> seeds,
                                         String checker, int runsAtOnce) {
        String commit = git(repository, "rev-parse", "HEAD");
        String status = git(repository, "status", "--porcelain", "--untracked-files=no");
        Runtime runtime = Runtime.getRuntime();
        return new RunEnvironment(suite, commandLine, commit == null ? "unknown" : commit, status != null && !status.isBlank(),
                OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.SECONDS).toString(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vendor") + ")",
                runtime.availableProcessors(), runtime.maxMemory() >> 20,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                budget.describe(), budget.reproducible(), "REPRODUCIBLE",
                runsAtOnce == 1 ? "1 (move thread count NONE)"
                        : "1 per run (move thread count NONE), " + runsAtOnce + " runs at once on " + runtime.availableProcessors() + " cores", List.copyOf(seeds),
                checker == null ? "not run (python3 or ../shared/tools/vrptw_check.py not found, or --no-check)" : checker,
                runsAtOnce);
    }

    /** Whether runs solved at the same time, sharing the machine. */
    public boolean sharedMachine() {
        return runsAtOnce > 1;
    }

    public String shortCommit() {
        return commit.length() > 10 ? commit.substring(0, 10) : commit;
    }

    private static String git(Path repository, String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repository.toString()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
