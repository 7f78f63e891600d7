package io.careroute.api.store;

/**
 * A plan a solver has just taken up: as stored at that moment, its best solution so far included.
 *
 * @param takeover another solver had it before and did not end it (it died, or handed it back at shut-down)
 * @param previous that solver's instance name (null unless a takeover)
 */
public record SolveClaim(StoredPlan plan, boolean takeover, String previous) {
}
