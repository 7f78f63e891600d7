package io.careroute.data.week;

import java.time.LocalDate;

/**
 * One worker on one date of the horizon: a route of the week's model ({@code C1@2026-11-30}).
 *
 * @param day the date's index in the horizon (0 = the first date)
 */
public record WorkerDay(String id, String workerId, LocalDate date, int day) {

    public static String idOf(String workerId, LocalDate date) {
        return workerId + "@" + date;
    }
}
