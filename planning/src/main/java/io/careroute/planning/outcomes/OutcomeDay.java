package io.careroute.planning.outcomes;

import java.util.List;

import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;

/**
 * One published plan of a day (a lineage's current version) with the problem it was planned from and the service
 * records of its stops. {@code recorded} says whether the day counts by its records (the field recorded it) or by
 * the plan alone (nothing was recorded that day: the figures then say what was planned).
 */
public record OutcomeDay(ProblemDocument problem, PlanDocument plan, List<DoneStop> records) {

    public OutcomeDay {
        records = records == null ? List.of() : List.copyOf(records);
    }

    public boolean recorded() {
        return !records.isEmpty();
    }
}
