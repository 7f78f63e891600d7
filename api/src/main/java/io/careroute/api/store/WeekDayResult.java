package io.careroute.api.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;

/**
 * One date of a solved week as an ordinary day: its problem.json, plan.json, each worker's task order and the route
 * geometry (GeoJSON, WGS-84). What publishing the week stores as that date's plan.
 */
public record WeekDayResult(LocalDate date, ProblemDocument problem, PlanDocument plan,
                            Map<String, List<String>> taskOrder, Map<String, Object> routes) {
}
