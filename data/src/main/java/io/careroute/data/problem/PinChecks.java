package io.careroute.data.problem;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Refuses a pin that cannot hold before anything is planned, each error at its field ({@code pins[2].workerId}):
 * an unknown task or worker, a worker who may not serve the task (skills valid on the day, the elder's gender rule
 * for personal care, a refusal, boxes beyond capacity), a place or time that does not fit (positions of a worker not
 * 1..k, a start outside the task's windows or the worker's shifts, or earlier than the stop pinned before it).
 * The search keeps what passes ({@code PinnedMoveFilter}); what would not hold must not reach it.
 */
final class PinChecks {

    private final FieldChecks checks;
    private final ProblemDocument problem;

    private PinChecks(FieldChecks checks, ProblemDocument problem) {
        this.checks = checks;
        this.problem = problem;
    }

    static void check(FieldChecks checks, ProblemDocument problem) {
        new PinChecks(checks, problem).check();
    }

    private void check() {
        List<PinDoc> pins = problem.pinsOrEmpty();
        Map<String, DeliveryDoc> deliveries = new HashMap<>();
        problem.deliveriesOrEmpty().stream().filter(d -> d != null && d.id() != null).forEach(d -> deliveries.put(d.id(), d));
        Map<String, VisitDoc> visits = new HashMap<>();
        problem.visitsOrEmpty().stream().filter(v -> v != null && v.id() != null).forEach(v -> visits.put(v.id(), v));
        Map<String, WorkerDoc> workers = new HashMap<>();
        problem.workersOrEmpty().stream().filter(w -> w != null && w.id() != null).forEach(w -> workers.put(w.id(), w));
        Map<String, ElderDoc> elders = new HashMap<>();
        problem.eldersOrEmpty().stream().filter(e -> e != null && e.id() != null).forEach(e -> elders.put(e.id(), e));
        Set<String> tasks = new HashSet<>(deliveries.keySet());
        tasks.addAll(visits.keySet());

        Set<String> pinned = new HashSet<>();
        // worker id -> position -> index of the pin, to check that each worker's positions are 1..k
        Map<String, TreeMap<Integer, Integer>> positions = new HashMap<>();
        for (int i = 0; i < pins.size(); i++) {
            String at = "pins[" + i + "]";
            PinDoc pin = pins.get(i);
            if (pin == null) {
                checks.error(at, "error.required");
                continue;
            }
            boolean taskKnown = checks.reference(at + ".taskId", pin.taskId(), tasks, "kind.task");
            boolean workerKnown = checks.reference(at + ".workerId", pin.workerId(), workers.keySet(), "kind.worker");
            if (taskKnown && !pinned.add(pin.taskId())) {
                checks.error(at + ".taskId", "error.pinTwice", pin.taskId());
            }
            if (!taskKnown || !workerKnown) {
                continue;
            }
            WorkerDoc worker = workers.get(pin.workerId());
            DeliveryDoc delivery = deliveries.get(pin.taskId());
            VisitDoc visit = visits.get(pin.taskId());
            String elderId = delivery != null ? delivery.elderId() : visit.elderId();
            ElderDoc elder = elders.get(elderId);
            String why = unqualified(worker, delivery, visit, elder);
            if (why != null) {
                checks.error(at + ".workerId", why, pin.workerId(), pin.taskId());
            }
            if (visit != null && visit.pinnedWorkerId() != null && !visit.pinnedWorkerId().equals(pin.workerId())) {
                checks.error(at + ".workerId", "error.pinConflict", pin.taskId(), visit.pinnedWorkerId());
            }
            if (pin.position() != null) {
                if (visit != null && visit.needsTwoWorkers()) {
                    checks.error(at + ".position", "error.pinPlaceTwoWorkers", pin.taskId());
                } else if (pin.position() < 1) {
                    checks.error(at + ".position", "error.pinPosition", pin.position());
                } else if (positions.computeIfAbsent(pin.workerId(), w -> new TreeMap<>()).put(pin.position(), i) != null) {
                    checks.error(at + ".position", "error.pinPositionTaken", pin.workerId(), pin.position());
                }
            }
            if (pin.start() != null) {
                checkStart(at, pin, worker, delivery, visit);
            }
        }
        positions.forEach((workerId, byPosition) -> {
            int expected = 1;
            OffsetDateTime lastStart = null;
            for (Map.Entry<Integer, Integer> entry : byPosition.entrySet()) {
                int index = entry.getValue();
                if (entry.getKey() != expected) {
                    checks.error("pins[" + index + "].position", "error.pinPositionGap", workerId, expected);
                    return;
                }
                expected++;
                OffsetDateTime start = pins.get(index).start();
                if (start != null && lastStart != null && start.isBefore(lastStart)) {
                    checks.error("pins[" + index + "].start", "error.pinStartOrder", workerId);
                }
                lastStart = start != null ? start : lastStart;
            }
        });
    }

    /** The message key of why the worker may not serve the task, or null when they may. */
    private String unqualified(WorkerDoc worker, DeliveryDoc delivery, VisitDoc visit, ElderDoc elder) {
        if (elder != null && elder.refusedWorkersOrEmpty().contains(worker.id())) {
            return "error.pinRefused";
        }
        if (delivery != null) {
            return delivery.boxesOrOne() > worker.capacityBoxesOrZero() ? "error.pinCapacity" : null;
        }
        Set<String> skills = new HashSet<>();
        for (WorkerDoc.SkillDoc skill : worker.skillsOrEmpty()) {
            if (skill != null && (problem.date() == null || skill.validOn(problem.date()))) {
                skills.add(skill.skill());
            }
        }
        if (!skills.containsAll(visit.requiredSkillsOrEmpty())) {
            return "error.pinSkills";
        }
        if (visit.type() != null && visit.type().isPersonalCare() && elder != null && elder.requiredWorkerGender() != null
                && !elder.requiredWorkerGender().equals(worker.gender())) {
            return "error.pinGender";
        }
        return null;
    }

    /** A pinned start needs a place, lies in one of the task's windows and, with its duration, in a shift. */
    private void checkStart(String at, PinDoc pin, WorkerDoc worker, DeliveryDoc delivery, VisitDoc visit) {
        if (pin.position() == null) {
            // Without a place, stops put before it could make it late: a time the search could not promise.
            checks.error(at + ".start", "error.pinStartNeedsPosition");
            return;
        }
        List<WindowDoc> windows = delivery != null ? delivery.windowsOrEmpty() : visit.windowsOrEmpty();
        boolean inWindow = windows.stream().anyMatch(w -> w != null && w.start() != null && w.end() != null
                && !pin.start().isBefore(w.start()) && !pin.start().isAfter(w.end()));
        if (!inWindow) {
            checks.error(at + ".start", "error.pinStartWindow", pin.taskId());
            return;
        }
        int minutes = delivery != null ? delivery.handoverMinutesOrDefault()
                : visit.durationMinutes() == null ? 0 : visit.durationMinutes();
        OffsetDateTime end = pin.start().plusMinutes(minutes);
        boolean inShift = worker.shiftsOrEmpty().stream().anyMatch(s -> s != null && s.start() != null && s.end() != null
                && !pin.start().isBefore(s.start()) && !end.isAfter(s.end()));
        if (!inShift) {
            checks.error(at + ".start", "error.pinStartShift", worker.id());
        }
    }
}
