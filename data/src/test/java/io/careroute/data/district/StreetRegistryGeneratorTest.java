package io.careroute.data.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.careroute.data.problem.WorkerRole;
import io.careroute.data.registry.CarePlanDoc;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryValidator;
import io.careroute.data.registry.RegistryWorker;
import io.careroute.data.registry.WeekDay;
import org.junit.jupiter.api.Test;

class StreetRegistryGeneratorTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    /** A grid of road points around People's Square, 50 m apart. */
    static List<double[]> roads() {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 30; j++) {
                points.add(new double[] {31.228 + i * 0.00045, 121.468 + j * 0.00053});
            }
        }
        return points;
    }

    static RegistryDocument street(long seed) {
        return new StreetRegistryGenerator(seed, MONDAY, roads()).generate(StreetRegistryGenerator.Size.STREET_WEEK);
    }

    @Test
    void theStreetWeekHasIssue14sSizesAndIsAValidRegister() {
        RegistryDocument r = street(StreetRegistryGenerator.DEFAULT_SEED);
        assertThat(RegistryValidator.check(r)).isEmpty();
        assertThat(r.eldersOrEmpty()).hasSize(400);
        assertThat(r.workersOrEmpty()).hasSize(60);
        assertThat(r.mealSubscriptionsOrEmpty()).hasSize(250);
        assertThat(r.kitchensOrEmpty()).hasSize(1);
        assertThat(r.kitchensOrEmpty().get(0).batchesOrEmpty().get(0).daysOrEmpty()).hasSize(6);
        int owed = r.carePlansOrEmpty().stream().mapToInt(CarePlanDoc::timesPerWeek).sum();
        System.out.println("STREET_WEEK owed care visits: " + owed);
        assertThat(owed).isBetween(1400, 1650);
        assertThat(r.carePlansOrEmpty()).anyMatch(p -> p.workersNeeded() == 2)
                .anyMatch(p -> p.timesPerWeek() == 2 && p.minDaysApart() == 2)
                .anyMatch(p -> p.timesPerWeek() == 7);
        assertThat(r.workersOrEmpty()).anyMatch(w -> w.role() == WorkerRole.VOLUNTEER && w.maxHoursPerWeek() != null);
        assertThat(r.eldersOrEmpty()).anyMatch(e -> e.classesOrEmpty().size() >= 2).anyMatch(e -> e.careGrade() != null);

        // Capacity allows: the owed service minutes (a two-worker visit twice) are well under the carers' shifts.
        long serviceMinutes = r.carePlansOrEmpty().stream()
                .mapToLong(p -> (long) p.timesPerWeek() * p.durationMinutes() * p.workersNeeded()).sum();
        long shiftMinutes = 0;
        for (RegistryWorker w : r.workersOrEmpty()) {
            if (w.role() == WorkerRole.CARE_WORKER) {
                for (RegistryWorker.WeeklyShift s : w.weeklyShiftsOrEmpty()) {
                    shiftMinutes += Duration.between(s.start(), s.end()).toMinutes() * s.daysOrEmpty().size();
                }
            }
        }
        assertThat((double) serviceMinutes / shiftMinutes).as("service %d of %d shift minutes", serviceMinutes, shiftMinutes)
                .isLessThan(0.75);
        // Weekdays alone: care visits that may only fall Monday–Friday fit the weekday shifts.
        assertThat(r.carePlansOrEmpty().stream().filter(p -> !p.daysOrAll().contains(WeekDay.SAT)).count()).isPositive();
    }

    @Test
    void theSameSeedGivesTheSameRegister() {
        assertThat(street(7)).isEqualTo(street(7));
        assertThat(street(8)).isNotEqualTo(street(7));
    }

    @Test
    void theDistrictKitchenWeekIsValid() {
        RegistryDocument r = new StreetRegistryGenerator(1, MONDAY, roads()).generate(StreetRegistryGenerator.Size.KITCHEN_WEEK);
        assertThat(RegistryValidator.check(r)).isEmpty();
        assertThat(r.mealSubscriptionsOrEmpty()).hasSize(2000).allMatch(s -> s.daysOrEmpty().size() == 7);
        assertThat(r.carePlansOrEmpty()).isEmpty();
        assertThat(r.workersOrEmpty()).hasSize(140);
    }
}
