package io.careroute.data.week;

import static io.careroute.data.week.WeekExpansionTest.MONDAY;
import static io.careroute.data.week.WeekExpansionTest.WEEKDAYS;
import static io.careroute.data.week.WeekExpansionTest.checkIns;
import static io.careroute.data.week.WeekExpansionTest.registry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.VisitType;
import io.careroute.data.registry.CarePlanDoc;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.TimeOfDayWindow;
import io.careroute.data.registry.WeekDay;
import org.junit.jupiter.api.Test;

/** A register's single date as a day's problem, and the standing rota that puts care visits on dates, by hand. */
class RegisterDayTest {

    static final LocalDate SATURDAY = MONDAY.plusDays(5);

    static CarePlanDoc weekly(String id, List<WeekDay> days) {
        return new CarePlanDoc(id, "E1", VisitType.CLEANING, null, 60, 1, 1, days,
                new TimeOfDayWindow(LocalTime.of(13, 30), LocalTime.of(16, 30)), 1, 2, null, null);
    }

    @Test
    void aWeekdayHasItsWorkersMealsAndKitchenBatchNamedAsAWeeksDay() {
        ProblemDocument monday = RegisterDay.of(registry(List.of()), MONDAY);
        assertThat(monday.date()).isEqualTo(MONDAY);
        assertThat(monday.workers()).extracting(w -> w.id()).containsExactly("W1");
        assertThat(monday.workers().get(0).shifts().get(0).start()).isEqualTo(OffsetDateTime.parse("2026-11-30T08:00:00+08:00"));
        assertThat(monday.deliveries()).extracting(DeliveryDoc::id).containsExactly("S1@2026-11-30");
        assertThat(monday.deliveries().get(0).batchId()).isEqualTo("K1-LUNCH");
        assertThat(monday.deliveries().get(0).windows().get(0).start())
                .isEqualTo(OffsetDateTime.parse("2026-11-30T11:00:00+08:00"));
        assertThat(monday.kitchens().get(0).batches().get(0).readyAt())
                .isEqualTo(OffsetDateTime.parse("2026-11-30T10:40:00+08:00"));
        // The elder served, with the paired worker on duty.
        assertThat(monday.elders()).extracting(e -> e.id()).containsExactly("E1");
        assertThat(monday.elders().get(0).preferredWorkers()).containsExactly("W1");
        // Tuesday's meal is skipped (a family visit) and Wednesday's shift is cut by two hours of leave.
        assertThat(RegisterDay.of(registry(List.of()), MONDAY.plusDays(1)).deliveries()).isEmpty();
        assertThat(RegisterDay.of(registry(List.of()), MONDAY.plusDays(2)).workers().get(0).shifts()).hasSize(2);
    }

    @Test
    void theWeekendHasNobodyOnDutyAndTheNextServiceDayIsMonday() {
        RegistryDocument registry = registry(List.of(checkIns(null)));
        assertThat(RegisterDay.anyoneOnDuty(registry, SATURDAY)).isFalse();
        ProblemDocument saturday = RegisterDay.of(registry, SATURDAY);
        assertThat(saturday.workers()).isEmpty();
        assertThat(saturday.deliveries()).isEmpty();
        assertThat(saturday.visits()).isEmpty();
        assertThat(saturday.elders()).as("no personal data of elders nobody serves").isEmpty();
        assertThat(RegisterDay.firstWithService(registry, SATURDAY)).contains(MONDAY.plusDays(7));
        assertThat(RegisterDay.firstWithService(registry, MONDAY)).contains(MONDAY);
        RegistryDocument nobody = new RegistryDocument(null, null, registry.kitchens(), registry.elders(), List.of(),
                registry.mealSubscriptions(), registry.carePlans());
        assertThat(RegisterDay.firstWithService(nobody, MONDAY)).isEmpty();
    }

