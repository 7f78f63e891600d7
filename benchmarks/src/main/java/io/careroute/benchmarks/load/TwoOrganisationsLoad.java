package io.careroute.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.careroute.api.access.ApiKeys;
import io.careroute.api.store.AccessStore;
import io.careroute.api.store.Role;

/**
 * Two organisations on one in-process server (issue 19: fairness under load). Each organisation's expected load is
 * one dispatcher planning days back to back and re-planning the published day every {@code 2 × replanEvery}; both
 * run at twice that (two planners, a re-plan every {@code replanEvery}). The noisy one adds a burst on top: many more
 * planners and re-planners, all back to back. Passes when no job of either is lost or duplicated, the quiet
 * organisation's re-plans end (request to SOLVED) within {@code 10 s} at the 95th percentile, and only the noisy one
 * is refused with 429.
 */
final class TwoOrganisationsLoad {

    private static final Duration POLL = Duration.ofMillis(100);
    static final double REPLAN_P95_TARGET_MS = 10_000;

    record Settings(int seconds, int burstPlanners, int burstReplanners, Duration replanEvery, int tasks,
                    Duration maxRetryWait, int drainSeconds) {
    }

    /** What one organisation did and got. */
    static final class Side {
        final String name;
        final LoadHttp http;
        final SmallProblems problems;
        final LoadRecorder recorder = new LoadRecorder();
        final Latencies replans = new Latencies();
        final Set<String> accepted = ConcurrentHashMap.newKeySet();
        final AtomicLong duplicateIds = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong replansAsked = new AtomicLong();
        String published;
        String day;
        String worker;

        Side(String name, LoadHttp http, SmallProblems problems) {
            this.name = name;
            this.http = http;
            this.problems = problems;
        }
    }

    record SideReport(String organisation, long accepted, long refused429, Map<String, Long> submitStatuses,
                      long replansAsked, Latencies.Summary replanLatency, int missing, int duplicated, int notSolved,
                      long listTotal, Map<String, Integer> statuses) {
    }

    record Report(String startedAt, Settings settings, SideReport noisy, SideReport quiet,
                  List<LoadReport.Check> checks, List<String> examples, boolean passed) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Settings settings;
    private volatile long deadline;

    TwoOrganisationsLoad(Settings settings) {
        this.settings = settings;
    }

    Report run(LoadServer server, String noisyKey) throws Exception {
        String startedAt = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).toString();
        String quietId = server.bean(AccessStore.class).organisationNamedOrNew("quiet street").id();
        String quietKey = server.bean(ApiKeys.class).create(quietId, "load quiet admin", Role.ADMIN, null).secret();
        Side noisy = side("noisy", server.url(), noisyKey);
        Side quiet = side("quiet", server.url(), quietKey);
        for (Side side : List.of(noisy, quiet)) {
            publishADay(side);
        }

