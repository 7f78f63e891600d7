package io.careroute.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the clients saw during the load phase: latencies of reads and of submissions, answers counted by status,
 * and every answer that breaks a rule (a 5xx, a failed exchange, a 429 without Retry-After) kept as an example.
 */
final class LoadRecorder {

    enum Kind { READ, SUBMIT }

    private static final int EXAMPLES = 10;

    private final Map<Kind, Latencies> latencies = Map.of(Kind.READ, new Latencies(), Kind.SUBMIT, new Latencies());
    private final Map<Kind, Map<Integer, LongAdder>> statuses = Map.of(Kind.READ, new ConcurrentHashMap<>(),
            Kind.SUBMIT, new ConcurrentHashMap<>());
    private final Latencies refusals = new Latencies();
    private final AtomicLong tooManyWithoutRetryAfter = new AtomicLong();
    private final AtomicLong tooManyNotProblemJson = new AtomicLong();
    private final List<String> examples = new ArrayList<>();

    /** Records one answer; {@code expected} are the statuses that are normal for this request. */
    void record(Kind kind, String what, LoadHttp.Reply reply, int... expected) {
        latencies.get(kind).add(reply.nanos());
        statuses.get(kind).computeIfAbsent(reply.status(), s -> new LongAdder()).increment();
        if (reply.status() == 429) {
            if (kind == Kind.SUBMIT) {
                refusals.add(reply.nanos());
            }
            if (reply.retryAfterSeconds().isEmpty() || reply.retryAfterSeconds().getAsLong() < 1) {
                tooManyWithoutRetryAfter.incrementAndGet();
                example(what + " → 429 without a Retry-After of at least 1 s");
            }
            if (!reply.contentType().startsWith("application/problem+json")) {
                tooManyNotProblemJson.incrementAndGet();
                example(what + " → 429 as " + reply.contentType() + ", not application/problem+json");
            }
            return;
        }
        if (reply.failed()) {
            example(what + " → no answer (" + reply.failure() + ")");
            return;
        }
        for (int status : expected) {
            if (status == reply.status()) {
                return;
            }
        }
        String body = new String(reply.body(), StandardCharsets.UTF_8);
        example(what + " → " + reply.status() + " " + body.substring(0, Math.min(300, body.length())));
    }

    /** A broken rule found elsewhere (a lost or duplicated job, a plan that did not end SOLVED). */
    void example(String text) {
        synchronized (examples) {
            if (examples.size() < EXAMPLES) {
                examples.add(text);
            }
        }
    }

    List<String> examples() {
        synchronized (examples) {
            return List.copyOf(examples);
        }
    }

    /** Submissions refused with 429 alone: what an overloaded server spends on saying no. */
    Latencies.Summary refusals() {
        return refusals.summary();
    }

    Latencies.Summary latency(Kind kind) {
        return latencies.get(kind).summary();
    }

    /** Answers by status ("0" for exchanges that failed), sorted. */
    Map<String, Long> statuses(Kind kind) {
        Map<String, Long> counts = new TreeMap<>();
        statuses.get(kind).forEach((status, n) -> counts.put(Integer.toString(status), n.sum()));
        return counts;
    }

    long count(int status) {
        return statuses.values().stream().mapToLong(m -> m.containsKey(status) ? m.get(status).sum() : 0).sum();
    }

    long serverErrors() {
        return statuses.values().stream().flatMap(m -> m.entrySet().stream())
                .filter(e -> e.getKey() >= 500).mapToLong(e -> e.getValue().sum()).sum();
    }

    long total() {
        return statuses.values().stream().flatMap(m -> m.values().stream()).mapToLong(LongAdder::sum).sum();
    }

    long tooManyWithoutRetryAfter() {
        return tooManyWithoutRetryAfter.get();
    }

    long tooManyNotProblemJson() {
        return tooManyNotProblemJson.get();
    }
}
