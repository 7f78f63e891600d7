package io.careroute.data.week;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.careroute.data.registry.CarePlanDoc;

/** How many visits a care plan owes in a block of the horizon, and how many its days and spacing can hold. */
final class CareFrequency {

    private CareFrequency() {
    }

    /**
     * {@code timesPerWeek} in a whole block in which the plan is in force; pro rata (rounded) in a block cut short by
     * the horizon or by the plan's from/until.
     *
     * @param blockDates every date of the block inside the horizon
     */
    static int owedInBlock(CarePlanDoc plan, List<LocalDate> blockDates) {
        long inForce = blockDates.stream().filter(plan::activeOn).count();
        int perWeek = plan.timesPerWeek() == null ? 0 : plan.timesPerWeek();
        return inForce >= 7 ? perWeek : (int) Math.round(perWeek * inForce / 7.0);
    }

    /** The most visits that fit on {@code dates} (ascending) at least {@code minDaysApart} apart: earliest first. */
    static int mostThatFit(List<LocalDate> dates, int minDaysApart) {
        int count = 0;
        LocalDate last = null;
        for (LocalDate date : dates) {
            if (last == null || ChronoUnit.DAYS.between(last, date) >= minDaysApart) {
                count++;
                last = date;
            }
        }
        return count;
    }
}
