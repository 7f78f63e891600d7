package io.careroute.data.plan;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument.Blocked;
import io.careroute.data.plan.PlanDocument.ConstraintDetail;
import io.careroute.data.plan.PlanDocument.ConstraintLine;
import io.careroute.data.plan.PlanDocument.PlanTotals;
import io.careroute.data.plan.PlanDocument.RouteTotals;
import io.careroute.data.plan.PlanDocument.Stop;
import io.careroute.data.plan.PlanDocument.StopKind;
import io.careroute.data.plan.PlanDocument.TaskOutcome;
import io.careroute.data.plan.PlanDocument.WorkerRoute;
import io.careroute.data.problem.PlaceCatalogue;
import io.careroute.data.problem.PlanDay;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.WindowDoc;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.TimeWindow;
import io.careroute.solver.domain.TravelTimes;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.explain.ConstraintScore;
import io.careroute.solver.explain.UnassignedExplanation;
import io.careroute.solver.domain.ScheduledStop;

/** Writes a solved {@link CarePlan} as the {@code plan.json} document, stop by stop, in the problem's own terms. */
public final class PlanDocumentBuilder {

    private final ProblemDocument problem;
    private final PlaceCatalogue places;
    private final PlanDay day;
    private final Messages messages;

    public PlanDocumentBuilder(ProblemDocument problem, PlaceCatalogue places, Messages messages) {
        this.problem = problem;
        this.places = places;
        this.day = PlanDay.of(problem);
        this.messages = messages;
    }

    public PlanDocument build(CarePlan plan, List<UnassignedExplanation> explanations, List<ConstraintScore> breakdown) {
        TravelTimes travel = plan.getTravelTimes();
        List<WorkerRoute> routes = new ArrayList<>();
        long travelSeconds = 0;
        long travelMetres = 0;
        long waiting = 0;
        int used = 0;
        for (Worker worker : plan.getWorkers()) {
            if (worker.isUnassignedHolder()) {
                continue;
            }
            WorkerRoute route = route(worker, travel);
            routes.add(route);
            travelSeconds += route.totals().travelSeconds();
            travelMetres += route.totals().travelMetres();
            waiting += route.totals().waitingSeconds();
            used += route.totals().tasks() > 0 ? 1 : 0;
        }
        Map<String, UnassignedExplanation> why = new HashMap<>();
        explanations.forEach(e -> why.put(e.taskId(), e));
        List<TaskOutcome> tasks = plan.getTasks().stream().map(t -> outcome(t, why.get(t.getId()))).toList();
        int assigned = (int) plan.getTasks().stream().filter(Task::isAssigned).count();
        int deliveries = (int) plan.getTasks().stream().filter(Task::isDelivery).count();
        PlanTotals totals = new PlanTotals(plan.getTasks().size(), assigned, plan.getTasks().size() - assigned,
                deliveries, plan.getTasks().size() - deliveries, used, travelSeconds, travelMetres, waiting);
        return new PlanDocument(plan.getScore() == null ? null : plan.getScore().toString(),
                plan.getScore() != null && plan.getScore().isFeasible(),
                day.zone().getId(), problem.coordinateSystemOrDefault(), totals, routes, tasks,
                breakdown.stream().map(this::line).toList());
    }

