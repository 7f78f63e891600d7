package io.careroute.data.week;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.careroute.data.problem.ProblemDocument;

/**
 * One date of a planned week as an ordinary day: its problem.json (the workers on duty, the meals owed, the care
 * visits the week put on this date as {@code CP1@date}) and each worker's task order, which the day's same-day
 * re-planning, route sheets and events work on unchanged.
 */
public record DayProblem(LocalDate date, ProblemDocument problem, Map<String, List<String>> routes) {
}
