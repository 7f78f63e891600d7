package io.careroute.planning.check;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanDocument.Stop;
import io.careroute.data.plan.PlanDocument.StopKind;
import io.careroute.data.plan.PlanDocument.TaskOutcome;
import io.careroute.data.plan.PlanDocument.WorkerRoute;
import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.KitchenDoc;
import io.careroute.data.problem.PlaceCatalogue;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.WindowDoc;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.solver.domain.TravelTimes;

/**
 * Checks a plan.json against the problem it answers, from first principles: it recomputes every stop's times from
 * the travel matrix and re-checks every hard rule, using neither the solver's score nor its scheduling code.
 * Returns the violations found; an empty list means the plan is feasible and consistent.
 */
public final class PlanVerifier {

    private final ProblemDocument problem;
    private final PlaceCatalogue places;
    private final TravelTimes travel;
    private final List<String> violations = new ArrayList<>();
    /** Service start of every visit stop by task id, to check that two-worker visits start together. */
    private final Map<String, OffsetDateTime> visitStarts = new HashMap<>();

    private PlanVerifier(ProblemDocument problem, TravelTimes travel) {
        this.problem = problem;
        this.places = PlaceCatalogue.of(problem);
        this.travel = travel;
    }

    public static List<String> verify(ProblemDocument problem, TravelTimes travel, PlanDocument plan) {
        PlanVerifier verifier = new PlanVerifier(problem, travel);
        verifier.check(plan);
        return verifier.violations;
    }

    private void check(PlanDocument plan) {
        Map<String, WorkerDoc> workers = new HashMap<>();
        problem.workersOrEmpty().forEach(w -> workers.put(w.id(), w));
        Map<String, String> servedBy = new HashMap<>();
        for (WorkerRoute route : plan.workers()) {
            WorkerDoc worker = workers.get(route.id());
            if (worker == null) {
                violations.add("route of unknown worker " + route.id());
                continue;
            }
            checkRoute(worker, route, servedBy);
        }
        Set<String> allTasks = new HashSet<>();
        problem.deliveriesOrEmpty().forEach(d -> allTasks.add(d.id()));
        problem.visitsOrEmpty().forEach(v -> allTasks.add(v.id()));
        for (VisitDoc v : problem.visitsOrEmpty()) {
            if (v.needsTwoWorkers()) {
                String second = VisitDoc.secondPartId(v.id());
                allTasks.add(second);
                String lead = servedBy.get(v.id());
                String helper = servedBy.get(second);
                if ((lead == null) != (helper == null)) {
                    violations.add(v.id() + " needs two workers but only " + (lead != null ? lead : helper) + " goes");
                } else if (lead != null && lead.equals(helper)) {
                    violations.add(v.id() + " needs two workers but " + lead + " is both");
                } else if (lead != null && !visitStarts.get(v.id()).isEqual(visitStarts.get(second))) {
                    violations.add(v.id() + ": the two workers start at " + visitStarts.get(v.id()) + " and "
                            + visitStarts.get(second));
                }
            }
        }
        Set<String> outcomes = new HashSet<>();
        for (TaskOutcome task : plan.tasks()) {
            outcomes.add(task.id());
            String routeWorker = servedBy.get(task.id());
            if (task.assignedTo() != null && !task.assignedTo().equals(routeWorker)) {
                violations.add(task.id() + " says assigned to " + task.assignedTo() + " but is on route " + routeWorker);
            }
            if (task.assignedTo() == null && routeWorker != null) {
                violations.add(task.id() + " is on route " + routeWorker + " but marked unassigned");
            }
            if (task.assignedTo() == null && (task.unassignedReason() == null || task.unassignedReason().isBlank())) {
                violations.add(task.id() + " is unassigned without a reason");
            }
        }
        if (!outcomes.equals(allTasks)) {
            violations.add("plan tasks " + outcomes.size() + " differ from problem tasks " + allTasks.size());
        }
    }