        List<Thread> threads = new ArrayList<>();
        // Twice the expected load, each: two planners and a re-plan every replanEvery.
        for (Side side : List.of(noisy, quiet)) {
            for (int i = 0; i < 2; i++) {
                threads.add(new Thread(() -> planner(side), side.name + "-planner-" + i));
            }
            threads.add(new Thread(() -> replanner(side, settings.replanEvery()), side.name + "-replanner"));
        }
        // The noisy organisation's burst on top.
        for (int i = 0; i < settings.burstPlanners(); i++) {
            threads.add(new Thread(() -> planner(noisy), "noisy-burst-planner-" + i));
        }
        for (int i = 0; i < settings.burstReplanners(); i++) {
            threads.add(new Thread(() -> replanner(noisy, Duration.ZERO), "noisy-burst-replanner-" + i));
        }
        System.out.printf("load: two organisations for %d s: each 2 planners and a re-plan every %d s; the noisy one "
                        + "%d more planners and %d re-planners back to back...%n", settings.seconds(),
                settings.replanEvery().toSeconds(), settings.burstPlanners(), settings.burstReplanners());
        deadline = System.nanoTime() + Duration.ofSeconds(settings.seconds()).toNanos();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        SideReport noisyReport = audit(noisy);
        SideReport quietReport = audit(quiet);
        List<LoadReport.Check> checks = new ArrayList<>();
        for (SideReport side : List.of(noisyReport, quietReport)) {
            checks.add(new LoadReport.Check(side.organisation() + ": no job lost or duplicated",
                    side.missing() == 0 && side.duplicated() == 0 && side.listTotal() == side.accepted() + 1,
                    side.missing() + " accepted jobs missing from its list, " + side.duplicated() + " listed twice; "
                            + "its list holds " + side.listTotal() + " plans for " + side.accepted()
                            + " accepted and its published day"));
            checks.add(new LoadReport.Check(side.organisation() + ": every accepted job SOLVED", side.notSolved() == 0,
                    "ended " + side.statuses()));
            long errors = side.submitStatuses().entrySet().stream()
                    .filter(e -> !e.getKey().equals("202") && !e.getKey().equals("429"))
                    .mapToLong(Map.Entry::getValue).sum();
            checks.add(new LoadReport.Check(side.organisation() + ": only 202 and 429 to submissions", errors == 0,
                    "answers " + side.submitStatuses()));
        }
        checks.add(new LoadReport.Check("quiet: re-plans p95 ≤ 10 s",
                quietReport.replanLatency().count() > 0 && quietReport.replanLatency().p95Ms() <= REPLAN_P95_TARGET_MS,
                String.format(java.util.Locale.ROOT, "%d re-plans, p50 %.0f ms, p95 %.0f ms, max %.0f ms",
                        quietReport.replanLatency().count(), quietReport.replanLatency().p50Ms(),
                        quietReport.replanLatency().p95Ms(), quietReport.replanLatency().maxMs())));
        checks.add(new LoadReport.Check("429s only for the noisy one",
                quietReport.refused429() == 0 && noisyReport.refused429() > 0,
                "noisy " + noisyReport.refused429() + ", quiet " + quietReport.refused429()));
        List<String> examples = new ArrayList<>(noisy.recorder.examples());
        examples.addAll(quiet.recorder.examples());
        return new Report(startedAt, settings, noisyReport, quietReport, checks, examples,
                checks.stream().allMatch(LoadReport.Check::passed));
    }

    private Side side(String name, String url, String key) {
        LoadHttp http = new LoadHttp(url, key, Duration.ofSeconds(60));
        LoadHttp.Reply demo = http.get("/api/v1/demo/problem");
        if (demo.status() != 200) {
            throw new IllegalStateException("GET /api/v1/demo/problem answered " + demo.status());
        }
        return new Side(name, http, new SmallProblems(demo.body(), settings.tasks()));
    }

    /** A day planned, waited for and published: what the organisation's re-plans re-plan. */
    private void publishADay(Side side) throws InterruptedException {
        byte[] problem = side.problems.problem(0);
        LoadHttp.Reply submitted = side.http.postJson("/api/v1/plans", problem);
        String id = submitted.status() == 202 ? field(submitted.body(), "id") : null;
        if (id == null) {
            throw new IllegalStateException(side.name + ": the day to publish was answered " + submitted.status());
        }
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!ended(side, id) && System.nanoTime() < until) {
            Thread.sleep(POLL.toMillis());
        }
        LoadHttp.Reply published = side.http.postJson("/api/v1/plans/" + id + "/publish", new byte[0]);
        if (published.status() != 200) {
            throw new IllegalStateException(side.name + ": publishing its day was answered " + published.status());
        }
        JsonNode document = tree(problem);
        side.published = id;
        side.day = document.path("date").asText();
        side.worker = document.path("workers").get(0).path("id").asText();
    }

    private void planner(Side side) {
        long n = 1;
        while (!over()) {
            LoadHttp.Reply reply = side.http.postJson("/api/v1/plans", side.problems.problem(n++));
            if (accepted(side, "POST /api/v1/plans", reply) != null) {
                follow(side, field(reply.body(), "id"));
            }
        }
    }

    /** Re-plans the published day (its first worker away from noon), waits for it, then pauses {@code every}. */
    private void replanner(Side side, Duration every) {
        byte[] events = ("{\"at\": \"" + side.day + "T12:00:00+08:00\", \"events\": [{\"type\": \"WORKER_UNAVAILABLE\","
                + " \"workerId\": \"" + side.worker + "\", \"from\": \"" + side.day + "T12:00:00+08:00\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        while (!over()) {
            long asked = System.nanoTime();
            side.replansAsked.incrementAndGet();
            LoadHttp.Reply reply = side.http.postJson("/api/v1/plans/" + side.published + "/events", events);
            String id = accepted(side, "POST /api/v1/plans/{id}/events", reply);
            if (id != null && follow(side, id)) {
                side.replans.add(System.nanoTime() - asked);
            }
            pause(every);
        }
    }

    /** Records a submission's answer; the new job's id when accepted. */
    private String accepted(Side side, String what, LoadHttp.Reply reply) {
        side.recorder.record(LoadRecorder.Kind.SUBMIT, what, reply, 202);
        if (reply.status() == 202) {
            String id = field(reply.body(), "id");
            if (id != null && !side.accepted.add(id)) {
                side.duplicateIds.incrementAndGet();
            }
            return id;
        }
        if (reply.status() == 429) {
            side.refused.incrementAndGet();
            long seconds = reply.retryAfterSeconds().orElse(1);
            Duration wait = Duration.ofSeconds(seconds);
            pause(wait.compareTo(settings.maxRetryWait()) < 0 ? wait : settings.maxRetryWait());
        } else {
            pause(POLL);
        }
        return null;
    }

    /** Polls until the job ends (true) or the load is over and its drain time spent (false). */
    private boolean follow(Side side, String id) {
        long until = deadline + Duration.ofSeconds(settings.drainSeconds()).toNanos();
        while (System.nanoTime() < until) {
            if (ended(side, id)) {
                return true;
            }
            pause(POLL);
        }
        return false;
    }

    private boolean ended(Side side, String id) {
        LoadHttp.Reply reply = side.http.get("/api/v1/plans/" + id + "/progress");
        String status = reply.status() == 200 ? field(reply.body(), "status") : null;
        return status != null && !status.equals("QUEUED") && !status.equals("SOLVING");
    }

    private SideReport audit(Side side) throws InterruptedException {
        JobAudit audit = new JobAudit(side.http, side.recorder);
        List<String> accepted = List.copyOf(side.accepted);
        audit.drain(accepted, Duration.ofSeconds(settings.drainSeconds()));
        JobAudit.Result jobs = audit.check(accepted);
        Map<String, Long> statuses = new TreeMap<>();
        side.recorder.statuses(LoadRecorder.Kind.SUBMIT).forEach((k, v) -> statuses.put(String.valueOf(k), v));
        return new SideReport(side.name, accepted.size(), side.refused.get(), statuses, side.replansAsked.get(),
                side.replans.summary(), jobs.missing(), jobs.duplicated() + (int) side.duplicateIds.get(),
                jobs.notSolved(), jobs.listTotal(), jobs.statuses());
    }

    static void print(Report report, PrintStream out) {
        for (SideReport side : List.of(report.noisy(), report.quiet())) {
            out.printf(java.util.Locale.ROOT, "  %-6s accepted %d, refused with 429 %d, re-plans %d: p50 %.0f ms, "
                            + "p95 %.0f ms, max %.0f ms%n", side.organisation(), side.accepted(), side.refused429(),
                    side.replanLatency().count(), side.replanLatency().p50Ms(), side.replanLatency().p95Ms(),
                    side.replanLatency().maxMs());
        }
        for (LoadReport.Check check : report.checks()) {
            out.printf("  %s %s: %s%n", check.passed() ? "ok  " : "FAIL", check.name(), check.detail());
        }
    }

    static void write(Report report, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
    }

    private boolean over() {
        return System.nanoTime() >= deadline;
    }

    private String field(byte[] body, String name) {
        JsonNode value = tree(body).get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private JsonNode tree(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
