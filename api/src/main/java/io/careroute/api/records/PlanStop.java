package io.careroute.api.records;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.careroute.api.store.StoredPlan;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;

/** A task of a stored plan with what its record needs of the day's problem: the date, the zone, the elder's class. */
record PlanStop(StoredPlan plan, PlanDocument.TaskOutcome task, ProblemDocument problem, ZoneId zone, LocalDate date) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** A visit's type (CHECK_IN, BATHING...); null for a delivery. */
    String visitType() {
        String visitId = task.visitId() == null ? task.id() : task.visitId();
        return problem.visitsOrEmpty().stream().filter(v -> visitId.equals(v.id())).findFirst()
                .map(VisitDoc::type).map(Enum::name).orElse(null);
    }

    /** The elder's priority class in the day's problem (REGULAR when none is given). */
    String elderClass() {
        return problem.eldersOrEmpty().stream().filter(e -> e.id().equals(task.elderId())).findFirst()
                .map(e -> e.priorityClassOrDefault().name()).orElse(null);
    }

    /** "10:05" in the plan's zone, for a refusal's reason. */
    String hhmm(Instant at) {
        return HH_MM.format(at.atZone(zone));
    }
}
