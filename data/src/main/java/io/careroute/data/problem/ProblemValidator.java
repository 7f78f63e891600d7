package io.careroute.data.problem;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.careroute.solver.domain.CareConstraint;

/**
 * Checks a problem document before anything is planned: every required field present, every id unique, every
 * reference resolving, every window the right way round. Collects all errors rather than stopping at the first,
 * and never repairs anything. (Whether homes lie on the road network is checked when they are snapped.)
 */
public final class ProblemValidator {

    private final FieldChecks checks = new FieldChecks();

    private ProblemValidator() {
    }

    /** @throws InvalidInputException listing every problem found */
    public static void validate(ProblemDocument problem) {
        List<InputError> errors = check(problem);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public static List<InputError> check(ProblemDocument problem) {
        ProblemValidator validator = new ProblemValidator();
        validator.checkProblem(problem);
        return validator.checks.errors();
    }

    private void checkProblem(ProblemDocument p) {
        required("date", p.date());
        if (p.timeZone() != null) {
            try {
                ZoneId.of(p.timeZone());
            } catch (DateTimeException e) {
                error("timeZone", "error.timeZone", p.timeZone());
            }
        }
        if (p.workersOrEmpty().isEmpty()) {
            error("workers", "error.notEmpty");
        }
        Map<String, KitchenDoc> kitchens = checkKitchens(p.kitchensOrEmpty());
        Set<String> elders = checkElders(p.eldersOrEmpty());
        Set<String> workers = checkWorkers(p.workersOrEmpty());
        checkElderReferences(p.eldersOrEmpty(), workers);
        checkDeliveries(p.deliveriesOrEmpty(), elders, kitchens);
        checkVisits(p.visitsOrEmpty(), elders, workers);
        checkWeights(p.weightsOrEmpty());
        PinChecks.check(checks, p);
    }

    /** A misspelt constraint would otherwise keep its default weight without anyone noticing. */
    private void checkWeights(Map<String, String> weights) {
        weights.forEach((key, value) -> {
            String at = "weights." + key;
            CareConstraint constraint = CareConstraint.byConfigKey(key);
            if (constraint == null) {
                error(at, "error.unknownConstraint", CareConstraint.configKeys());
                return;
            }
            try {
                constraint.parseWeight(value);
            } catch (IllegalArgumentException e) {
                error(at, "error.weight", value);
            }
        });
    }

    private Map<String, KitchenDoc> checkKitchens(List<KitchenDoc> kitchens) {
        Map<String, KitchenDoc> byId = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < kitchens.size(); i++) {
            String at = "kitchens[" + i + "]";
            KitchenDoc k = kitchens.get(i);
            if (k == null) {
                error(at, "error.required");
                continue;
            }
            if (uniqueId(at, k.id(), ids)) {
                byId.put(k.id(), k);
            }
            location(at + ".location", k.location());
            nonNegative(at + ".loadingMinutes", k.loadingMinutes(), 240);
            if (k.maxMinutesFromKitchen() != null) {
                range(at + ".maxMinutesFromKitchen", k.maxMinutesFromKitchen(), 1, 480);
            }
            Set<String> batchIds = new HashSet<>();
            if (k.batchesOrEmpty().isEmpty()) {
                error(at + ".batches", "error.notEmpty");
            }
            for (int b = 0; b < k.batchesOrEmpty().size(); b++) {
                String bat = at + ".batches[" + b + "]";
                KitchenDoc.BatchDoc batch = k.batchesOrEmpty().get(b);
                if (batch == null) {
                    error(bat, "error.required");
                    continue;
                }
                uniqueId(bat, batch.id(), batchIds);
                required(bat + ".readyAt", batch.readyAt());
                if (batch.boxes() != null) {
                    range(bat + ".boxes", batch.boxes(), 0, 100_000);
                }
            }
        }
        return byId;
    }

