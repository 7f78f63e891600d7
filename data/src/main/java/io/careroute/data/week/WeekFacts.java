package io.careroute.data.week;

import io.careroute.data.registry.CarePlanDoc;
import io.careroute.data.registry.RegistryWorker;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.CareVisitFacts;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.domain.WorkerDayFacts;

/**
 * Tells the model of a horizon problem what spans its days: whose route each worker-day is (for weekly hours and
 * continuity) and which care plan each visit serves (for the spacing of its visits). The model itself is built
 * from the horizon problem like any day's.
 */
public final class WeekFacts {

    private WeekFacts() {
    }

    public static void apply(CarePlan plan, HorizonProblem horizon) {
        java.util.Map<String, RegistryWorker> workers = new java.util.HashMap<>();
        horizon.registry().workersOrEmpty().forEach(w -> workers.put(w.id(), w));
        java.util.Map<String, CarePlanDoc> carePlans = new java.util.HashMap<>();
        horizon.registry().carePlansOrEmpty().forEach(p -> carePlans.put(p.id(), p));
        for (Worker worker : plan.getWorkers()) {
            WorkerDay day = horizon.workerDays().get(worker.getId());
            if (day == null) {
                continue;       // the unassigned holder
            }
            Double weekHours = weeklyCap(workers.get(day.workerId()));
            // In a re-plan, what the worker already worked this block before the re-planned dates is used up.
            int left = weekHours == null ? 0 : Math.max(1, (int) Math.round(weekHours * 3600)
                    - horizon.published().workedSeconds(day.workerId(), day.day() / 7));
            worker.setDayFacts(new WorkerDayFacts(day.workerId(), day.day(), left));
        }
        for (Task task : plan.getTasks()) {
            CareVisit visit = horizon.careVisits().get(task.getVisitId() != null ? task.getVisitId() : task.getId());
            if (visit != null) {
                task.setCareVisit(new CareVisitFacts(visit.carePlanId(),
                        carePlans.get(visit.carePlanId()).minDaysApartOrDefault()));
            }
        }
    }

    /**
     * The hours a worker may be planned in a 7-day block: a volunteer's weekly cap, and for paid staff their
     * contract hours (overtime is agreed, not planned); the lower if both are set, null if neither.
     */
    static Double weeklyCap(RegistryWorker worker) {
        Double cap = worker.maxHoursPerWeek();
        Double contract = worker.contractHoursPerWeek();
        if (cap == null) {
            return contract;
        }
        return contract == null ? cap : Math.min(cap, contract);
    }
}
