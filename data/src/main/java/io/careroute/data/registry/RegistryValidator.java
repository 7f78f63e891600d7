package io.careroute.data.registry;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.FieldChecks;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;

/**
 * Checks what only a register has: weekly patterns, subscriptions, care plans and their references. Everything a
 * day's problem has too (locations, modes, skills, genders...) is checked once the register is unfolded over the
 * horizon, by {@link io.careroute.data.problem.ProblemValidator}, and named back by register field
 * ({@link io.careroute.data.week.HorizonProblem#toRegistry}). Collects every error, repairs nothing.
 */
public final class RegistryValidator {

    private final FieldChecks checks = new FieldChecks();

    private RegistryValidator() {
    }

    /** @throws InvalidInputException listing every problem found */
    public static void validate(RegistryDocument registry) {
        List<InputError> errors = check(registry);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public static List<InputError> check(RegistryDocument registry) {
        RegistryValidator validator = new RegistryValidator();
        validator.checkRegistry(registry);
        return validator.checks.errors();
    }

    private void checkRegistry(RegistryDocument r) {
        Map<String, RegistryKitchen> kitchens = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < r.kitchensOrEmpty().size(); i++) {
            RegistryKitchen k = r.kitchensOrEmpty().get(i);
            String at = "kitchens[" + i + "]";
            if (k == null || !uniqueId(at, k.id(), ids)) {
                continue;
            }
            kitchens.put(k.id(), k);
            Set<String> batches = new HashSet<>();
            for (int b = 0; b < k.batchesOrEmpty().size(); b++) {
                RegistryKitchen.Batch batch = k.batchesOrEmpty().get(b);
                String bat = at + ".batches[" + b + "]";
                if (batch == null || !uniqueId(bat, batch.id(), batches)) {
                    continue;
                }
                required(bat + ".readyTime", batch.readyTime());
                days(bat + ".days", batch.days());
            }
        }
        Set<String> workers = new HashSet<>();
        for (int i = 0; i < r.workersOrEmpty().size(); i++) {
            RegistryWorker w = r.workersOrEmpty().get(i);
            String at = "workers[" + i + "]";
            if (w == null || !uniqueId(at, w.id(), workers)) {
                continue;
            }
            if (w.weeklyShiftsOrEmpty().isEmpty()) {
                error(at + ".weeklyShifts", "error.notEmpty");
            }
            for (int s = 0; s < w.weeklyShiftsOrEmpty().size(); s++) {
                RegistryWorker.WeeklyShift shift = w.weeklyShiftsOrEmpty().get(s);
                String sat = at + ".weeklyShifts[" + s + "]";
                if (!required(sat, shift)) {
                    continue;
                }
                days(sat + ".days", shift.days());
                clockWindow(sat, shift.start(), shift.end());
            }
            for (int a = 0; a < w.absencesOrEmpty().size(); a++) {
                RegistryWorker.Absence absence = w.absencesOrEmpty().get(a);
                String aat = at + ".absences[" + a + "]";
                if (required(aat, absence) && required(aat + ".start", absence.start())
                        && required(aat + ".end", absence.end()) && !absence.end().isAfter(absence.start())) {
                    error(aat + ".end", "error.windowOrder", absence.start(), absence.end());
                }
            }
            positive(at + ".maxHoursPerWeek", w.maxHoursPerWeek(), 168);
            positive(at + ".contractHoursPerWeek", w.contractHoursPerWeek(), 168);
        }
        Set<String> elders = new HashSet<>();
        for (int i = 0; i < r.eldersOrEmpty().size(); i++) {
            RegistryElder e = r.eldersOrEmpty().get(i);
            String at = "elders[" + i + "]";
            if (e == null || !uniqueId(at, e.id(), elders)) {
                continue;
            }
            if (e.careGrade() != null && (e.careGrade() < 1 || e.careGrade() > 6)) {
                error(at + ".careGrade", "error.range", e.careGrade(), 1, 6);
            }
            if (e.pairedWorker() != null) {
                reference(at + ".pairedWorker", e.pairedWorker(), workers, "kind.worker");
            }
            references(at + ".preferredWorkers", e.preferredWorkersOrEmpty(), workers);
            references(at + ".refusedWorkers", e.refusedWorkersOrEmpty(), workers);
        }
        checkSubscriptions(r.mealSubscriptionsOrEmpty(), elders, kitchens);
        checkCarePlans(r.carePlansOrEmpty(), elders);
    }

