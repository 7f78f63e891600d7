package io.careroute.data.week;

import java.time.LocalDate;
import java.util.List;

import io.careroute.data.problem.CoordinateSystemName;

/**
 * week.json: what the week's plan did for each care plan, how continuous the care is, and each worker's hours
 * (contract: ../shared/docs/INTERFACES.md, "Standing data and the week"). Each date's routes are in that date's
 * plan.json beside it.
 */
public record WeekDocument(LocalDate from, int days, String timeZone, CoordinateSystemName coordinateSystem,
                           String score, boolean feasible, List<CarePlanLine> carePlans, Continuity continuity,
                           List<WorkerLine> workers, List<DayLine> dates) {

    /**
     * @param required        visits owed over the horizon
     * @param unplannedReason why fewer than required were planned; null when all were
     */
    public record CarePlanLine(String carePlanId, String elderId, int required, int planned, List<PlannedVisit> visits,
                               String unplannedReason) {
    }

    public record PlannedVisit(String taskId, LocalDate date, String workerId) {
    }

    /** Elders with two or more planned care visits, and how many of them had every visit from one (lead) worker. */
    public record Continuity(int elders, int withOneWorker, double share) {
    }

    public record WorkerLine(String id, double hours, Double maxHoursPerWeek) {
    }

    /** One date of the horizon: its tasks, how many were assigned, and its plan's score. */
    public record DayLine(LocalDate date, int tasks, int assigned, String score, boolean feasible) {
    }
}
