package io.careroute.api.store;

import java.time.Instant;

/**
 * How an organisation's time bank credits service, amounts in hundredths of a coin. The defaults are Shanghai's: one
 * coin an hour of service, travel not counted, to the minute, no transfers unless the organisation allows them, at
 * most 1,500 coins stored.
 *
 * @param version 0 for the defaults (never saved), else the saved version
 */
public record TimeBankRules(int version, int coinsPerHourCenti, boolean countTravel, int roundingMinutes,
                            Rounding rounding, boolean transfersAllowed, long maxBalanceCenti, Instant at, String by) {

    public enum Rounding { DOWN, NEAREST, UP }

    public static final TimeBankRules DEFAULTS = new TimeBankRules(0, 100, false, 1, Rounding.DOWN, false, 150_000,
            null, null);

    /** What a stop of {@code minutes} earns: the minutes rounded to the step, at the rate, to the nearest hundredth. */
    public long creditCenti(int minutes) {
        int step = Math.max(1, roundingMinutes);
        long steps = switch (rounding) {
            case DOWN -> minutes / step;
            case UP -> (minutes + step - 1) / step;
            case NEAREST -> (minutes + step / 2) / step;
        };
        long rounded = steps * step;
        return Math.round(rounded * (double) coinsPerHourCenti / 60.0);
    }
}
