package io.careroute.data.replan;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.careroute.data.problem.PublishedTask;
import io.careroute.data.i18n.Text;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanDocument.Stop;
import io.careroute.data.plan.PlanDocument.StopKind;
import io.careroute.data.plan.PlanDocument.WorkerRoute;
import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.PinDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.WindowDoc;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.data.replan.EventsDocument.Event;
import io.careroute.data.problem.PublishedTask;

/**
 * Turns a published plan and the day's events into the open problem to re-plan.
 *
 * <p>Freezing is done by cutting, not pinning: every stop that started before {@code at} is frozen, and so is the
 * rest of a meal trip under way (its boxes are on that carrier's bike). Frozen stops leave the problem; each worker
 * starts again where their last frozen stop is, when it ends (plus any reported delay). A worker who became
 * unavailable keeps only the shifts before that time. Tasks the published plan left unassigned are not
 * reopened: a re-plan repairs the published plan, it does not redo it.
 */
public final class ReplanPreparation {

    private final ProblemDocument problem;
    private final PlanDocument published;
    private final EventsDocument events;
    private final List<InputError> errors = new ArrayList<>();

    private ReplanPreparation(ProblemDocument problem, PlanDocument published, EventsDocument events) {
        this.problem = problem;
        this.published = published;
        this.events = events;
    }

    public static PreparedReplan prepare(ProblemDocument problem, PlanDocument published, EventsDocument events) {
        return new ReplanPreparation(problem, published, events).prepare();
    }

