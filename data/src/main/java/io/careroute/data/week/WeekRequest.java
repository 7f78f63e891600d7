package io.careroute.data.week;

import java.time.LocalDate;

/** What to plan: {@code days} dates from {@code from} (1–14). */
public record WeekRequest(LocalDate from, int days) {

    public static final int MAX_DAYS = 14;

    public LocalDate date(int day) {
        return from.plusDays(day);
    }
}
