package io.careroute.solver.domain;

/** One cooking batch of a kitchen (e.g. lunch); no trip carrying its boxes may leave before it is ready. */
public record MealBatch(String id, Kitchen kitchen, int readySeconds) {
}
