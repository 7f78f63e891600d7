package io.careroute.api.jobs;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.careroute.api.jobs.SolveJobEngine.Outcome;

/**
 * Keeps one of this instance's urgent solver places for the other organisations. Priorities put a quiet
 * organisation's re-plan at the head of the urgent queue, but it still waits for a place to free up; when one
 * organisation's burst held every place, that was a whole re-plan's time limit (measured: the quiet organisation's
 * re-plans took 10 s at the median, twice their 5 s limit). So with two places or more, an organisation runs re-plans
 * on all but one of them at once; a re-plan over that is put back for a second ({@link Outcome#DEFER}) and the place
 * goes to whoever else is waiting. With a single place there is nothing to keep, and the organisation may take it.
 */
final class UrgentShares {

    private final int perOrganisation;
    private final Map<String, Integer> running = new HashMap<>();

    UrgentShares(int places) {
        this.perOrganisation = places >= 2 ? places - 1 : places;
    }

    /**
     * Runs the re-plan when its organisation has a place left here, else defers it.
     *
     * @param organisationOf whose plan it is (read from the store: the database may be away, then the job retries)
     */
    Outcome run(String planId, Function<String, Optional<String>> organisationOf, Function<String, Outcome> execute) {
        String organisation;
        try {
            organisation = organisationOf.apply(planId).orElse(null);
        } catch (RuntimeException databaseAway) {
            return Outcome.RETRY;
        }
        if (organisation == null) {
            return execute.apply(planId);     // no such plan: the runner finds nothing to solve
        }
        if (!take(organisation)) {
            return Outcome.DEFER;
        }
        try {
            return execute.apply(planId);
        } finally {
            release(organisation);
        }
    }

    synchronized boolean take(String organisation) {
        int now = running.getOrDefault(organisation, 0);
        if (now >= perOrganisation) {
            return false;
        }
        running.put(organisation, now + 1);
        return true;
    }

    synchronized void release(String organisation) {
        running.computeIfPresent(organisation, (key, now) -> now > 1 ? now - 1 : null);
    }
}
