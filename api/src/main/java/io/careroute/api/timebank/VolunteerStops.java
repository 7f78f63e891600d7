package io.careroute.api.timebank;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.careroute.api.store.PlanStore;
import io.careroute.api.store.ServiceRecord;
import io.careroute.api.store.StoredPlan;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.WorkerRole;

/**
 * What the plan a record was made on says of it: whether its worker served as a volunteer that day (only volunteers
 * earn time coins; paid staff are paid) and the planned travel to the stop (counted when the rules say so). One
 * instance reads each plan once: make a new one per accrual (plans do not change, but a long-lived one would hold
 * every plan).
 */
final class VolunteerStops {

    /** {@code travelSeconds}: the plan's travel from the worker's previous stop (0 when not on their route). */
    record Stop(boolean volunteer, int travelSeconds) {
    }

    private final PlanStore plans;
    private final Map<String, Optional<Plan>> read = new HashMap<>();

    private record Plan(ProblemDocument problem, PlanDocument plan) {
    }

    VolunteerStops(PlanStore plans) {
        this.plans = plans;
    }

    Stop of(ServiceRecord record) {
        Optional<Plan> plan = read.computeIfAbsent(record.subject().planId(), id -> plans.find(id)
                .filter(p -> p.plan() != null)
                .flatMap((StoredPlan p) -> plans.problem(p.problemId()).map(q -> new Plan(q, p.plan()))));
        if (plan.isEmpty()) {
            return new Stop(false, 0);
        }
        String worker = record.subject().workerId();
        boolean volunteer = plan.get().problem().workersOrEmpty().stream()
                .anyMatch(w -> w.id().equals(worker) && w.role() == WorkerRole.VOLUNTEER);
        int travel = plan.get().plan().workers() == null ? 0 : plan.get().plan().workers().stream()
                .filter(r -> r.id().equals(worker) && r.stops() != null)
                .flatMap(r -> r.stops().stream())
                .filter(s -> record.subject().taskId().equals(s.taskId()))
                .mapToInt(PlanDocument.Stop::travelSecondsFromPrevious).findFirst().orElse(0);
        return new Stop(volunteer, travel);
    }
}
