package io.careroute.data.registry;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** A day of the week as registry.json writes it: {@code MON} … {@code SUN}. */
public enum WeekDay {
    MON, TUE, WED, THU, FRI, SAT, SUN;

    public DayOfWeek dayOfWeek() {
        return DayOfWeek.of(ordinal() + 1);
    }

    public static WeekDay of(LocalDate date) {
        return values()[date.getDayOfWeek().getValue() - 1];
    }
}
