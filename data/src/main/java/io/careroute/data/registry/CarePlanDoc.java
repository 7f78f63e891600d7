package io.careroute.data.registry;

import java.time.LocalDate;
import java.util.List;

import io.careroute.data.problem.VisitType;

/**
 * An elder's care plan (照护计划): a kind of visit owed {@code timesPerWeek} times in each week, only on {@code days},
 * at least {@code minDaysApart} days apart, in a window of the day; e.g. a check-in twice a week for an elder living
 * alone, a two-person bath every Friday.
 */
public record CarePlanDoc(String id, String elderId, VisitType type, List<String> requiredSkills,
                          Integer durationMinutes, Integer timesPerWeek, Integer minDaysApart, List<WeekDay> days,
                          TimeOfDayWindow window, Integer workersNeeded, Integer priority, LocalDate from,
                          LocalDate until) {

    public List<String> requiredSkillsOrEmpty() {
        return requiredSkills == null ? List.of() : requiredSkills;
    }

    /** Every day of the week unless restricted. */
    public List<WeekDay> daysOrAll() {
        return days == null || days.isEmpty() ? List.of(WeekDay.values()) : days;
    }

    /** Visits on the same day never count twice: at least a day apart unless told more. */
    public int minDaysApartOrDefault() {
        return minDaysApart == null ? 1 : Math.max(1, minDaysApart);
    }

    public boolean activeOn(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (until == null || !date.isAfter(until));
    }
}
