package io.careroute.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code careroute benchmark load}: many clients at once against a real server on loopback — submitters posting
 * small problems and polling them, readers reading plans and the list — bounded in time (and optionally in
 * requests). Then it checks that nothing was lost or duplicated and that overload was refused cleanly, and reports
 * requests per second, latencies, statuses, solves at once and heap. Exit 0 when every check passes, 3 when one
 * fails, 2 on bad options, 1 when it could not run.
 *
 * <pre>
 * ./careroute benchmark load --clients 32 --seconds 60
 * ./careroute benchmark load --url http://127.0.0.1:8080 --api-key KEY --clients 8 --seconds 20
 * </pre>
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Load test of the REST API on loopback: requests/s, latencies, 429s, jobs lost or duplicated.",
                "REST 接口负载测试（本机回环）：吞吐、延迟、429、任务无丢失无重复。"})
public class LoadBenchmark implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URL",
            description = "the server to load (default: start one in this JVM on a random port and a fresh data directory)")
    String url;

    @Option(names = "--api-key", paramLabel = "KEY", description = "sent as 'Authorization: Bearer KEY' on every request")
    String apiKey;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "32", description = "clients at once (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--submitters", paramLabel = "N",
            description = "how many of the clients post problems (default: half); the others only read")
    Integer submitters;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "60", description = "length of the load (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--max-requests", paramLabel = "N", defaultValue = "0",
            description = "stop the load after this many requests; 0: no limit (default: ${DEFAULT-VALUE})")
    long maxRequests;

    @Option(names = "--tasks", paramLabel = "N", defaultValue = "8",
            description = "tasks in each posted problem, cut from the demo street (default: ${DEFAULT-VALUE})")
    int tasks;

    @Option(names = "--solve-seconds", paramLabel = "S", defaultValue = "2",
            description = "in-process server: time limit of each solve (default: ${DEFAULT-VALUE})")
    int solveSeconds;

    @Option(names = "--max-jobs", paramLabel = "N", description = "in-process server: solves at once (default: the server's, 1)")
    Integer maxJobs;

    @Option(names = "--queue-size", paramLabel = "N", description = "in-process server: solves waiting (default: the server's, 10)")
    Integer queueSize;

    @Option(names = "--max-retry-wait", paramLabel = "S", defaultValue = "2",
            description = "a refused submitter waits the Retry-After, at most this long (default: ${DEFAULT-VALUE})")
    int maxRetryWait;

    @Option(names = "--drain-seconds", paramLabel = "S", defaultValue = "180",
            description = "after the load, how long to wait for the accepted plans to end (default: ${DEFAULT-VALUE})")
    int drainSeconds;

    @Option(names = "--baseline-seconds", paramLabel = "S", defaultValue = "5",
            description = "after the load, one reader alone for this long: the same run's baseline latency (default: ${DEFAULT-VALUE})")
    int baselineSeconds;

    @Option(names = "--two-organisations",
            description = "the fairness scenario instead (in-process server only): two organisations at twice the "
                    + "expected load, the noisy one with a burst on top; writes fairness.json")
    boolean twoOrganisations;

    @Option(names = "--burst-planners", paramLabel = "N", defaultValue = "12",
            description = "--two-organisations: the noisy one's extra planners, back to back (default: ${DEFAULT-VALUE})")
    int burstPlanners;

    @Option(names = "--burst-replanners", paramLabel = "N", defaultValue = "4",
            description = "--two-organisations: the noisy one's extra re-planners, back to back (default: ${DEFAULT-VALUE})")
    int burstReplanners;

    @Option(names = "--replan-every", paramLabel = "S", defaultValue = "10",
            description = "--two-organisations: each organisation's dispatcher re-plans every S seconds, twice the "
                    + "expected one every 2×S (default: ${DEFAULT-VALUE})")
    int replanEvery;

    @Option(names = "--replan-seconds", paramLabel = "S",
            description = "in-process server: time limit of a re-plan (default: the server's, 5)")
    Integer replanSeconds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/bench/load",
            description = "where load.json is written (default: ${DEFAULT-VALUE})")
    Path out;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new LoadBenchmark());
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                line.getErr().println("careroute benchmark load: " + e.getMessage());
                return 2;
            }
            line.getErr().println("careroute benchmark load: could not run: " + e);
            e.printStackTrace(line.getErr());
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        int submitting = submitters != null ? submitters : Math.max(1, clients / 2);
        if (clients < 1 || submitting < 1 || submitting > clients || seconds < 1 || solveSeconds < 1) {
            throw new IllegalArgumentException("--clients, --submitters, --seconds and --solve-seconds: at least 1, "
                    + "and no more submitters than clients");
        }
        if (url == null && apiKey == null) {
            // The in-process server has no users: it gets a one-time ADMIN key of its own (a fresh database each run).
            apiKey = "cr_load-" + java.util.UUID.randomUUID();
        }
        if (twoOrganisations) {
            return twoOrganisations();
        }
        LoadServer server = url == null ? LoadServer.start(serverSettings()) : null;
        try {
            LoadReport report = load(server == null ? url : server.url(), server, submitting);
            report.print(System.out);
            Path file = out.resolve("load.json");
            report.write(file);
            System.out.println("  report: " + file.toAbsolutePath());
            return report.passed() ? 0 : 3;
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private int twoOrganisations() throws Exception {
        if (url != null || burstPlanners < 0 || burstReplanners < 0 || replanEvery < 1) {
            throw new IllegalArgumentException("--two-organisations: an in-process server only (no --url); "
                    + "--burst-planners and --burst-replanners 0 or more, --replan-every at least 1");
        }
        try (LoadServer server = LoadServer.start(serverSettings())) {
            TwoOrganisationsLoad.Report report = new TwoOrganisationsLoad(new TwoOrganisationsLoad.Settings(seconds,
                    burstPlanners, burstReplanners, Duration.ofSeconds(replanEvery), tasks,
                    Duration.ofSeconds(maxRetryWait), drainSeconds)).run(server, apiKey);
            TwoOrganisationsLoad.print(report, System.out);
            Path file = out.resolve("fairness.json");
            TwoOrganisationsLoad.write(report, file);
            System.out.println("  report: " + file.toAbsolutePath());
            return report.passed() ? 0 : 3;
        }
    }

    private List<String> serverSettings() {
        List<String> settings = new ArrayList<>();
        settings.add("careroute.solve-seconds=" + solveSeconds);
        // The server logs every refusal at INFO: hundreds of lines a second under overload would drown the report.
        settings.add("logging.level.root=WARN");
        settings.add("careroute.bootstrap.api-key=" + apiKey);
        settings.add("careroute.bootstrap.organisation=load");
        // A production server needs its keys (issue 19.2); fresh ones for each run's fresh database.
        settings.add("careroute.privacy.data-key=load:" + randomKey());
        settings.add("careroute.privacy.pseudonym-key=" + randomKey());
        if (maxJobs != null) {
            settings.add("careroute.max-jobs=" + maxJobs);
        }
        if (queueSize != null) {
            settings.add("careroute.queue-size=" + queueSize);
        }
        if (replanSeconds != null) {
            settings.add("careroute.replan-seconds=" + replanSeconds);
        }
        return settings;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private LoadReport load(String target, LoadServer server, int submitting) throws Exception {
        String startedAt = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).toString();
        LoadHttp http = new LoadHttp(target, apiKey, Duration.ofSeconds(60));
        LoadHttp.Reply demo = http.get("/api/v1/demo/problem");
        if (demo.status() != 200) {
            throw new IllegalStateException("GET /api/v1/demo/problem answered " + demo.status()
                    + (demo.status() == 401 || demo.status() == 403 ? " (give --api-key)" : ""));
        }
        SmallProblems problems = new SmallProblems(demo.body(), tasks);
        LoadRecorder recorder = new LoadRecorder();
        LoadClients load = new LoadClients(http, recorder, problems, Duration.ofSeconds(maxRetryWait), maxRequests);
        System.out.printf("load: %d clients for %d s against %s...%n", clients, seconds, target);
        double elapsed = load.run(submitting, clients - submitting, Duration.ofSeconds(seconds)) / 1e9;

        List<String> accepted = load.accepted();
        JobAudit audit = new JobAudit(http, recorder);
        Set<String> unended = audit.drain(accepted.stream().filter(id -> !load.seenEnded(id)).toList(),
                Duration.ofSeconds(drainSeconds));
        JobAudit.Result jobs = audit.check(accepted);
        LoadRecorder idle = new LoadRecorder();
        new LoadClients(http, idle, problems, Duration.ofSeconds(maxRetryWait), 0)
                .baseline(accepted, Duration.ofSeconds(baselineSeconds));
        Latencies.Summary idleReads = idle.latency(LoadRecorder.Kind.READ);

        LoadReport.Heap heap = server == null ? new LoadReport.Heap(null, null, null)
                : new LoadReport.Heap(mb(server.peakHeapBytes()), mb(server.heapAfterGcBytes()), mb(LoadServer.maxHeapBytes()));
        long requests = recorder.total();
        Latencies.Summary reads = recorder.latency(LoadRecorder.Kind.READ);
        Integer jobsAtOnce = server == null ? maxJobs : (maxJobs != null ? maxJobs : 1);
        Integer queue = server == null ? queueSize : (queueSize != null ? queueSize : 10);

        List<LoadReport.Check> checks = new ArrayList<>();
        checks.add(check("plans accepted", !accepted.isEmpty(), accepted.size() + " plans accepted (202)"));
        checks.add(check("no server error", recorder.serverErrors() == 0, recorder.serverErrors() + " answers 5xx"));
        checks.add(check("every request answered", recorder.count(0) == 0, recorder.count(0) + " without an answer"));
        long unexpected = requests - recorder.count(200) - recorder.count(202) - recorder.count(429);
        checks.add(check("only 200, 202 and 429", unexpected == 0, unexpected + " other answers"));
        checks.add(check("429 with Retry-After", recorder.tooManyWithoutRetryAfter() == 0 && recorder.tooManyNotProblemJson() == 0,
                recorder.count(429) + " answers 429; " + recorder.tooManyWithoutRetryAfter() + " without Retry-After, "
                        + recorder.tooManyNotProblemJson() + " not problem+json"));
        if (jobsAtOnce != null && queue != null && submitting > jobsAtOnce + queue) {
            checks.add(check("overload reached", recorder.count(429) > 0, submitting + " submitters for "
                    + (jobsAtOnce + queue) + " places (max-jobs + queue-size): " + recorder.count(429) + " refused with 429"));
        }
        checks.add(check("no job lost or duplicated", jobs.missing() == 0 && jobs.duplicated() == 0 && load.duplicateIds() == 0
                        && (server == null || jobs.listTotal() == accepted.size()),
                jobs.missing() + " accepted plans missing from the list, " + jobs.duplicated() + " listed twice, "
                        + load.duplicateIds() + " ids given twice" + (server == null ? ""
                        : "; the list holds " + jobs.listTotal() + " plans for " + accepted.size() + " accepted")));
        checks.add(check("every accepted plan SOLVED", jobs.notSolved() == 0 && unended.isEmpty(),
                "ended " + jobs.statuses() + (unended.isEmpty() ? "" : "; " + unended.size() + " still not ended after "
                        + drainSeconds + " s")));
        if (jobsAtOnce != null) {
            checks.add(check("solves at once within max-jobs", jobs.maxConcurrentSolves() <= jobsAtOnce
                            && (accepted.isEmpty() || jobs.maxConcurrentSolves() >= 1),
                    jobs.maxConcurrentSolves() + " at most, max-jobs " + jobsAtOnce));
        }
        if (server != null) {
            checks.add(check("heap bounded", heap.peakMb() < heap.maxMb() && heap.afterGcMb() < 0.75 * heap.maxMb(),
                    String.format(java.util.Locale.ROOT, "peak %.0f MB, %.0f MB after GC, of %.0f MB", heap.peakMb(),
                            heap.afterGcMb(), heap.maxMb())));
        }
        boolean passed = checks.stream().allMatch(LoadReport.Check::passed);
        return new LoadReport(startedAt, target, server != null,
                new LoadReport.Settings(clients, submitting, clients - submitting, seconds, maxRequests, tasks,
                        server == null ? null : solveSeconds, jobsAtOnce, queue, apiKey != null),
                elapsed, requests, requests / elapsed, reads.count() / elapsed, reads, idleReads,
                idleReads.p50Ms() > 0 ? reads.p50Ms() / idleReads.p50Ms() : null,
                idleReads.p99Ms() > 0 ? reads.p99Ms() / idleReads.p99Ms() : null,
                recorder.latency(LoadRecorder.Kind.SUBMIT), recorder.refusals(), recorder.statuses(LoadRecorder.Kind.READ),
                recorder.statuses(LoadRecorder.Kind.SUBMIT), load.submissions(), accepted.size(), recorder.count(429),
                new LoadReport.Jobs(jobs.listed(), jobs.listTotal(), jobs.missing(), jobs.duplicated(), load.duplicateIds(),
                        jobs.notSolved(), unended.size(), jobs.statuses(), jobs.maxConcurrentSolves()),
                heap, checks, recorder.examples(), passed);
    }

    private static LoadReport.Check check(String name, boolean passed, String detail) {
        return new LoadReport.Check(name, passed, detail);
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
