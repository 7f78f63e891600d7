package io.careroute.data.week;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.KitchenDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.WindowDoc;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.data.registry.CarePlanDoc;
import io.careroute.data.registry.MealSubscription;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryKitchen;
import io.careroute.data.registry.RegistryWorker;
import io.careroute.data.registry.TimeOfDayWindow;
import io.careroute.data.registry.WeekDay;

/**
 * One date of a (validated) register as an ordinary day's problem, without planning a week around it: what
 * {@code careroute plan --demo} plans. The date's meals (every subscription owed that date), the workers on duty
 * (their weekly shifts that weekday less their leave), the kitchens' batches cooked that weekday, and the care visits
 * that the register's <b>standing rota</b> ({@link #rota}) puts on that date. Ids are those of a published week's
 * day ({@code S1@date}, {@code CP1@date}), so a register day and the same date of a planned week name the same
 * tasks alike.
 *
 * <p>Only a week plan chooses the best days for a care plan's visits, weighing every day's load; a single day cannot.
 * Its rota is the plain, repeatable answer instead: in each calendar week (Monday to Sunday) a care plan's
 * {@code timesPerWeek} visits are spread evenly over its allowed days, at least {@code minDaysApart} apart, starting
 * from a day picked by the plan's id so that a street's weekly plans do not all fall on the same weekday. Weekly
 * caps (volunteers' hours, contract hours) are the week's to charge; a day keeps its daily limits.
 */
public final class RegisterDay {

    /** How far ahead {@link #firstWithService} looks: two weeks cover any weekly pattern and a week's leave. */
    private static final int LOOK_AHEAD_DAYS = 14;

    private RegisterDay() {
    }

    /** The register's day on {@code date}: a problem with its date's workers, meals and rota visits. */
    public static ProblemDocument of(RegistryDocument registry, LocalDate date) {
        ZoneId zone = ZoneId.of(registry.timeZoneOrDefault());
        WeekDay weekDay = WeekDay.of(date);
        List<WorkerDoc> workers = new ArrayList<>();
        for (RegistryWorker worker : registry.workersOrEmpty()) {
            List<WindowDoc> shifts = Availability.shifts(worker, date, zone);
            if (!shifts.isEmpty()) {
                // Certificates keep their expiry: the day's model checks them against its date and says why.
                workers.add(new WorkerDoc(worker.id(), worker.role(), worker.mode(), worker.gender(), worker.start(),
                        worker.end(), shifts, worker.capacityBoxes(), worker.skills(), worker.costPerHour(),
                        worker.maxHoursPerDay(), worker.maxKmFromHome()));
            }
        }
        List<KitchenDoc> kitchens = new ArrayList<>();
        for (RegistryKitchen kitchen : registry.kitchensOrEmpty()) {
            List<KitchenDoc.BatchDoc> batches = new ArrayList<>();
            for (RegistryKitchen.Batch batch : kitchen.batchesOrEmpty()) {
                if (batch.daysOrEmpty().contains(weekDay)) {
                    batches.add(new KitchenDoc.BatchDoc(batch.id(), at(date, batch.readyTime(), zone), batch.boxes()));
                }
            }
            if (!batches.isEmpty()) {
                kitchens.add(new KitchenDoc(kitchen.id(), kitchen.location(), kitchen.loadingMinutes(),
                        kitchen.maxMinutesFromKitchen(), batches));
            }
        }
        List<DeliveryDoc> deliveries = new ArrayList<>();
        for (MealSubscription s : registry.mealSubscriptionsOrEmpty()) {
            if (s.owedOn(date)) {
                deliveries.add(new DeliveryDoc(s.id() + "@" + date, s.elderId(), s.kitchenId(),
                        WeekExpansion.batchOf(registry, s), s.boxes(), List.of(window(date, s.window(), zone)),
                        s.handoverMinutes()));
            }
        }
        List<VisitDoc> visits = new ArrayList<>();
        for (CarePlanDoc plan : registry.carePlansOrEmpty()) {
            if (rota(plan, date).contains(date)) {
                visits.add(new VisitDoc(CareVisit.dayTaskId(plan.id(), date), plan.elderId(), plan.type(),
                        plan.requiredSkills(), plan.durationMinutes(), List.of(window(date, plan.window(), zone)),
                        plan.priority(), false, plan.workersNeeded(), null));
            }
        }
        Set<String> served = new HashSet<>();
        deliveries.forEach(d -> served.add(d.elderId()));
        visits.forEach(v -> served.add(v.elderId()));
        Set<String> onDuty = new HashSet<>();
        workers.forEach(w -> onDuty.add(w.id()));
        List<ElderDoc> elders = WeekSplit.eldersServed(registry, served, onDuty);
        return new ProblemDocument(date, registry.timeZoneOrDefault(), registry.coordinateSystem(), kitchens, elders,
                workers, deliveries, visits);
    }

