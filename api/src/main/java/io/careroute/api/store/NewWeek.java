package io.careroute.api.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A week to plan, stored beside its job's plan row (same id) as it is queued: what any instance needs to unfold the
 * week again (the register version, the horizon and, for a re-plan, the published days it starts from).
 *
 * @param replanOf      the week whose rest this re-plans (null for a week planned afresh)
 * @param since         a re-plan's first re-planned date (null for a week planned afresh)
 * @param publishedDays a re-plan: per date, the published day plan it starts from
 */
public record NewWeek(String id, String organisationId, int registryVersion, LocalDate from, int days,
                      String replanOf, LocalDate since, Map<LocalDate, String> publishedDays, Instant createdAt) {

    public NewWeek {
        publishedDays = publishedDays == null ? Map.of() : Map.copyOf(publishedDays);
    }
}
