package io.careroute.api.jobs;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Problems (or re-plans) that a request on this instance validated and placed, kept until their job is taken up
 * here. A job taken up by another instance, or one that waited long in the queue, places again from the store:
 * the entries expire (and the oldest give way) rather than wait for a job that may never come here.
 */
final class Placements {

    private static final Duration KEPT = Duration.ofMinutes(10);

    private final Cache<String, Placement> placed;

    /** @param capacity at most as many plans as may be queued or solving at once */
    Placements(long capacity) {
        this.placed = Caffeine.newBuilder().expireAfterWrite(KEPT).maximumSize(capacity).build();
    }

    void put(String planId, Placement placement) {
        placed.put(planId, placement);
    }

    /** The placement a request left for this plan, once; null when there is none (any more). */
    Placement take(String planId) {
        return placed.asMap().remove(planId);
    }

    /** No job will come for this plan (refused, or stopped while queued). */
    void forget(String planId) {
        placed.invalidate(planId);
    }
}