    private void checkRoute(WorkerDoc worker, WorkerRoute route, Map<String, String> servedBy) {
        List<Stop> stops = route.stops();
        if (stops.isEmpty()) {
            return;
        }
        int place = places.workerStart(worker.id());
        OffsetDateTime shiftStart = worker.shiftsOrEmpty().stream().map(WindowDoc::start).min(OffsetDateTime::compareTo).orElseThrow();
        OffsetDateTime clock = route.departure();
        if (clock.isBefore(shiftStart)) {
            violations.add(route.id() + ": leaves at " + clock + ", before the shift starts " + shiftStart);
        }
        OffsetDateTime lastShiftEnd = worker.shiftsOrEmpty().stream().map(WindowDoc::end).max(OffsetDateTime::compareTo).orElseThrow();
        int load = 0;
        OffsetDateTime tripDeparture = null;
        KitchenDoc tripKitchen = null;
        OffsetDateTime tripLoadStart = null;
        for (int i = 0; i < stops.size(); i++) {
            Stop stop = stops.get(i);
            String at = route.id() + " stop " + (i + 1) + " (" + stop.kind() + " " + stop.taskId() + ")";
            int stopPlace = placeOf(stop, worker);
            int expectedTravel = travel.seconds(worker.mode(), place, stopPlace);
            if (stop.travelSecondsFromPrevious() != expectedTravel) {
                violations.add(at + ": travel " + stop.travelSecondsFromPrevious() + " s, matrix says " + expectedTravel);
            }
            if (!stop.arrival().isEqual(clock.plusSeconds(expectedTravel))) {
                violations.add(at + ": arrival " + stop.arrival() + " != previous end " + clock + " + " + expectedTravel + " s");
            }
            if (stop.start().isBefore(stop.arrival())) {
                violations.add(at + ": starts before arriving");
            }
            switch (stop.kind()) {
                case KITCHEN -> {
                    KitchenDoc kitchen = kitchen(stop.kitchenId());
                    tripLoadStart = stop.start();
                    expectDuration(at, stop, kitchen.loadingMinutesOrDefault() * 60L);
                    load = stop.loadAfter();
                    if (load > worker.capacityBoxesOrZero()) {
                        violations.add(at + ": loads " + load + " boxes, capacity " + worker.capacityBoxesOrZero());
                    }
                    tripDeparture = stop.end();
                    tripKitchen = kitchen;
                }
                case DELIVERY -> {
                    DeliveryDoc d = delivery(stop.taskId());
                    claim(stop.taskId(), route.id(), servedBy);
                    expectDuration(at, stop, d.handoverMinutesOrDefault() * 60L);
                    inWindow(at, stop, d.windowsOrEmpty());
                    if (tripKitchen == null || !tripKitchen.id().equals(d.kitchenId())) {
                        violations.add(at + ": delivered without loading at its kitchen first");
                    } else {
                        OffsetDateTime ready = tripKitchen.batchesOrEmpty().stream()
                                .filter(b -> d.batchId() == null || b.id().equals(d.batchId()))
                                .findFirst().orElseThrow().readyAt();
                        if (tripLoadStart.isBefore(ready)) {
                            violations.add(at + ": loaded at " + tripLoadStart + " before its batch was ready at " + ready);
                        }
                        long hot = Duration.between(tripDeparture, stop.start()).toSeconds();
                        if (hot > tripKitchen.maxMinutesFromKitchenOrDefault() * 60L) {
                            violations.add(at + ": handed over " + hot / 60 + " min after leaving the kitchen");
                        }
                    }
                    load -= d.boxesOrOne();
                    if (load < 0 || stop.loadAfter() != load) {
                        violations.add(at + ": load after is " + stop.loadAfter() + ", recomputed " + load);
                    }
                }
                case VISIT -> {
                    VisitDoc v = visit(stop.taskId());
                    claim(stop.taskId(), route.id(), servedBy);
                    visitStarts.put(stop.taskId(), stop.start());
                    expectDuration(at, stop, v.durationMinutes() * 60L);
                    inWindow(at, stop, v.windowsOrEmpty());
                    checkQualified(at, worker, v, !stop.taskId().equals(v.id()));
                    tripKitchen = null;   // a visit ends the trip
                }
                case END -> {
                    if (i != stops.size() - 1) {
                        violations.add(at + ": END is not the last stop");
                    }
                    if (stop.arrival().isAfter(lastShiftEnd)) {
                        violations.add(at + ": back at " + stop.arrival() + ", after the shift ends " + lastShiftEnd);
                    }
                    if (worker.maxHoursPerDay() != null
                            && Duration.between(route.departure(), stop.arrival()).toSeconds() > worker.maxHoursPerDay() * 3600) {
                        violations.add(at + ": works longer than the volunteer's " + worker.maxHoursPerDay() + " h");
                    }
                }
            }
            if (worker.maxKmFromHome() != null && (stop.kind() == StopKind.DELIVERY || stop.kind() == StopKind.VISIT)) {
                int metres = travel.metres(worker.mode(), places.workerEnd(worker.id()), stopPlace);
                if (metres > worker.maxKmFromHome() * 1000) {
                    violations.add(at + ": " + metres + " m from the volunteer's home, more than " + worker.maxKmFromHome() + " km");
                }
            }
            if (stop.kind() == StopKind.DELIVERY || stop.kind() == StopKind.VISIT) {
                boolean insideShift = worker.shiftsOrEmpty().stream().anyMatch(s ->
                        !stop.start().isBefore(s.start()) && !stop.end().isAfter(s.end()));
                if (!insideShift) {
                    violations.add(at + ": service " + stop.start() + "–" + stop.end() + " is outside the shifts");
                }
            }
            clock = stop.end();
            place = stopPlace;
        }
        if (stops.get(stops.size() - 1).kind() != StopKind.END) {
            violations.add(route.id() + ": route does not end at the END stop");
        }
    }

