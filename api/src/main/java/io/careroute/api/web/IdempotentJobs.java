package io.careroute.api.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.careroute.api.access.Caller;
import io.careroute.api.jobs.PlanStateException;
import io.careroute.api.store.IdempotencyStore;
import io.careroute.api.web.PlanViews.JobAccepted;
import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} on the POSTs that start a solve job (docs/api-conventions.md#idempotency): the first
 * request with a key starts the job; a repeat with the same key and the same request (method, path, body) answers
 * the same 202 and job without starting another; the same key with another request is refused 422; a repeat while
 * the first is still being taken, 409. Without the header a POST works as before. Keys are per organisation and
 * forgotten after {@link #KEPT}.
 */
@Component
class IdempotentJobs {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY = 100;
    static final Duration KEPT = Duration.ofHours(24);
    private static final long PURGE_EVERY_MS = Duration.ofHours(1).toMillis();

    /** The work of the POST: validates, starts the job and answers 202. */
    @FunctionalInterface
    interface Submission {
        ResponseEntity<JobAccepted> submit() throws IOException;
    }

    private final IdempotencyStore store;
    private final Clock clock;
    private final AtomicLong lastPurge = new AtomicLong();

    IdempotentJobs(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    ResponseEntity<JobAccepted> submit(String key, HttpServletRequest request, byte[] body, Submission submission)
            throws IOException {
        if (key == null) {
            return submission.submit();
        }
        checkFormat(key);
        String organisation = Caller.required().organisationId();
        Instant now = clock.instant();
        purgeNowAndThen(now);
        String hash = hash(request.getMethod(), request.getRequestURI(), body);
        Optional<IdempotencyStore.Held> held = store.claim(organisation, key, hash, now, now.plus(KEPT));
        if (held.isPresent()) {
            return repeat(key, hash, held.get());
        }
        ResponseEntity<JobAccepted> answer;
        try {
            answer = submission.submit();
        } catch (IOException | RuntimeException | Error e) {
            store.release(organisation, key);   // nothing started: the same key may be tried again
            throw e;
        }
        JobAccepted job = answer.getBody();
        if (job != null) {
            store.complete(organisation, key, job.id(), job.status(), job.href());
        }
        return answer;
    }

    private static ResponseEntity<JobAccepted> repeat(String key, String hash, IdempotencyStore.Held held) {
        if (!held.requestHash().equals(hash)) {
            throw new IdempotencyKeyReusedException(key);
        }
        if (held.jobId() == null) {
            throw new PlanStateException(HEADER, "api.idempotency.inFlight", key);
        }
        return ResponseEntity.accepted().location(URI.create(held.jobHref()))
                .header("Idempotent-Replayed", "true")
                .body(new JobAccepted(held.jobId(), held.jobStatus(), held.jobHref()));
    }

    /** 1 to 100 visible ASCII characters (a UUID fits), or 400 naming the header. */
    static void checkFormat(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidInputException(List.of(new InputError(HEADER, Text.of("api.idempotency.invalid", MAX_KEY))));
        }
    }

    static String hash(String method, String path, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                sha.update(body);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** An uploaded file as the request's body to compare: the same file under the same name is the same request. */
    static byte[] file(String name, byte[] content) {
        byte[] head = (String.valueOf(name) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(head, head.length + content.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        return all;
    }

    private void purgeNowAndThen(Instant now) {
        long last = lastPurge.get();
        if (now.toEpochMilli() - last > PURGE_EVERY_MS && lastPurge.compareAndSet(last, now.toEpochMilli())) {
            store.forgetExpired(now);
        }
    }

    /** The key was first used for another request (another body or path): 422. */
    static final class IdempotencyKeyReusedException extends RuntimeException {
        final String key;

        IdempotencyKeyReusedException(String key) {
            super("idempotency key reused");
            this.key = key;
        }
    }
}