    private void checkSubscriptions(List<MealSubscription> subscriptions, Set<String> elders,
                                    Map<String, RegistryKitchen> kitchens) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < subscriptions.size(); i++) {
            MealSubscription s = subscriptions.get(i);
            String at = "mealSubscriptions[" + i + "]";
            if (s == null || !uniqueId(at, s.id(), ids)) {
                continue;
            }
            reference(at + ".elderId", s.elderId(), elders, "kind.elder");
            boolean daysGiven = days(at + ".days", s.days());
            if (required(at + ".window", s.window())) {
                clockWindow(at + ".window", s.window().start(), s.window().end());
            }
            if (s.boxes() != null && (s.boxes() < 1 || s.boxes() > 20)) {
                error(at + ".boxes", "error.range", s.boxes(), 1, 20);
            }
            dates(at, s.from(), s.until());
            if (!reference(at + ".kitchenId", s.kitchenId(), kitchens.keySet(), "kind.kitchen")) {
                continue;
            }
            RegistryKitchen kitchen = kitchens.get(s.kitchenId());
            RegistryKitchen.Batch batch = null;
            if (s.batchId() == null) {
                if (kitchen.batchesOrEmpty().size() == 1) {
                    batch = kitchen.batchesOrEmpty().get(0);
                } else {
                    error(at + ".batchId", "error.batchNeeded", kitchen.id(), kitchen.batchesOrEmpty().size());
                }
            } else {
                batch = kitchen.batchesOrEmpty().stream().filter(b -> b != null && s.batchId().equals(b.id()))
                        .findFirst().orElse(null);
                if (batch == null) {
                    error(at + ".batchId", "error.unknownBatch", kitchen.id(), s.batchId());
                }
            }
            if (batch != null && daysGiven) {
                // A meal owed on a day the kitchen does not cook it could never be delivered: an error, not a gap.
                List<Text> notCooked = new ArrayList<>();
                for (WeekDay day : s.daysOrEmpty()) {
                    if (!batch.daysOrEmpty().contains(day)) {
                        notCooked.add(Text.of("weekday." + day.name()));
                    }
                }
                if (!notCooked.isEmpty()) {
                    error(at + ".days", "error.batchNotCooked", batch.id(),
                            Text.joined(Text.of("reason.listSeparator"), notCooked));
                }
            }
        }
    }

    private void checkCarePlans(List<CarePlanDoc> plans, Set<String> elders) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < plans.size(); i++) {
            CarePlanDoc p = plans.get(i);
            String at = "carePlans[" + i + "]";
            if (p == null || !uniqueId(at, p.id(), ids)) {
                continue;
            }
            reference(at + ".elderId", p.elderId(), elders, "kind.elder");
            required(at + ".type", p.type());
            if (required(at + ".durationMinutes", p.durationMinutes())) {
                range(at + ".durationMinutes", p.durationMinutes(), 1, 480);
            }
            boolean frequency = required(at + ".timesPerWeek", p.timesPerWeek())
                    && range(at + ".timesPerWeek", p.timesPerWeek(), 1, 7);
            if (p.minDaysApart() != null) {
                frequency &= range(at + ".minDaysApart", p.minDaysApart(), 0, 6);
            }
            if (p.days() != null && p.days().isEmpty()) {
                error(at + ".days", "error.notEmpty");
                frequency = false;
            }
            if (required(at + ".window", p.window())) {
                clockWindow(at + ".window", p.window().start(), p.window().end());
            }
            if (p.workersNeeded() != null && p.workersNeeded() != 1 && p.workersNeeded() != 2) {
                error(at + ".workersNeeded", "error.twoWorkers", p.workersNeeded());
            }
            if (p.priority() != null) {
                range(at + ".priority", p.priority(), 1, 5);
            }
            dates(at, p.from(), p.until());
            if (frequency && p.timesPerWeek() > mostInAnyWeek(p)) {
                error(at + ".timesPerWeek", "error.frequency", p.timesPerWeek(), p.daysOrAll().size(),
                        p.minDaysApartOrDefault());
            }
            for (int j = 0; j < i; j++) {
                CarePlanDoc q = plans.get(j);
                if (q != null && q.id() != null && p.elderId() != null && p.elderId().equals(q.elderId())
                        && p.type() != null && p.type() == q.type() && overlap(p, q)) {
                    // Two plans owing the same kind of visit to one elder at once: which one counts is a guess.
                    error(at, "error.carePlanOverlap", q.id());
                }
            }
        }
    }

    /** The most visits that fit in 7 consecutive days at the plan's spacing, whichever weekday they start on. */
    private static int mostInAnyWeek(CarePlanDoc plan) {
        int most = 0;
        for (int start = 0; start < 7; start++) {
            int count = 0;
            int last = Integer.MIN_VALUE / 2;
            for (int d = 0; d < 7; d++) {
                WeekDay day = WeekDay.values()[(start + d) % 7];
                if (plan.daysOrAll().contains(day) && d - last >= plan.minDaysApartOrDefault()) {
                    count++;
                    last = d;
                }
            }
            most = Math.max(most, count);
        }
        return most;
    }

    private static boolean overlap(CarePlanDoc a, CarePlanDoc b) {
        LocalDate aFrom = a.from() == null ? LocalDate.MIN : a.from();
        LocalDate bFrom = b.from() == null ? LocalDate.MIN : b.from();
        LocalDate aUntil = a.until() == null ? LocalDate.MAX : a.until();
        LocalDate bUntil = b.until() == null ? LocalDate.MAX : b.until();
        return !aFrom.isAfter(bUntil) && !bFrom.isAfter(aUntil);
    }

    private boolean days(String at, List<WeekDay> days) {
        if (days == null || days.isEmpty()) {
            error(at, "error.notEmpty");
            return false;
        }
        for (int d = 0; d < days.size(); d++) {
            required(at + "[" + d + "]", days.get(d));
        }
        return days.stream().allMatch(java.util.Objects::nonNull);
    }

    private void clockWindow(String at, LocalTime start, LocalTime end) {
        if (required(at + ".start", start) && required(at + ".end", end) && !end.isAfter(start)) {
            error(at + ".end", "error.windowOrder", start, end);
        }
    }

    private void dates(String at, LocalDate from, LocalDate until) {
        if (from != null && until != null && until.isBefore(from)) {
            error(at + ".until", "error.dateOrder", from, until);
        }
    }

    private boolean uniqueId(String at, String id, Set<String> seen) {
        return checks.uniqueId(at, id, seen);
    }

    private boolean reference(String at, String id, Set<String> known, String kindKey) {
        return checks.reference(at, id, known, kindKey);
    }

    private void references(String at, List<String> ids, Set<String> workers) {
        checks.references(at, ids, workers, "kind.worker");
    }

    private void positive(String at, Double value, double max) {
        checks.positive(at, value, max);
    }

    private boolean range(String at, int value, int min, int max) {
        return checks.range(at, value, min, max);
    }

    private boolean required(String at, Object value) {
        return checks.required(at, value);
    }

    private void error(String field, String key, Object... args) {
        checks.error(field, key, args);
    }
}
