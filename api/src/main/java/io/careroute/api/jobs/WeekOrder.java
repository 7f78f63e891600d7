package io.careroute.api.jobs;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import io.careroute.data.i18n.Messages;
import io.careroute.data.week.HorizonProblem;
import io.careroute.planning.assemble.ProblemAssembler.PlacedProblem;

/**
 * A week to queue, as the request checked it: the week unfolded from the organisation's register at
 * {@code registryVersion} and placed on the roads, for {@code timeLimit}; for a re-plan of the rest of a published
 * week, which week and the day plans it starts from.
 *
 * @param replanOf      the week re-planned (null for a week planned afresh)
 * @param publishedDays a re-plan: per date, the published day plan it starts from
 */
public record WeekOrder(HorizonProblem horizon, PlacedProblem placed, int registryVersion, String replanOf,
                        Map<LocalDate, String> publishedDays, Duration timeLimit, Messages messages,
                        String organisationId) {
}
