package io.careroute.solver.domain;

/**
 * A central kitchen or community canteen that carriers load meal boxes at.
 *
 * @param maxSecondsFromKitchen the "still hot" limit: the longest a box may travel from the trip's departure to the door
 */
public record Kitchen(String id, int place, int loadingSeconds, int maxSecondsFromKitchen) {
}
