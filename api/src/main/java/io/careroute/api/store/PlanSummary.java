package io.careroute.api.store;

import java.time.Instant;
import java.time.LocalDate;

/** A plan as lists show it: the indexed columns, no documents. */
public record PlanSummary(String id, String lineageId, String replanOf, PlanStatus status, LocalDate planDate,
                          Instant createdAt, Instant updatedAt, int tasks, String score, Boolean feasible,
                          Integer unassigned) {
}