    /** Whether anybody works on {@code date}: a weekly shift that weekday not wholly taken by leave. */
    public static boolean anyoneOnDuty(RegistryDocument registry, LocalDate date) {
        ZoneId zone = ZoneId.of(registry.timeZoneOrDefault());
        return registry.workersOrEmpty().stream().anyMatch(w -> !Availability.shifts(w, date, zone).isEmpty());
    }

    /** {@code date} or the first date after it on which anybody works, looking two weeks ahead; empty if none. */
    public static Optional<LocalDate> firstWithService(RegistryDocument registry, LocalDate date) {
        for (int day = 0; day <= LOOK_AHEAD_DAYS; day++) {
            if (anyoneOnDuty(registry, date.plusDays(day))) {
                return Optional.of(date.plusDays(day));
            }
        }
        return Optional.empty();
    }

    /**
     * The dates of the calendar week (Monday to Sunday) of {@code date} on which the standing rota puts a care plan's
     * visits: as many as the week owes ({@code timesPerWeek}, pro rata in a week its from/until cuts short) and its
     * allowed days and spacing can hold, spread evenly over the allowed days from an offset picked by the plan's id;
     * the first spread that keeps {@code minDaysApart} also from one week to the next, else the first that keeps it
     * within the week, else the earliest dates that do.
     */
    public static List<LocalDate> rota(CarePlanDoc plan, LocalDate date) {
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<LocalDate> week = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            week.add(monday.plusDays(day));
        }
        List<LocalDate> allowed = week.stream()
                .filter(d -> plan.daysOrAll().contains(WeekDay.of(d)) && plan.activeOn(d)).toList();
        int apart = plan.minDaysApartOrDefault();
        int visits = Math.min(CareFrequency.owedInBlock(plan, week), CareFrequency.mostThatFit(allowed, apart));
        if (visits <= 0) {
            return List.of();
        }
        int size = allowed.size();
        int start = Math.floorMod(plan.id() == null ? 0 : plan.id().hashCode(), size);
        List<LocalDate> withinWeek = null;
        for (int shift = 0; shift < size; shift++) {
            TreeSet<Integer> picked = new TreeSet<>();
            for (int k = 0; k < visits; k++) {
                picked.add((start + shift + (int) Math.round((double) k * size / visits)) % size);
            }
            List<LocalDate> dates = picked.stream().map(allowed::get).toList();
            if (dates.size() < visits || !spaced(dates, apart)) {
                continue;
            }
            // The same rota next week: its first visit must also be far enough from this week's last.
            if (ChronoUnit.DAYS.between(dates.get(dates.size() - 1), dates.get(0).plusDays(7)) >= apart) {
                return dates;
            }
            if (withinWeek == null) {
                withinWeek = dates;
            }
        }
        return withinWeek != null ? withinWeek : earliest(allowed, apart, visits);
    }

    private static boolean spaced(List<LocalDate> dates, int apart) {
        for (int i = 1; i < dates.size(); i++) {
            if (ChronoUnit.DAYS.between(dates.get(i - 1), dates.get(i)) < apart) {
                return false;
            }
        }
        return true;
    }

    private static List<LocalDate> earliest(List<LocalDate> allowed, int apart, int visits) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate date : allowed) {
            if (dates.size() < visits && (dates.isEmpty()
                    || ChronoUnit.DAYS.between(dates.get(dates.size() - 1), date) >= apart)) {
                dates.add(date);
            }
        }
        return dates;
    }

    private static OffsetDateTime at(LocalDate date, LocalTime time, ZoneId zone) {
        return date.atTime(time).atZone(zone).toOffsetDateTime();
    }

    private static WindowDoc window(LocalDate date, TimeOfDayWindow window, ZoneId zone) {
        return new WindowDoc(at(date, window.start(), zone), at(date, window.end(), zone));
    }
}