    private PreparedReplan prepare() {
        if (events == null || events.at() == null) {
            throw new InvalidInputException(List.of(new InputError("at", Text.of("error.required"))));
        }
        OffsetDateTime at = events.at();
        Set<String> workerIds = new HashSet<>();
        problem.workersOrEmpty().forEach(w -> workerIds.add(w.id()));
        Set<String> taskIds = new HashSet<>();
        problem.deliveriesOrEmpty().forEach(d -> taskIds.add(d.id()));
        problem.visitsOrEmpty().forEach(v -> taskIds.add(v.id()));

        List<VisitDoc> newVisits = new ArrayList<>();
        Set<String> cancelled = new HashSet<>();
        Set<String> done = new HashSet<>();
        Map<String, Integer> delayMinutes = new HashMap<>();
        Map<String, OffsetDateTime> unavailableFrom = new HashMap<>();
        Map<String, Integer> pinEvents = new LinkedHashMap<>();     // visit id -> index of its (last) PIN event
        Map<String, String> pins = new HashMap<>();                 // visit id -> worker id
        Set<String> visitIds = new HashSet<>();
        problem.visitsOrEmpty().forEach(v -> visitIds.add(v.id()));
        List<Event> list = events.eventsOrEmpty();
        for (int i = 0; i < list.size(); i++) {
            String at_ = "events[" + i + "]";
            Event e = list.get(i);
            if (e == null || e.type() == null) {
                errors.add(new InputError(at_ + ".type", Text.of("error.required")));
                continue;
            }
            switch (e.type()) {
                case NEW_VISIT -> {
                    if (e.visit() == null) {
                        errors.add(new InputError(at_ + ".visit", Text.of("error.required")));
                    } else if (e.visit().id() != null && !taskIds.add(e.visit().id())) {
                        errors.add(new InputError(at_ + ".visit.id", Text.of("error.duplicateId", e.visit().id())));
                    } else {
                        newVisits.add(e.visit());
                        visitIds.add(e.visit().id());
                    }
                }
                case WORKER_UNAVAILABLE -> {
                    if (knownWorker(at_, e.workerId(), workerIds)) {
                        unavailableFrom.put(e.workerId(), e.from() != null ? e.from() : at);
                    }
                }
                case DELAY -> {
                    if (knownWorker(at_, e.workerId(), workerIds)) {
                        if (e.minutes() == null || e.minutes() < 0 || e.minutes() > 24 * 60) {
                            errors.add(new InputError(at_ + ".minutes", Text.of("error.range",
                                    e.minutes() == null ? "null" : e.minutes(), 0, 24 * 60)));
                        } else {
                            delayMinutes.merge(e.workerId(), e.minutes(), Integer::sum);
                        }
                    }
                }
                // A two-worker visit's parts go together: either part's id (the records' "V3#2") stands for the visit.
                case CANCEL -> {
                    String visit = e.taskId() == null ? null : visitOf(e.taskId());
                    if (knownTask(at_, visit, taskIds)) {
                        cancelled.addAll(withSecondPart(visit));
                    }
                }
                case DONE -> {
                    String visit = e.taskId() == null ? null : visitOf(e.taskId());
                    if (knownTask(at_, visit, taskIds)) {
                        done.addAll(withSecondPart(visit));
                    }
                }
                case PIN -> {
                    boolean worker = knownWorker(at_, e.workerId(), workerIds);
                    if (knownTask(at_, e.taskId(), taskIds) && worker) {
                        if (!visitIds.contains(e.taskId())) {
                            errors.add(new InputError(at_ + ".taskId", Text.of("error.pinVisitOnly", e.taskId())));
                        } else {
                            pins.put(e.taskId(), e.workerId());
                            pinEvents.put(e.taskId(), i);
                        }
                    }
                }
            }
        }
        // Bad events are reported together with bad pins (which need the frozen part), all in one answer.

        Map<String, List<Stop>> frozen = new LinkedHashMap<>();
        Set<String> finished = new HashSet<>();
        Set<String> frozenTasks = new HashSet<>();
        Map<String, List<String>> warm = new LinkedHashMap<>();
        Map<String, PublishedTask> publishedTasks = new HashMap<>();
        Map<String, WorkerRoute> routes = new HashMap<>();
        published.workers().forEach(r -> routes.put(r.id(), r));

        Map<String, Integer> cuts = new HashMap<>();
        for (WorkerDoc worker : problem.workersOrEmpty()) {
            WorkerRoute route = routes.get(worker.id());
            cuts.put(worker.id(), route == null ? 0
                    : frozenPrefix(route.stops(), route.departure(), at, done, unavailableFrom.get(worker.id())));
        }
        freezeBothParts(routes, cuts);

        List<WorkerDoc> openWorkers = new ArrayList<>();
        for (WorkerDoc worker : problem.workersOrEmpty()) {
            WorkerRoute route = routes.get(worker.id());
            List<Stop> stops = route == null ? List.of() : route.stops();
            int cut = cuts.get(worker.id());
            List<Stop> frozenPart = List.copyOf(stops.subList(0, cut));
            frozen.put(worker.id(), frozenPart);
            frozenPart.stream().filter(s -> s.taskId() != null).forEach(s -> frozenTasks.add(s.taskId()));
            if (!frozenPart.isEmpty() && frozenPart.get(frozenPart.size() - 1).kind() == StopKind.END) {
                finished.add(worker.id());
                continue;
            }
            List<String> open = new ArrayList<>();
            for (Stop stop : stops.subList(cut, stops.size())) {
                if (stop.taskId() != null && !cancelled.contains(stop.taskId()) && !done.contains(stop.taskId())) {
                    open.add(stop.taskId());
                    publishedTasks.put(stop.taskId(), new PublishedTask(worker.id(), stop.start()));
                }
            }
            WorkerDoc reopened = reopen(worker, frozenPart, at, delayMinutes.getOrDefault(worker.id(), 0),
                    unavailableFrom.get(worker.id()));
            if (reopened != null) {
                openWorkers.add(reopened);
                warm.put(worker.id(), open);
            }
        }
        checkPins(pins, pinEvents, frozenTasks, done, openWorkers);
        // Tasks the published plan left unassigned stay as published (with their reasons): a same-day re-plan
        // must not pull the published routes apart to fit in work that was already known not to fit. A visit the
        // dispatcher pins to a worker is the exception: they asked for it to be served.
        published.tasks().stream().filter(t -> t.assignedTo() == null).map(PlanDocument.TaskOutcome::id)
                .filter(id -> !cancelled.contains(id) && !pins.containsKey(visitOf(id)))
                .forEach(id -> frozenTasks.addAll(withSecondPart(visitOf(id))));

        Set<String> gone = new HashSet<>(cancelled);
        List<DeliveryDoc> allDeliveries = problem.deliveriesOrEmpty().stream().filter(d -> !gone.contains(d.id())).toList();
        List<VisitDoc> allVisits = new ArrayList<>(problem.visitsOrEmpty().stream().filter(v -> !gone.contains(v.id())).toList());
        allVisits.addAll(newVisits);
        allVisits.replaceAll(v -> pins.containsKey(v.id()) ? withPin(v, pins.get(v.id())) : v);
        // The day's pins keep their worker (a PIN event replaces a task's pin). Their places and times are not carried:
        // the frozen part moves every position, and a published start already costs to change.
        List<PinDoc> dayPins = problem.pinsOrEmpty().stream()
                .filter(pin -> pin != null && !pins.containsKey(pin.taskId()))
                .map(pin -> new PinDoc(pin.taskId(), pin.workerId(), null, null)).toList();
        ProblemDocument full = new ProblemDocument(problem.date(), problem.timeZone(), problem.coordinateSystem(),
                problem.kitchens(), problem.elders(), problem.workers(), allDeliveries, allVisits, problem.weights(),
                dayPins);

        Set<String> closed = new HashSet<>(frozenTasks);
        closed.addAll(done);
        Set<String> present = new HashSet<>();
        openWorkers.forEach(w -> present.add(w.id()));
        ProblemDocument open = new ProblemDocument(problem.date(), problem.timeZone(), problem.coordinateSystem(),
                problem.kitchens(), withWorkers(problem.eldersOrEmpty(), present), openWorkers,
                allDeliveries.stream().filter(d -> !closed.contains(d.id())).toList(),
                allVisits.stream().filter(v -> !closed.contains(v.id())).map(v -> withoutAbsentPin(v, present)).toList(),
                problem.weights(), dayPins.stream()
                        .filter(pin -> !closed.contains(pin.taskId()) && present.contains(pin.workerId())).toList());
        Set<String> frozenOrDone = new HashSet<>(frozenTasks);
        frozenOrDone.addAll(done);
        return new PreparedReplan(full, open, published, frozen, finished, warm, publishedTasks, frozenOrDone);
    }

