package io.careroute.api.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A week plan as stored: what week it is ({@link NewWeek}) and when it was published (null until then). Its solve's
 * state is its plan row's ({@link PlanStore#find}, same id).
 */
public record StoredWeek(String id, String organisationId, int registryVersion, LocalDate from, int days,
                         String replanOf, LocalDate since, Map<LocalDate, String> publishedDays, Instant createdAt,
                         Instant publishedAt) {

    public boolean published() {
        return publishedAt != null;
    }
}
