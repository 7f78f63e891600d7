package io.careroute.data.demo;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.KitchenDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.VisitType;
import io.careroute.data.problem.WindowDoc;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.data.problem.WorkerRole;
import io.careroute.data.registry.CarePlanDoc;
import io.careroute.data.registry.MealSubscription;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryElder;
import io.careroute.data.registry.RegistryKitchen;
import io.careroute.data.registry.RegistryWorker;
import io.careroute.data.registry.TimeOfDayWindow;
import io.careroute.data.registry.WeekDay;

/**
 * The demo street as a register: its day's elders, workers and kitchen kept from week to week. Each visit of the day becomes a care plan of its kind (a check-in twice a week at least two days
 * apart, cleaning and errands weekly, a two-person bath on Fridays); meals and paid staff Monday to Friday, volunteers
 * Tuesday and Thursday with a weekly cap. Invented elders, as in the day.
 */
public final class DemoRegistry {

    private static final List<WeekDay> WEEKDAYS = List.of(WeekDay.MON, WeekDay.TUE, WeekDay.WED, WeekDay.THU,
            WeekDay.FRI);
    /** The street's carriers work weekdays, so meals are subscribed on weekdays (a weekend crew is a register edit). */
    private static final List<WeekDay> MEAL_DAYS = WEEKDAYS;

    private DemoRegistry() {
    }

    /** @param day a demo day ({@code DemoProblem.generate}): the register is what that day is one day of */
    public static RegistryDocument from(ProblemDocument day) {
        ZoneId zone = ZoneId.of(day.timeZoneOrDefault());
        List<RegistryKitchen> kitchens = new ArrayList<>();
        for (KitchenDoc k : day.kitchensOrEmpty()) {
            List<RegistryKitchen.Batch> batches = new ArrayList<>();
            for (KitchenDoc.BatchDoc b : k.batchesOrEmpty()) {
                batches.add(new RegistryKitchen.Batch(b.id(), clock(b.readyAt(), zone), b.boxes(), MEAL_DAYS));
            }
            kitchens.add(new RegistryKitchen(k.id(), k.location(), k.loadingMinutes(), k.maxMinutesFromKitchen(),
                    batches));
        }
        List<RegistryElder> elders = new ArrayList<>();
        for (ElderDoc e : day.eldersOrEmpty()) {
            elders.add(new RegistryElder(e.id(), e.location(), e.name(), e.phone(), e.address(), e.priorityClass(),
                    null, null, e.requiredWorkerGender(), e.preferredWorkers(), null, e.refusedWorkers()));
        }
        List<RegistryWorker> workers = new ArrayList<>();
        for (WorkerDoc w : day.workersOrEmpty()) {
            boolean volunteer = w.role() == WorkerRole.VOLUNTEER;
            List<RegistryWorker.WeeklyShift> shifts = new ArrayList<>();
            for (WindowDoc s : w.shiftsOrEmpty()) {
                shifts.add(new RegistryWorker.WeeklyShift(volunteer ? List.of(WeekDay.TUE, WeekDay.THU) : WEEKDAYS,
                        clock(s.start(), zone), clock(s.end(), zone)));
            }
            Double weekly = volunteer && w.maxHoursPerDay() != null ? w.maxHoursPerDay() * 1.5 : null;
            workers.add(new RegistryWorker(w.id(), w.role(), w.mode(), w.gender(), w.start(), w.end(), shifts,
                    null, w.capacityBoxes(), w.skills(), w.costPerHour(), w.maxHoursPerDay(), weekly,
                    volunteer ? null : 40.0, w.maxKmFromHome()));
        }
        List<MealSubscription> subscriptions = new ArrayList<>();
        for (DeliveryDoc d : day.deliveriesOrEmpty()) {
            WindowDoc window = d.windowsOrEmpty().get(0);
            subscriptions.add(new MealSubscription("S-" + d.id(), d.elderId(), d.kitchenId(), d.batchId(), d.boxes(),
                    MEAL_DAYS, new TimeOfDayWindow(clock(window.start(), zone), clock(window.end(), zone)),
                    d.handoverMinutes(), null, null, null));
        }
        List<CarePlanDoc> carePlans = new ArrayList<>();
        for (VisitDoc v : day.visitsOrEmpty()) {
            if (v.isUrgent()) {
                continue;   // an urgent visit is a call of the day, not a standing plan
            }
            WindowDoc window = v.windowsOrEmpty().get(0);
            boolean checkIn = v.type() == VisitType.CHECK_IN;
            List<WeekDay> days = v.needsTwoWorkers() ? List.of(WeekDay.FRI) : WEEKDAYS;
            carePlans.add(new CarePlanDoc("CP-" + v.id(), v.elderId(), v.type(), v.requiredSkills(),
                    v.durationMinutes(), checkIn ? 2 : 1, checkIn ? 2 : 1, days,
                    new TimeOfDayWindow(clock(window.start(), zone), clock(window.end(), zone)), v.workersNeeded(),
                    v.priority(), null, null));
        }
        return new RegistryDocument(day.timeZoneOrDefault(), day.coordinateSystem(), kitchens, elders, workers,
                subscriptions, carePlans);
    }

    private static LocalTime clock(java.time.OffsetDateTime time, ZoneId zone) {
        return time.atZoneSameInstant(zone).toLocalTime();
    }
}
