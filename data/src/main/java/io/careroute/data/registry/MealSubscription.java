package io.careroute.data.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * An elder's standing order for meals (助餐订餐): a batch of a kitchen on given weekdays, delivered in a window,
 * from a date until a date (null: no end), except on skipped dates (a hospital stay, a family visit).
 */
public record MealSubscription(String id, String elderId, String kitchenId, String batchId, Integer boxes,
                               List<WeekDay> days, TimeOfDayWindow window, Integer handoverMinutes, LocalDate from,
                               LocalDate until, List<LocalDate> skipDates) {

    public List<WeekDay> daysOrEmpty() {
        return days == null ? List.of() : days;
    }

    public List<LocalDate> skipDatesOrEmpty() {
        return skipDates == null ? List.of() : skipDates;
    }

    /** Whether a meal is owed on {@code date}: a subscribed weekday, inside from/until, not skipped. */
    public boolean owedOn(LocalDate date) {
        return daysOrEmpty().contains(WeekDay.of(date)) && (from == null || !date.isBefore(from))
                && (until == null || !date.isAfter(until)) && !skipDatesOrEmpty().contains(date);
    }
}