    private Set<String> checkElders(List<ElderDoc> elders) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < elders.size(); i++) {
            String at = "elders[" + i + "]";
            ElderDoc e = elders.get(i);
            if (e == null) {
                error(at, "error.required");
                continue;
            }
            uniqueId(at, e.id(), ids);
            location(at + ".location", e.location());
            gender(at + ".requiredWorkerGender", e.requiredWorkerGender());
        }
        return ids;
    }

    private void checkElderReferences(List<ElderDoc> elders, Set<String> workers) {
        for (int i = 0; i < elders.size(); i++) {
            ElderDoc e = elders.get(i);
            if (e == null) {
                continue;
            }
            references("elders[" + i + "].preferredWorkers", e.preferredWorkersOrEmpty(), workers, "kind.worker");
            references("elders[" + i + "].refusedWorkers", e.refusedWorkersOrEmpty(), workers, "kind.worker");
        }
    }

    private Set<String> checkWorkers(List<WorkerDoc> workers) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < workers.size(); i++) {
            String at = "workers[" + i + "]";
            WorkerDoc w = workers.get(i);
            if (w == null) {
                error(at, "error.required");
                continue;
            }
            uniqueId(at, w.id(), ids);
            required(at + ".mode", w.mode());
            location(at + ".start", w.start());
            if (w.end() != null) {
                location(at + ".end", w.end());
            }
            gender(at + ".gender", w.gender());
            if (w.shiftsOrEmpty().isEmpty()) {
                error(at + ".shifts", "error.notEmpty");
            }
            windows(at + ".shifts", w.shiftsOrEmpty());
            if (w.capacityBoxes() != null) {
                range(at + ".capacityBoxes", w.capacityBoxes(), 0, 1000);
            }
            positive(at + ".maxHoursPerDay", w.maxHoursPerDay(), 24);
            positive(at + ".maxKmFromHome", w.maxKmFromHome(), 100);
            for (int s = 0; s < w.skillsOrEmpty().size(); s++) {
                WorkerDoc.SkillDoc skill = w.skillsOrEmpty().get(s);
                if (skill == null || skill.skill() == null || skill.skill().isBlank()) {
                    error(at + ".skills[" + s + "].skill", "error.required");
                }
            }
        }
        return ids;
    }

    private void checkDeliveries(List<DeliveryDoc> deliveries, Set<String> elders, Map<String, KitchenDoc> kitchens) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < deliveries.size(); i++) {
            String at = "deliveries[" + i + "]";
            DeliveryDoc d = deliveries.get(i);
            if (d == null) {
                error(at, "error.required");
                continue;
            }
            uniqueId(at, d.id(), ids);
            reference(at + ".elderId", d.elderId(), elders, "kind.elder");
            if (reference(at + ".kitchenId", d.kitchenId(), kitchens.keySet(), "kind.kitchen")) {
                KitchenDoc kitchen = kitchens.get(d.kitchenId());
                List<KitchenDoc.BatchDoc> batches = kitchen.batchesOrEmpty();
                if (d.batchId() == null && batches.size() > 1) {
                    error(at + ".batchId", "error.batchNeeded", d.kitchenId(), batches.size());
                } else if (d.batchId() != null && batches.stream().noneMatch(b -> b != null && d.batchId().equals(b.id()))) {
                    error(at + ".batchId", "error.unknownBatch", d.kitchenId(), d.batchId());
                }
            }
            if (d.boxes() != null) {
                range(at + ".boxes", d.boxes(), 1, 100);
            }
            nonNegative(at + ".handoverMinutes", d.handoverMinutes(), 120);
            if (d.windowsOrEmpty().isEmpty()) {
                error(at + ".windows", "error.notEmpty");
            }
            windows(at + ".windows", d.windowsOrEmpty());
        }
    }

    private void checkVisits(List<VisitDoc> visits, Set<String> elders, Set<String> workers) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < visits.size(); i++) {
            String at = "visits[" + i + "]";
            VisitDoc v = visits.get(i);
            if (v == null) {
                error(at, "error.required");
                continue;
            }
            uniqueId(at, v.id(), ids);
            reference(at + ".elderId", v.elderId(), elders, "kind.elder");
            required(at + ".type", v.type());
            if (required(at + ".durationMinutes", v.durationMinutes())) {
                range(at + ".durationMinutes", v.durationMinutes(), 1, 12 * 60);
            }
            if (v.priority() != null) {
                range(at + ".priority", v.priority(), 1, 5);
            }
            if (v.workersNeeded() != null && (v.workersNeeded() < 1 || v.workersNeeded() > 2)) {
                error(at + ".workersNeeded", "error.twoWorkers", v.workersNeeded());
            }
            if (v.pinnedWorkerId() != null) {
                reference(at + ".pinnedWorkerId", v.pinnedWorkerId(), workers, "kind.worker");
            }
            if (v.windowsOrEmpty().isEmpty()) {
                error(at + ".windows", "error.notEmpty");
            }
            windows(at + ".windows", v.windowsOrEmpty());
        }
        // The second worker of a two-worker visit V3 is planned as task "V3#2": no other visit may hold that id.
        for (int i = 0; i < visits.size(); i++) {
            VisitDoc v = visits.get(i);
            if (v != null && v.id() != null && v.needsTwoWorkers() && ids.contains(VisitDoc.secondPartId(v.id()))) {
                error("visits[" + i + "].id", "error.duplicateId", VisitDoc.secondPartId(v.id()));
            }
        }
    }

    // ---- building blocks ----

    private boolean uniqueId(String at, String id, Set<String> seen) {
        return checks.uniqueId(at, id, seen);
    }

    private boolean reference(String at, String id, Set<String> known, String kindKey) {
        return checks.reference(at, id, known, kindKey);
    }

    private void references(String at, List<String> ids, Set<String> known, String kindKey) {
        checks.references(at, ids, known, kindKey);
    }

    private void location(String at, LocationDoc location) {
        if (!required(at, location)) {
            return;
        }
        boolean lat = required(at + ".lat", location.lat());
        boolean lon = required(at + ".lon", location.lon());
        if (lat && !Double.isFinite(location.lat()) || lon && !Double.isFinite(location.lon())) {
            error(at, "error.notFinite");
            return;
        }
        if (lat && Math.abs(location.lat()) > 90) {
            error(at + ".lat", "error.latitude");
        }
        if (lon && Math.abs(location.lon()) > 180) {
            error(at + ".lon", "error.longitude");
        }
    }

    private void windows(String at, List<WindowDoc> windows) {
        for (int i = 0; i < windows.size(); i++) {
            String w = at + "[" + i + "]";
            WindowDoc window = windows.get(i);
            if (!required(w, window)) {
                continue;
            }
            boolean start = required(w + ".start", window.start());
            boolean end = required(w + ".end", window.end());
            if (start && end && window.end().isBefore(window.start())) {
                error(w + ".end", "error.windowOrder", window.start(), window.end());
            }
        }
    }

    private void gender(String at, String gender) {
        if (gender != null && !gender.equals("F") && !gender.equals("M")) {
            error(at, "error.gender", gender);
        }
    }

    private void nonNegative(String at, Integer value, int max) {
        if (value != null) {
            range(at, value, 0, max);
        }
    }

    private void positive(String at, Double value, double max) {
        checks.positive(at, value, max);
    }

    private void range(String at, int value, int min, int max) {
        checks.range(at, value, min, max);
    }

    private boolean required(String at, Object value) {
        return checks.required(at, value);
    }

    private void error(String field, String key, Object... args) {
        checks.error(field, key, args);
    }
}