    private void checkQualified(String at, WorkerDoc worker, VisitDoc visit, boolean secondWorker) {
        for (String skill : visit.requiredSkillsOrEmpty()) {
            boolean valid = worker.skillsOrEmpty().stream()
                    .anyMatch(s -> s.skill().equals(skill) && s.validOn(problem.date()));
            if (!valid) {
                violations.add(at + ": " + worker.id() + " has no valid " + skill);
            }
        }
        ElderDoc elder = problem.eldersOrEmpty().stream().filter(e -> e.id().equals(visit.elderId())).findFirst().orElseThrow();
        if (visit.type().isPersonalCare() && elder.requiredWorkerGender() != null
                && !elder.requiredWorkerGender().equals(worker.gender())) {
            violations.add(at + ": elder asked for gender " + elder.requiredWorkerGender());
        }
        if (elder.refusedWorkersOrEmpty().contains(worker.id())) {
            violations.add(at + ": elder refused " + worker.id());
        }
        if (!secondWorker && visit.pinnedWorkerId() != null && !visit.pinnedWorkerId().equals(worker.id())) {
            violations.add(at + ": pinned to " + visit.pinnedWorkerId());
        }
    }

    private void expectDuration(String at, Stop stop, long seconds) {
        if (Duration.between(stop.start(), stop.end()).toSeconds() != seconds) {
            violations.add(at + ": lasts " + Duration.between(stop.start(), stop.end()).toSeconds() + " s, expected " + seconds);
        }
    }

    private void inWindow(String at, Stop stop, List<WindowDoc> windows) {
        boolean inside = windows.stream().anyMatch(w -> !stop.start().isBefore(w.start()) && !stop.start().isAfter(w.end()));
        if (!inside) {
            violations.add(at + ": starts " + stop.start() + " outside its windows");
        }
    }

    private void claim(String taskId, String workerId, Map<String, String> servedBy) {
        String previous = servedBy.put(taskId, workerId);
        if (previous != null) {
            violations.add(taskId + " is served twice, by " + previous + " and " + workerId);
        }
    }

    private int placeOf(Stop stop, WorkerDoc worker) {
        return switch (stop.kind()) {
            case KITCHEN -> places.kitchen(stop.kitchenId());
            case DELIVERY -> places.elder(delivery(stop.taskId()).elderId());
            case VISIT -> places.elder(visit(stop.taskId()).elderId());
            case END -> places.workerEnd(worker.id());
        };
    }

    private KitchenDoc kitchen(String id) {
        return problem.kitchensOrEmpty().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
    }

    private DeliveryDoc delivery(String id) {
        return problem.deliveriesOrEmpty().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    /** The visit of a task id; {@code V3#2} is the second worker's part of two-worker visit {@code V3}. */
    private VisitDoc visit(String id) {
        return problem.visitsOrEmpty().stream()
                .filter(v -> v.id().equals(id) || v.needsTwoWorkers() && VisitDoc.secondPartId(v.id()).equals(id))
                .findFirst().orElseThrow();
    }
}