    @Test
    void theRotaPutsAPlansWeeklyVisitsOnSpacedDatesAndEveryDayOfTheWeekAgrees() {
        RegistryDocument registry = registry(List.of(checkIns(null)));
        List<LocalDate> rota = RegisterDay.rota(checkIns(null), MONDAY.plusDays(3));
        assertThat(rota).hasSize(2).allSatisfy(d -> assertThat(WEEKDAYS).contains(WeekDay.of(d)));
        assertThat(ChronoUnit.DAYS.between(rota.get(0), rota.get(1))).isGreaterThanOrEqualTo(2);
        // Spaced from one week to the next as well.
        assertThat(ChronoUnit.DAYS.between(rota.get(1), rota.get(0).plusDays(7))).isGreaterThanOrEqualTo(2);
        // Every date of the week asks the same rota; the days' visits are exactly its dates.
        List<String> visits = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            assertThat(RegisterDay.rota(checkIns(null), MONDAY.plusDays(day))).isEqualTo(rota);
            RegisterDay.of(registry, MONDAY.plusDays(day)).visits().forEach(v -> visits.add(v.id()));
        }
        assertThat(visits).containsExactly("CP1@" + rota.get(0), "CP1@" + rota.get(1));
        VisitDoc visit = RegisterDay.of(registry, rota.get(0)).visits().get(0);
        assertThat(visit.windows()).hasSize(1);
        assertThat(visit.windows().get(0).start()).isEqualTo(rota.get(0).atTime(9, 0).atOffset(java.time.ZoneOffset.ofHours(8)));
        // The same plan next week falls on the same weekdays.
        assertThat(RegisterDay.rota(checkIns(null), MONDAY.plusDays(7))).containsExactly(rota.get(0).plusDays(7),
                rota.get(1).plusDays(7));
    }

    @Test
    void weeklyPlansSpreadOverTheWeekAndKeepTheirDays() {
        Set<LocalDate> used = new HashSet<>();
        for (int i = 1; i <= 12; i++) {
            List<LocalDate> rota = RegisterDay.rota(weekly("CP" + i, WEEKDAYS), MONDAY);
            assertThat(rota).hasSize(1);
            used.addAll(rota);
        }
        assertThat(used).as("not every weekly plan on the same day").hasSizeGreaterThanOrEqualTo(3);
        assertThat(RegisterDay.rota(weekly("CP-BATH", List.of(WeekDay.FRI)), MONDAY)).containsExactly(MONDAY.plusDays(4));
    }

    @Test
    void aPlanStartingMidweekOwesItsShareAndNothingBefore() {
        // From Thursday: 4 of 7 days in force, round(2 × 4/7) = 1 check-in, on Thursday or Friday.
        List<LocalDate> rota = RegisterDay.rota(checkIns(MONDAY.plusDays(3)), MONDAY);
        assertThat(rota).hasSize(1);
        assertThat(rota.get(0)).isAfterOrEqualTo(MONDAY.plusDays(3));
        assertThat(RegisterDay.rota(checkIns(MONDAY.plusDays(7)), MONDAY)).isEmpty();
    }

    @Test
    void aRegisterDaysMealsAndWorkersAreTheWeeksOfThatDate() {
        RegistryDocument registry = registry(List.of(checkIns(null)));
        HorizonProblem week = WeekExpansion.expand(registry, new WeekRequest(MONDAY, 7));
        for (int day = 0; day < 7; day++) {
            LocalDate date = MONDAY.plusDays(day);
            ProblemDocument single = RegisterDay.of(registry, date);
            assertThat(single.deliveries()).extracting(DeliveryDoc::id).as(date.toString()).isEqualTo(week.problem()
                    .deliveries().stream().map(DeliveryDoc::id).filter(id -> id.endsWith("@" + date)).toList());
            assertThat(single.workers()).extracting(w -> w.id() + "@" + date).as(date.toString())
                    .isEqualTo(week.workerDays().values().stream().filter(w -> w.date().equals(date))
                            .map(WorkerDay::id).toList());
        }
    }
}
