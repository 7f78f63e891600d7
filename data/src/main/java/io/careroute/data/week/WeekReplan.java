package io.careroute.data.week;

import java.time.LocalDate;

/** Re-plan the rest of a published week from {@code since}: what came before is done, what follows is kept if it may. */
public record WeekReplan(LocalDate since, PublishedWeek published) {
}
