package io.careroute.api.store;

import java.time.LocalDate;

/** A date of a published week: its day plan and that plan's publication. */
public record PublishedDay(LocalDate date, String planId, Publication publication) {
}