    /** A visit's task ids: its own and, for a two-worker visit, its second worker's part too. */
    private List<String> withSecondPart(String visitId) {
        boolean two = problem.visitsOrEmpty().stream().anyMatch(v -> v.id().equals(visitId) && v.needsTwoWorkers());
        return two ? List.of(visitId, VisitDoc.secondPartId(visitId)) : List.of(visitId);
    }

    /** The visit a task id belongs to ({@code V3#2} → {@code V3}). */
    private String visitOf(String taskId) {
        if (taskId.endsWith(VisitDoc.SECOND_PART_SUFFIX)) {
            String visit = taskId.substring(0, taskId.length() - VisitDoc.SECOND_PART_SUFFIX.length());
            if (problem.visitsOrEmpty().stream().anyMatch(v -> v.id().equals(visit) && v.needsTwoWorkers())) {
                return visit;
            }
        }
        return taskId;
    }

    /**
     * Both workers of a two-worker visit start it together, so if one of them is frozen at it (started, or on the
     * way), so is the other: the cut of the partner's route is extended to the visit, and the rule is applied
     * again until no cut moves (an extension can reach another two-worker visit).
     */
    private void freezeBothParts(Map<String, WorkerRoute> routes, Map<String, Integer> cuts) {
        Map<String, String> workerOf = new HashMap<>();
        Map<String, Integer> indexOf = new HashMap<>();
        for (WorkerRoute route : routes.values()) {
            for (int i = 0; i < route.stops().size(); i++) {
                String id = route.stops().get(i).taskId();
                if (id != null) {
                    workerOf.put(id, route.id());
                    indexOf.put(id, i);
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (VisitDoc visit : problem.visitsOrEmpty()) {
                if (!visit.needsTwoWorkers()) {
                    continue;
                }
                List<String> parts = List.of(visit.id(), VisitDoc.secondPartId(visit.id()));
                boolean anyFrozen = parts.stream().anyMatch(id -> workerOf.containsKey(id) && cuts.containsKey(workerOf.get(id))
                        && indexOf.get(id) < cuts.get(workerOf.get(id)));
                for (String id : parts) {
                    String worker = workerOf.get(id);
                    if (anyFrozen && worker != null && cuts.containsKey(worker) && indexOf.get(id) >= cuts.get(worker)) {
                        List<Stop> stops = routes.get(worker).stops();
                        int cut = indexOf.get(id) + 1;
                        if (cut == stops.size() - 1 && stops.get(cut).kind() == StopKind.END) {
                            cut++;   // nothing left but the way home
                        }
                        cuts.put(worker, cut);
                        changed = true;
                    }
                }
            }
        }
    }

    /** Elders' preferences and refusals name only workers still in the open problem (the others cannot come anyway). */
    private static List<io.careroute.data.problem.ElderDoc> withWorkers(List<io.careroute.data.problem.ElderDoc> elders,
                                                                      Set<String> present) {
        return elders.stream().map(e -> new io.careroute.data.problem.ElderDoc(e.id(), e.location(), e.name(), e.phone(),
                e.address(), e.priorityClass(), e.requiredWorkerGender(),
                e.preferredWorkersOrEmpty().stream().filter(present::contains).toList(),
                e.refusedWorkersOrEmpty().stream().filter(present::contains).toList())).toList();
    }

    /**
     * A pin can only move what has not started, to a worker who still has shift time after {@code at}. Then
     * refuses the events if any was bad (these or the ones found earlier), all in one answer.
     */
    private void checkPins(Map<String, String> pins, Map<String, Integer> pinEvents, Set<String> frozenTasks,
                           Set<String> done, List<WorkerDoc> openWorkers) {
        Set<String> open = new HashSet<>();
        openWorkers.forEach(w -> open.add(w.id()));
        pinEvents.forEach((taskId, index) -> {
            String at = "events[" + index + "]";
            if (withSecondPart(taskId).stream().anyMatch(id -> frozenTasks.contains(id) || done.contains(id))) {
                errors.add(new InputError(at + ".taskId", Text.of("error.pinStarted", taskId)));
            } else if (!open.contains(pins.get(taskId))) {
                errors.add(new InputError(at + ".workerId", Text.of("error.pinWorkerGone", pins.get(taskId))));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static VisitDoc withPin(VisitDoc v, String workerId) {
        return new VisitDoc(v.id(), v.elderId(), v.type(), v.requiredSkills(), v.durationMinutes(), v.windows(),
                v.priority(), v.urgent(), v.workersNeeded(), workerId);
    }

    /** A pin to a worker who is no longer available cannot be kept: the visit is planned like any other. */
    private static VisitDoc withoutAbsentPin(VisitDoc v, Set<String> present) {
        if (v.pinnedWorkerId() == null || present.contains(v.pinnedWorkerId())) {
            return v;
        }
        return new VisitDoc(v.id(), v.elderId(), v.type(), v.requiredSkills(), v.durationMinutes(), v.windows(),
                v.priority(), v.urgent(), v.workersNeeded(), null);
    }

    /** How many leading stops of a published route are frozen at {@code at}. */
    static int frozenPrefix(List<Stop> stops, OffsetDateTime departure, OffsetDateTime at, Set<String> done,
                            OffsetDateTime unavailableFrom) {
        int cut = 0;
        for (int i = 0; i < stops.size(); i++) {
            Stop stop = stops.get(i);
            boolean started = stop.kind() != StopKind.END && stop.start().isBefore(at);
            boolean reportedDone = stop.taskId() != null && done.contains(stop.taskId());
            if (started || reportedDone) {
                cut = i + 1;
            }
        }
        // A worker who has already set off for the next stop (or is waiting at its door) goes on there: in the
        // published plan they left the previous place when it ended. Re-routing them mid-way would make the
        // rest of their published route late.
        OffsetDateTime leftAt = cut == 0 ? departure : stops.get(cut - 1).end();
        // Not so for a worker who drops out before that stop would start: they will not be there to do it.
        if (cut < stops.size() && stops.get(cut).kind() != StopKind.END && leftAt != null && !leftAt.isAfter(at)
                && (unavailableFrom == null || stops.get(cut).start().isBefore(unavailableFrom))) {
            cut++;
        }
        // A meal trip that has left the kitchen finishes as published: its boxes are on this carrier. Unless the
        // carrier drops out: the doors of the trip they will not reach are open again (the kitchen sends them anew).
        while (cut > 0 && cut < stops.size() && stops.get(cut).kind() == StopKind.DELIVERY
                && (stops.get(cut - 1).kind() == StopKind.DELIVERY || stops.get(cut - 1).kind() == StopKind.KITCHEN)
                && (unavailableFrom == null || stops.get(cut).start().isBefore(unavailableFrom))) {
            cut++;
        }
        // Nothing left but the way home: the worker's day is done.
        if (cut == stops.size() - 1 && cut > 0 && stops.get(cut).kind() == StopKind.END) {
            cut++;
        }
        return cut;
    }

    /** The worker as they are now: at their last frozen stop, free from its end (or from now), until unavailable. */
    private static WorkerDoc reopen(WorkerDoc worker, List<Stop> frozen, OffsetDateTime at, int delayMinutes,
                                    OffsetDateTime unavailableFrom) {
        OffsetDateTime free = at;
        LocationDoc place = worker.start();
        if (!frozen.isEmpty()) {
            Stop last = frozen.get(frozen.size() - 1);
            place = last.location();
            if (last.end().isAfter(free)) {
                free = last.end();
            }
        }
        free = free.plusMinutes(delayMinutes);
        List<WindowDoc> shifts = new ArrayList<>();
        for (WindowDoc shift : worker.shiftsOrEmpty()) {
            OffsetDateTime start = shift.start().isBefore(free) ? free : shift.start();
            OffsetDateTime end = unavailableFrom != null && unavailableFrom.isBefore(shift.end()) ? unavailableFrom : shift.end();
            if (start.isBefore(end)) {
                shifts.add(new WindowDoc(start, end));
            }
        }
        if (shifts.isEmpty()) {
            return null;
        }
        Double hours = worker.maxHoursPerDay();
        if (hours != null && !frozen.isEmpty()) {
            // A volunteer's cap counts the hours already given today.
            double worked = Duration.between(frozen.get(0).arrival().minusSeconds(frozen.get(0).travelSecondsFromPrevious()),
                    frozen.get(frozen.size() - 1).end()).toSeconds() / 3600.0;
            hours = hours - worked;
            if (hours * 3600 < 1) {
                // Used up: the rest of the day has no room for them. (A cap of 0 would read as "no cap".)
                return null;
            }
        }
        return new WorkerDoc(worker.id(), worker.role(), worker.mode(), worker.gender(), place, worker.endOrStart(),
                shifts, worker.capacityBoxes(), worker.skills(), worker.costPerHour(), hours, worker.maxKmFromHome());
    }

    private boolean knownWorker(String at, String workerId, Set<String> workers) {
        if (workerId == null) {
            errors.add(new InputError(at + ".workerId", Text.of("error.required")));
            return false;
        }
        if (!workers.contains(workerId)) {
            errors.add(new InputError(at + ".workerId", Text.of("error.unknownReference", Text.of("kind.worker"), workerId)));
            return false;
        }
        return true;
    }

    private boolean knownTask(String at, String taskId, Set<String> tasks) {
        if (taskId == null) {
            errors.add(new InputError(at + ".taskId", Text.of("error.required")));
            return false;
        }
        if (!tasks.contains(taskId)) {
            errors.add(new InputError(at + ".taskId", Text.of("error.unknownReference", Text.of("kind.task"), taskId)));
            return false;
        }
        return true;
    }
}
