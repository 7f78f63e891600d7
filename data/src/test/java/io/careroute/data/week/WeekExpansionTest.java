package io.careroute.data.week;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.VisitType;
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
import io.careroute.solver.domain.TravelMode;
import org.junit.jupiter.api.Test;

/** What the register owes on each date of a horizon, worked out by hand. */
class WeekExpansionTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    static final LocationDoc HERE = new LocationDoc(31.2335, 121.4713);
    static final List<WeekDay> WEEKDAYS = List.of(WeekDay.MON, WeekDay.TUE, WeekDay.WED, WeekDay.THU, WeekDay.FRI);

    static RegistryDocument registry(List<CarePlanDoc> plans) {
        RegistryWorker worker = new RegistryWorker("W1", WorkerRole.CARE_WORKER, TravelMode.EBIKE, null, HERE, null,
                List.of(new RegistryWorker.WeeklyShift(WEEKDAYS, LocalTime.of(8, 0), LocalTime.of(16, 0))),
                // Away on Wednesday from 10:00 to 12:00: that day's shift is cut in two.
                List.of(new RegistryWorker.Absence(OffsetDateTime.parse("2026-12-02T10:00:00+08:00"),
                        OffsetDateTime.parse("2026-12-02T12:00:00+08:00"))),
                null, null, null, null, 8.0, null, null);
        MealSubscription lunch = new MealSubscription("S1", "E1", "K1", "K1-LUNCH", 1, WEEKDAYS,
                new TimeOfDayWindow(LocalTime.of(11, 0), LocalTime.of(12, 0)), 2, null, LocalDate.of(2026, 12, 3),
                List.of(LocalDate.of(2026, 12, 1)));
        RegistryKitchen kitchen = new RegistryKitchen("K1", HERE, 5, 45, List.of(new RegistryKitchen.Batch("K1-LUNCH",
                LocalTime.of(10, 40), 100, WEEKDAYS)));
        RegistryElder elder = new RegistryElder("E1", HERE, null, null, null, null, null, null, null, null, "W1", null);
        return new RegistryDocument(null, null, List.of(kitchen), List.of(elder), List.of(worker), List.of(lunch),
                plans);
    }

    static CarePlanDoc checkIns(LocalDate from) {
        return new CarePlanDoc("CP1", "E1", VisitType.CHECK_IN, null, 30, 2, 2, WEEKDAYS,
                new TimeOfDayWindow(LocalTime.of(9, 0), LocalTime.of(11, 0)), 1, 3, from, null);
    }

    @Test
    void workersMealsAndCareVisitsByDate() {
        HorizonProblem week = WeekExpansion.expand(registry(List.of(checkIns(null))), new WeekRequest(MONDAY, 7));
        // A route per weekday; none at the weekend.
        assertThat(week.problem().workers()).extracting(WorkerDoc::id).containsExactly("W1@2026-11-30",
                "W1@2026-12-01", "W1@2026-12-02", "W1@2026-12-03", "W1@2026-12-04");
        assertThat(week.problem().workers().get(2).shifts()).hasSize(2);
        // Lunch owed Monday and Wednesday (Tuesday skipped, until Thursday included) and Thursday.
        assertThat(week.problem().deliveries()).extracting(DeliveryDoc::id)
                .containsExactly("S1@2026-11-30", "S1@2026-12-02", "S1@2026-12-03");
        assertThat(week.problem().deliveries().get(0).batchId()).isEqualTo("K1-LUNCH@2026-11-30");
        // Two check-ins, each free to take any weekday of the week.
        assertThat(week.careVisits()).containsOnlyKeys("CP1:w1:1", "CP1:w1:2");
        assertThat(week.careVisits().get("CP1:w1:1").dates()).hasSize(5);
        assertThat(week.problem().visits().get(0).windows()).hasSize(5);
        assertThat(week.owed()).containsEntry("CP1", 2);
        // The paired worker is preferred on each of their days.
        assertThat(week.problem().elders().get(0).preferredWorkers()).hasSize(5);
    }

    /** The register lets a subscription leave out the batch of a one-batch kitchen: it is that batch on every date. */
    @Test
    void aSubscriptionWithoutABatchTakesTheKitchensOnlyBatchOnEachDate() {
        RegistryDocument base = registry(List.of());
        MealSubscription s = base.mealSubscriptions().get(0);
        RegistryDocument noBatch = new RegistryDocument(null, null, base.kitchens(), base.elders(), base.workers(),
                List.of(new MealSubscription(s.id(), s.elderId(), s.kitchenId(), null, s.boxes(), s.days(), s.window(),
                        s.handoverMinutes(), s.from(), s.until(), s.skipDates())), List.of());
        HorizonProblem week = WeekExpansion.expand(noBatch, new WeekRequest(MONDAY, 7));
        assertThat(week.problem().deliveries()).extracting(DeliveryDoc::batchId)
                .containsExactly("K1-LUNCH@2026-11-30", "K1-LUNCH@2026-12-02", "K1-LUNCH@2026-12-03");
        assertThat(io.careroute.data.problem.ProblemValidator.check(week.problem())).isEmpty();
    }

    @Test
    void aCarePlanStartingMidWeekOwesItsShareAndTheRegisterNamesHorizonErrors() {
        // In force from Thursday: 4 of 7 days, twice a week → round(8/7) = 1 visit, on Thursday or Friday.
        HorizonProblem week = WeekExpansion.expand(registry(List.of(checkIns(LocalDate.of(2026, 12, 3)))),
                new WeekRequest(MONDAY, 7));
        assertThat(week.owed()).containsEntry("CP1", 1);
        assertThat(week.careVisits().get("CP1:w1:1").dates()).containsExactly(LocalDate.of(2026, 12, 3),
                LocalDate.of(2026, 12, 4));
        assertThat(week.toRegistry("workers[3].shifts[0].end")).isEqualTo("workers[0].weeklyShifts.end");
        assertThat(week.toRegistry("deliveries[2].windows[0].start")).isEqualTo("mealSubscriptions[0].window.start");
        assertThat(week.toRegistry("visits[0].durationMinutes")).isEqualTo("carePlans[0].durationMinutes");
        assertThat(week.toRegistry("elders[0].location")).isEqualTo("elders[0].location");
    }

    @Test
    void aCertificateCountsOnlyOnTheDatesItIsValid() {
        RegistryDocument base = registry(List.of(checkIns(null)));
        RegistryWorker w = base.workers().get(0);
        RegistryWorker certified = new RegistryWorker(w.id(), w.role(), w.mode(), w.gender(), w.start(), w.end(),
                w.weeklyShifts(), w.absences(), w.capacityBoxes(),
                List.of(new WorkerDoc.SkillDoc("BATHING", LocalDate.of(2026, 12, 2))), w.costPerHour(),
                w.maxHoursPerDay(), w.maxHoursPerWeek(), w.contractHoursPerWeek(), w.maxKmFromHome());
        RegistryDocument registry = new RegistryDocument(null, null, base.kitchens(), base.elders(),
                List.of(certified), base.mealSubscriptions(), base.carePlans());
        HorizonProblem week = WeekExpansion.expand(registry, new WeekRequest(MONDAY, 7));
        // Valid through Wednesday 2 December, lapsed on Thursday and Friday.
        assertThat(week.problem().workers()).extracting(worker -> worker.skills().size())
                .containsExactly(1, 1, 1, 0, 0);
    }
}
