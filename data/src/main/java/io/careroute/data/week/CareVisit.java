package io.careroute.data.week;

import java.time.LocalDate;
import java.util.List;

/**
 * One visit a care plan owes in one 7-day block of the horizon, before its date is chosen: the week's model lets
 * it go to any worker on any of {@code dates} (its windows are the care plan's window on each of them).
 *
 * @param taskId  the model's id ({@code CP1:w1:2}: care plan, block, visit); the day's plans name it
 *                {@code CP1@date} once its date is chosen
 * @param block   the 7-day block from the horizon's first date (0, 1, …)
 * @param dates   the dates it may take: the care plan's days, inside its from/until and the horizon
 */
public record CareVisit(String taskId, String carePlanId, String elderId, int block, int number,
                        List<LocalDate> dates) {

    public static String dayTaskId(String carePlanId, LocalDate date) {
        return carePlanId + "@" + date;
    }
}
