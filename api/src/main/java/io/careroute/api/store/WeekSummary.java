package io.careroute.api.store;

import java.time.Instant;
import java.time.LocalDate;

/** A week plan as lists show it: what week, its solve's state and score, when published; no documents. */
public record WeekSummary(String id, PlanStatus status, LocalDate from, int days, String replanOf, LocalDate since,
                          int registryVersion, String score, Boolean feasible, Instant createdAt,
                          Instant publishedAt) {
}
