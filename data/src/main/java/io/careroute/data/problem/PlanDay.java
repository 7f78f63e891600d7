package io.careroute.data.problem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The plan's clock: the solver counts seconds since midnight of the plan date in the plan's zone; documents
 * carry ISO-8601 times with offset. Converts between the two (DST-safe, though China has none).
 */
public record PlanDay(LocalDate date, ZoneId zone) {

    public static PlanDay of(ProblemDocument problem) {
        return new PlanDay(problem.date(), ZoneId.of(problem.timeZoneOrDefault()));
    }

    private ZonedDateTime midnight() {
        return date.atStartOfDay(zone);
    }

    public int toSeconds(OffsetDateTime time) {
        long seconds = time.toEpochSecond() - midnight().toEpochSecond();
        if (seconds < Integer.MIN_VALUE / 2 || seconds > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("time too far from the plan date: " + time);
        }
        return (int) seconds;
    }

    public OffsetDateTime toTime(int seconds) {
        return midnight().plusSeconds(seconds).toOffsetDateTime();
    }
}
