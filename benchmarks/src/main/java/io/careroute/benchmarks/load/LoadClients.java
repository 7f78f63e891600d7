package io.careroute.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The clients, each on its own thread, all at once until the time or the request budget is spent. A submitter posts
 * a small problem and polls its progress until it ends, then posts the next; refused with 429 it waits the
 * Retry-After (at most {@code maxRetryWait}) and tries again. A reader reads without pause: a page of the plan
 * list, a plan, or a plan's progress, picked at random among the plans accepted so far.
 */
final class LoadClients {

    private static final Duration POLL = Duration.ofMillis(250);

    private final LoadHttp http;
    private final LoadRecorder recorder;
    private final SmallProblems problems;
    private final Duration maxRetryWait;
    private final long maxRequests;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong submissions = new AtomicLong();
    private final AtomicLong duplicateIds = new AtomicLong();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final List<String> acceptedInOrder = new ArrayList<>();
    private final Map<String, Boolean> ended = new ConcurrentHashMap<>();
    private volatile long deadline;

    LoadClients(LoadHttp http, LoadRecorder recorder, SmallProblems problems, Duration maxRetryWait, long maxRequests) {
        this.http = http;
        this.recorder = recorder;
        this.problems = problems;
        this.maxRetryWait = maxRetryWait;
        this.maxRequests = maxRequests;
    }

    /** Runs the clients for {@code duration}; answers the wall-clock nanoseconds the load phase took. */
    long run(int submitters, int readers, Duration duration) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < submitters; i++) {
            threads.add(new Thread(this::submitter, "load-submitter-" + i));
        }
        for (int i = 0; i < readers; i++) {
            threads.add(new Thread(this::reader, "load-reader-" + i));
        }
        long start = System.nanoTime();
        deadline = start + duration.toNanos();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        return System.nanoTime() - start;
    }

    /**
     * The baseline of the same run: one reader alone, with the same mix over the given plans, after the load (the
     * plans have ended, nothing else runs). Loaded latencies are reported against it.
     */
    long baseline(List<String> plans, Duration duration) throws InterruptedException {
        synchronized (acceptedInOrder) {
            acceptedInOrder.addAll(plans);
            accepted.addAll(plans);
        }
        return run(0, 1, duration);
    }

    private boolean over() {
        return System.nanoTime() >= deadline || (maxRequests > 0 && requests.get() >= maxRequests);
    }

    private void submitter() {
        while (!over()) {
            requests.incrementAndGet();
            LoadHttp.Reply reply = http.postJson("/api/v1/plans", problems.problem(submissions.getAndIncrement()));
            recorder.record(LoadRecorder.Kind.SUBMIT, "POST /api/v1/plans", reply, 202);
            if (reply.status() == 202) {
                String id = field(reply, "id");
                if (id == null) {
                    recorder.example("POST /api/v1/plans → 202 without an id");
                    continue;
                }
                if (!accepted.add(id)) {
                    duplicateIds.incrementAndGet();
                    recorder.example("POST /api/v1/plans → 202 with an id already given: " + id);
                }
                synchronized (acceptedInOrder) {
                    acceptedInOrder.add(id);
                }
                follow(id);
            } else if (reply.status() == 429) {
                long seconds = reply.retryAfterSeconds().orElse(1);
                pause(Duration.ofSeconds(seconds).compareTo(maxRetryWait) < 0 ? Duration.ofSeconds(seconds) : maxRetryWait);
            } else {
                pause(POLL);      // recorded as a broken rule; do not spin on it
            }
        }
    }

    /** Polls the plan's progress until it has ended or the load phase is over. */
    private void follow(String id) {
        while (!over()) {
            requests.incrementAndGet();
            LoadHttp.Reply reply = http.get("/api/v1/plans/" + id + "/progress");
            recorder.record(LoadRecorder.Kind.READ, "GET /api/v1/plans/{id}/progress", reply, 200);
            String status = reply.status() == 200 ? field(reply, "status") : null;
            if (status != null && !status.equals("QUEUED") && !status.equals("SOLVING")) {
                ended.put(id, true);
                return;
            }
            pause(POLL);
        }
    }

    private void reader() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!over()) {
            String id = randomAccepted(random);
            int pick = random.nextInt(100);
            requests.incrementAndGet();
            if (id == null || pick < 35) {
                int pages = Math.max(1, (int) Math.ceil(accepted.size() / 20.0));
                LoadHttp.Reply reply = http.get("/api/v1/plans?page=" + random.nextInt(pages) + "&size=20");
                recorder.record(LoadRecorder.Kind.READ, "GET /api/v1/plans", reply, 200);
            } else if (pick < 70) {
                recorder.record(LoadRecorder.Kind.READ, "GET /api/v1/plans/{id}", http.get("/api/v1/plans/" + id), 200);
            } else {
                recorder.record(LoadRecorder.Kind.READ, "GET /api/v1/plans/{id}/progress",
                        http.get("/api/v1/plans/" + id + "/progress"), 200);
            }
        }
    }

    private String randomAccepted(ThreadLocalRandom random) {
        synchronized (acceptedInOrder) {
            return acceptedInOrder.isEmpty() ? null : acceptedInOrder.get(random.nextInt(acceptedInOrder.size()));
        }
    }

    private String field(LoadHttp.Reply reply, String name) {
        try {
            JsonNode value = json.readTree(reply.body()).get(name);
            return value == null || value.isNull() ? null : value.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long submissions() {
        return submissions.get();
    }

    long duplicateIds() {
        return duplicateIds.get();
    }

    /** The plans the server accepted (202), in the order the answers came. */
    List<String> accepted() {
        synchronized (acceptedInOrder) {
            return List.copyOf(acceptedInOrder);
        }
    }

    boolean seenEnded(String id) {
        return ended.containsKey(id);
    }
}
