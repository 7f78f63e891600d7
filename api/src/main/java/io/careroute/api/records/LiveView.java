package io.careroute.api.records;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A published day as the records tell it: every route with live expected arrivals and the stops that will miss
 * their window or the hot-food limit (issue 17.3).
 *
 * @param stamp    changes whenever a record of the day does (the ETag of {@code GET .../live})
 * @param recorded the newest recorded action of the day, null before the first
 * @param flagged  the task ids flagged, worst first
 */
public record LiveView(String planId, LocalDate date, boolean published, String stamp, OffsetDateTime recorded,
                       List<LiveRoute> workers, List<String> flagged) {
}
