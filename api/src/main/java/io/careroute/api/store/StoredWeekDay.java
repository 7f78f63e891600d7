package io.careroute.api.store;

/** A date of a solved week as stored, and the day plan publishing it made (null before). */
public record StoredWeekDay(WeekDayResult day, String dayPlanId) {
}
