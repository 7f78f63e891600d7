package io.careroute.data.week;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.KitchenDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;

/**
 * Cuts a solved week into its days: per date the problem of that date alone and each worker's order of tasks, with
 * the care visits named by the date the week chose for them. Unplanned care visits belong to no date (week.json
 * says why); unserved meals stay in their date's problem, unassigned there with their reason.
 */
public final class WeekSplit {

    private WeekSplit() {
    }

    public static List<DayProblem> days(HorizonProblem horizon, CarePlan solved) {
        ProblemDocument week = horizon.problem();
        Map<String, String> dateOfVisit = new HashMap<>();
        Map<String, Map<String, List<String>>> routesByDate = new HashMap<>();
        for (Worker worker : solved.getWorkers()) {
            if (worker.isUnassignedHolder()) {
                // Unserved meals stay unassigned in their date's plan (with their reason); unplanned care visits
                // belong to no date.
                for (Task task : worker.getTasks()) {
                    if (!horizon.careVisits().containsKey(task.getVisitId())) {
                        String date = task.getId().substring(task.getId().lastIndexOf('@') + 1);
                        routesByDate.computeIfAbsent(date, d -> new LinkedHashMap<>())
                                .computeIfAbsent(Worker.UNASSIGNED_HOLDER_ID, h -> new ArrayList<>()).add(task.getId());
                    }
                }
                continue;
            }
            WorkerDay day = horizon.workerDays().get(worker.getId());
            List<String> route = new ArrayList<>();
            for (Task task : worker.getTasks()) {
                CareVisit visit = horizon.careVisits().get(task.getVisitId());
                if (visit != null) {
                    String dayId = CareVisit.dayTaskId(visit.carePlanId(), day.date());
                    dateOfVisit.put(visit.taskId(), day.date().toString());
                    route.add(task.getPart() == 2 ? VisitDoc.secondPartId(dayId) : dayId);
                } else {
                    route.add(task.getId());
                }
            }
            routesByDate.computeIfAbsent(day.date().toString(), d -> new LinkedHashMap<>()).put(day.workerId(), route);
        }
        List<DayProblem> days = new ArrayList<>();
        for (LocalDate date : horizon.dates()) {
            String suffix = "@" + date;
            List<WorkerDoc> workers = new ArrayList<>();
            for (WorkerDoc w : week.workersOrEmpty()) {
                WorkerDay day = horizon.workerDays().get(w.id());
                if (day.date().equals(date)) {
                    workers.add(new WorkerDoc(day.workerId(), w.role(), w.mode(), w.gender(), w.start(), w.end(),
                            w.shifts(), w.capacityBoxes(), w.skills(), w.costPerHour(), w.maxHoursPerDay(),
                            w.maxKmFromHome()));
                }
            }
            Set<String> onDuty = new HashSet<>();
            workers.forEach(w -> onDuty.add(w.id()));
            List<DeliveryDoc> deliveries = new ArrayList<>();
            for (DeliveryDoc d : week.deliveriesOrEmpty()) {
                if (d.id().endsWith(suffix)) {
                    deliveries.add(new DeliveryDoc(d.id(), d.elderId(), d.kitchenId(), strip(d.batchId(), suffix),
                            d.boxes(), d.windows(), d.handoverMinutes()));
                }
            }
            List<VisitDoc> visits = new ArrayList<>();
            for (VisitDoc v : week.visitsOrEmpty()) {
                if (!date.toString().equals(dateOfVisit.get(v.id()))) {
                    continue;
                }
                CareVisit visit = horizon.careVisits().get(v.id());
                int index = visit.dates().indexOf(date);
                visits.add(new VisitDoc(CareVisit.dayTaskId(visit.carePlanId(), date), v.elderId(), v.type(),
                        v.requiredSkills(), v.durationMinutes(), List.of(v.windows().get(index)), v.priority(),
                        v.urgent(), v.workersNeeded(), null));
            }
            Set<String> served = new HashSet<>();
            deliveries.forEach(d -> served.add(d.elderId()));
            visits.forEach(v -> served.add(v.elderId()));
            List<ElderDoc> elders = eldersServed(horizon.registry(), served, onDuty);
            List<KitchenDoc> kitchens = new ArrayList<>();
            for (KitchenDoc k : week.kitchensOrEmpty()) {
                List<KitchenDoc.BatchDoc> batches = new ArrayList<>();
                for (KitchenDoc.BatchDoc b : k.batchesOrEmpty()) {
                    if (b.id().endsWith(suffix)) {
                        batches.add(new KitchenDoc.BatchDoc(strip(b.id(), suffix), b.readyAt(), b.boxes()));
                    }
                }
                if (!batches.isEmpty()) {
                    kitchens.add(new KitchenDoc(k.id(), k.location(), k.loadingMinutes(), k.maxMinutesFromKitchen(),
                            batches));
                }
            }
            ProblemDocument problem = new ProblemDocument(date, week.timeZone(), week.coordinateSystem(), kitchens,
                    elders, workers, deliveries, visits, week.weights());
            days.add(new DayProblem(date, problem, routesByDate.getOrDefault(date.toString(), Map.of())));
        }
        return days;
    }

    private static String strip(String id, String suffix) {
        return id.endsWith(suffix) ? id.substring(0, id.length() - suffix.length()) : id;
    }

    /**
     * The register's elders that a date serves, as a day's elders: a day's plan carries no more personal data than it
     * needs; preferred and refused workers only those on duty that date (the day knows no others).
     */
    static List<ElderDoc> eldersServed(RegistryDocument registry, Set<String> served, Set<String> onDuty) {
        List<ElderDoc> elders = new ArrayList<>();
        for (var elder : registry.eldersOrEmpty()) {
            if (served.contains(elder.id())) {
                ElderDoc e = elder.toDay();
                elders.add(new ElderDoc(e.id(), e.location(), e.name(), e.phone(), e.address(), e.priorityClass(),
                        e.requiredWorkerGender(), onDutyOnly(e.preferredWorkersOrEmpty(), onDuty),
                        onDutyOnly(e.refusedWorkersOrEmpty(), onDuty)));
            }
        }
        return elders;
    }

    private static List<String> onDutyOnly(List<String> workerIds, Set<String> onDuty) {
        List<String> ids = workerIds.stream().filter(onDuty::contains).toList();
        return ids.isEmpty() ? null : ids;
    }
}
