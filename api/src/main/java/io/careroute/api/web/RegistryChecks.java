package io.careroute.api.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemValidator;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryValidator;
import io.careroute.data.week.HorizonProblem;
import io.careroute.data.week.WeekExpansion;
import io.careroute.data.week.WeekRequest;

/**
 * A register is stored only when it could be planned: {@link RegistryValidator} checks what only a register has,
 * then the register unfolded over the coming week (from today) is checked as a day's problem is (locations, modes, skills...),
 * its errors named by the register's field ({@code elders[3].location}). As {@code careroute week} checks it.
 */
final class RegistryChecks {

    /** Errors about the unfolded week as a whole, not about any field of the register (an empty register is valid). */
    private static final Set<String> HORIZON_ONLY = Set.of("date", "workers");

    private RegistryChecks() {
    }

    /** @throws InvalidInputException naming every bad field; nothing is stored then */
    static void validate(RegistryDocument registry, Clock clock) {
        List<InputError> errors = new ArrayList<>(RegistryValidator.check(registry));
        LocalDate today = null;
        try {
            today = LocalDate.now(clock.withZone(ZoneId.of(registry.timeZoneOrDefault())));
        } catch (DateTimeException e) {
            errors.add(new InputError("timeZone", Text.of("error.timeZone", registry.timeZone())));
        }
        if (errors.isEmpty()) {
            HorizonProblem week = WeekExpansion.expand(registry, new WeekRequest(today, 7));
            ProblemValidator.check(week.problem()).stream().map(week::toRegistry)
                    .filter(error -> !HORIZON_ONLY.contains(error.field())).forEach(errors::add);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