    private WorkerRoute route(Worker worker, TravelTimes travel) {
        List<Stop> stops = new ArrayList<>();
        List<Task> tasks = worker.getTasks();
        int previousPlace = worker.getStartPlace();
        long travelSeconds = 0;
        long travelMetres = 0;
        long waiting = 0;
        int trips = 0;
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            ScheduledStop s = task.getSchedule();
            int tripTotal = s.tripLoad() + boxesLaterOnTrip(tasks, i);
            if (s.viaKitchen()) {
                trips++;
                int kitchenPlace = task.kitchen().place();
                int toKitchen = travel.seconds(worker.getMode(), previousPlace, kitchenPlace);
                int toKitchenMetres = travel.metres(worker.getMode(), previousPlace, kitchenPlace);
                int loadingStart = s.kitchenDeparture() - task.kitchen().loadingSeconds();
                stops.add(new Stop(StopKind.KITCHEN, null, task.kitchen().id(), places.place(kitchenPlace).location(),
                        toKitchen, toKitchenMetres, day.toTime(s.kitchenArrival()), day.toTime(loadingStart),
                        day.toTime(s.kitchenDeparture()), loadingStart - s.kitchenArrival(), tripTotal));
                waiting += loadingStart - s.kitchenArrival();
                previousPlace = kitchenPlace;
            }
            int legSeconds = travel.seconds(worker.getMode(), previousPlace, task.getPlace());
            int legMetres = travel.metres(worker.getMode(), previousPlace, task.getPlace());
            stops.add(new Stop(task.isDelivery() ? StopKind.DELIVERY : StopKind.VISIT, task.getId(),
                    task.isDelivery() ? task.kitchen().id() : null, places.place(task.getPlace()).location(),
                    legSeconds, legMetres, day.toTime(s.arrival()), day.toTime(s.start()), day.toTime(s.end()),
                    s.waitingSeconds(), task.isDelivery() ? tripTotal - s.tripLoad() : 0));
            travelSeconds += s.totalTravelSeconds();
            travelMetres += s.totalTravelMetres();
            waiting += s.waitingSeconds();
            previousPlace = task.getPlace();
        }
        if (!tasks.isEmpty()) {
            ScheduledStop last = tasks.get(tasks.size() - 1).getSchedule();
            stops.add(new Stop(StopKind.END, null, null, places.place(worker.getEndPlace()).location(),
                    last.returnTravelSeconds(), last.returnTravelMetres(), day.toTime(last.routeEnd()),
                    day.toTime(last.routeEnd()), day.toTime(last.routeEnd()), 0, 0));
        }
        List<WindowDoc> shifts = worker.getShifts().stream().map(this::window).toList();
        WindowDoc envelope = new WindowDoc(day.toTime(worker.shiftStart()), day.toTime(worker.shiftEnd()));
        RouteTotals totals = new RouteTotals(tasks.size(), trips, travelSeconds, travelMetres, waiting,
                tasks.isEmpty() ? null : day.toTime(tasks.get(tasks.size() - 1).getSchedule().routeEnd()));
        OffsetDateTime departure = tasks.isEmpty() ? null : day.toTime(tasks.get(0).getSchedule().routeDeparture());
        return new WorkerRoute(worker.getId(), worker.getMode(), worker.getCapacityBoxes(), envelope, shifts, departure,
                stops, totals);
    }

    /** Boxes still to be delivered on the same trip after position {@code index}. */
    private static int boxesLaterOnTrip(List<Task> tasks, int index) {
        int boxes = 0;
        for (int j = index + 1; j < tasks.size(); j++) {
            Task next = tasks.get(j);
            if (!next.isDelivery() || next.getSchedule().viaKitchen()) {
                break;
            }
            boxes += next.getBoxes();
        }
        return boxes;
    }

    private TaskOutcome outcome(Task task, UnassignedExplanation explanation) {
        List<Blocked> blocked = explanation == null ? List.of() : explanation.workersByBlocker().entrySet().stream()
                .map(e -> new Blocked(e.getKey().name(), e.getValue())).toList();
        return new TaskOutcome(task.getId(), task.getKind(), task.getElderId(),
                task.getWindows().stream().map(this::window).toList(), task.getServiceSeconds(),
                task.isDelivery() ? task.getBoxes() : null,
                task.isDelivery() ? task.kitchen().id() : null,
                task.isDelivery() ? task.kitchen().maxSecondsFromKitchen() / 60 : null,
                task.isAssigned() ? task.getWorker().getId() : null,
                explanation == null ? null : UnassignedReasonText.describe(task, explanation, messages, day),
                blocked, task.getVisitId(), task.isPairPart() ? task.getPart() : null,
                task.isPairPart() && task.getPartner().isAssigned() ? task.getPartner().getWorker().getId() : null);
    }

    private WindowDoc window(TimeWindow w) {
        return new WindowDoc(day.toTime(w.startSeconds()), day.toTime(w.endSeconds()));
    }

    private ConstraintLine line(ConstraintScore c) {
        String level = c.hard() != 0 ? "HARD" : c.medium() != 0 ? "MEDIUM" : c.soft() != 0 ? "SOFT" : "NONE";
        long score = c.hard() != 0 ? c.hard() : c.medium() != 0 ? c.medium() : c.soft();
        List<ConstraintDetail> details = c.justifications().stream()
                .map(j -> new ConstraintDetail(j.taskId(), j.workerId(), JustificationText.describe(j, messages)))
                .toList();
        return new ConstraintLine(c.name(), level, score, c.matchCount(), c.taskIds(), details);
    }
}
