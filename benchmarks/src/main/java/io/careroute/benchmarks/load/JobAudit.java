package io.careroute.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * After the load: waits for every accepted plan to end, then reads what the server says about them. Every accepted
 * plan must be in the paginated list exactly once and end SOLVED, and no plan may appear twice; the plans'
 * started/finished times give how many solves ran at once.
 */
final class JobAudit {

    /** A plan's solve, as the server reports it. */
    record Interval(String id, Instant started, Instant finished) {
    }

    record Result(int listed, long listTotal, int missing, int duplicated, int notSolved, Map<String, Integer> statuses,
                  int maxConcurrentSolves, int stillRunning, List<Interval> intervals) {
    }

    private final LoadHttp http;
    private final LoadRecorder recorder;
    private final ObjectMapper json = new ObjectMapper();

    JobAudit(LoadHttp http, LoadRecorder recorder) {
        this.http = http;
        this.recorder = recorder;
    }

    /** Polls the accepted plans not yet seen ended until they all have or {@code limit} is over; answers those left. */
    Set<String> drain(Collection<String> accepted, Duration limit) throws InterruptedException {
        Set<String> open = new LinkedHashSet<>(accepted);
        long deadline = System.nanoTime() + limit.toNanos();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            open.removeIf(id -> {
                JsonNode progress = read("/api/v1/plans/" + id + "/progress");
                String status = progress == null ? "" : progress.path("status").asText();
                return !status.isEmpty() && !status.equals("QUEUED") && !status.equals("SOLVING");
            });
            if (!open.isEmpty()) {
                Thread.sleep(500);
            }
        }
        return open;
    }

    Result check(List<String> accepted) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> status = new HashMap<>();
        long total = -1;
        int listed = 0;
        for (int page = 0; ; page++) {
            JsonNode body = read("/api/v1/plans?page=" + page + "&size=100");
            if (body == null) {
                break;
            }
            total = body.path("total").asLong();
            for (JsonNode item : body.path("items")) {
                listed++;
                seen.merge(item.path("id").asText(), 1, Integer::sum);
                status.put(item.path("id").asText(), item.path("status").asText());
            }
            if (page + 1 >= body.path("totalPages").asInt()) {
                break;
            }
        }
        int missing = 0;
        int notSolved = 0;
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        for (String id : accepted) {
            int times = seen.getOrDefault(id, 0);
            if (times == 0) {
                missing++;
                recorder.example("accepted plan " + id + " is not in the list");
            }
            String s = status.getOrDefault(id, "MISSING");
            statuses.merge(s, 1, Integer::sum);
            if (!s.equals("SOLVED")) {
                notSolved++;
                recorder.example("accepted plan " + id + " ended " + s + ", not SOLVED");
            }
        }
        int duplicated = 0;
        for (Map.Entry<String, Integer> entry : seen.entrySet()) {
            if (entry.getValue() > 1) {
                duplicated++;
                recorder.example("plan " + entry.getKey() + " is listed " + entry.getValue() + " times");
            }
        }
        List<Interval> intervals = new ArrayList<>();
        int running = 0;
        for (String id : accepted) {
            JsonNode plan = read("/api/v1/plans/" + id);
            if (plan == null || plan.path("startedAt").isNull() || plan.path("startedAt").isMissingNode()) {
                continue;
            }
            Instant started = OffsetDateTime.parse(plan.path("startedAt").asText()).toInstant();
            JsonNode finished = plan.path("finishedAt");
            if (finished.isNull() || finished.isMissingNode()) {
                running++;
                intervals.add(new Interval(id, started, Instant.MAX));
            } else {
                intervals.add(new Interval(id, started, OffsetDateTime.parse(finished.asText()).toInstant()));
            }
        }
        return new Result(listed, total, missing, duplicated, notSolved, statuses, maxOverlap(intervals), running,
                intervals);
    }

    /** The most intervals [started, finished) that share an instant: a sweep over their ends, ends before starts. */
    static int maxOverlap(List<Interval> intervals) {
        List<long[]> events = new ArrayList<>();
        for (Interval interval : intervals) {
            events.add(new long[] {millis(interval.started()), +1});
            events.add(new long[] {millis(interval.finished()), -1});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int now = 0;
        int max = 0;
        for (long[] event : events) {
            now += (int) event[1];
            max = Math.max(max, now);
        }
        return max;
    }

    private static long millis(Instant instant) {
        return instant.equals(Instant.MAX) ? Long.MAX_VALUE : instant.toEpochMilli();
    }

    private JsonNode read(String path) {
        LoadHttp.Reply reply = http.get(path);
        if (reply.status() != 200) {
            recorder.example("GET " + path + " after the load → " + (reply.failed() ? reply.failure() : reply.status()));
            return null;
        }
        try {
            return json.readTree(reply.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
