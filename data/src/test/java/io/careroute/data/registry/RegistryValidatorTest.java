package io.careroute.data.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.VisitType;
import io.careroute.data.problem.WorkerRole;
import io.careroute.solver.domain.TravelMode;
import org.junit.jupiter.api.Test;

/** Every rule of a register refused by its own field and reason; a good register passes untouched. */
class RegistryValidatorTest {

    static final LocationDoc HERE = new LocationDoc(31.2335, 121.4713);
    static final TimeOfDayWindow MORNING = new TimeOfDayWindow(LocalTime.of(9, 0), LocalTime.of(11, 30));
    static final List<WeekDay> WEEKDAYS = List.of(WeekDay.MON, WeekDay.TUE, WeekDay.WED, WeekDay.THU, WeekDay.FRI);

    static RegistryKitchen kitchen() {
        return new RegistryKitchen("K1", HERE, 5, 45, List.of(new RegistryKitchen.Batch("K1-LUNCH",
                LocalTime.of(10, 40), 100, WEEKDAYS)));
    }

    static RegistryWorker worker(String id, List<RegistryWorker.WeeklyShift> shifts) {
        return new RegistryWorker(id, WorkerRole.CARE_WORKER, TravelMode.EBIKE, null, HERE, null, shifts, null, null,
                null, null, null, null, null, null);
    }

    static RegistryElder elder(String id, String paired) {
        return new RegistryElder(id, HERE, null, null, null, null, null, null, null, null, paired, null);
    }

    static CarePlanDoc plan(String id, String elder, VisitType type, int times, int apart, List<WeekDay> days,
                            LocalDate from, LocalDate until) {
        return new CarePlanDoc(id, elder, type, null, 30, times, apart, days, MORNING, 1, 3, from, until);
    }

    static MealSubscription subscription(String id, List<WeekDay> days) {
        return new MealSubscription(id, "E1", "K1", "K1-LUNCH", 1, days,
                new TimeOfDayWindow(LocalTime.of(11, 0), LocalTime.of(12, 0)), 2, null, null, null);
    }

    static RegistryDocument registry(List<RegistryWorker> workers, List<RegistryElder> elders,
                                     List<MealSubscription> subscriptions, List<CarePlanDoc> plans) {
        return new RegistryDocument(null, null, List.of(kitchen()), elders, workers, subscriptions, plans);
    }

    static final RegistryWorker W1 = worker("W1", List.of(new RegistryWorker.WeeklyShift(WEEKDAYS,
            LocalTime.of(8, 0), LocalTime.of(16, 0))));

    static List<String> fieldsOf(RegistryDocument registry) {
        return RegistryValidator.check(registry).stream().map(InputError::field).toList();
    }

    @Test
    void aGoodRegisterHasNoError() {
        assertThat(RegistryValidator.check(registry(List.of(W1), List.of(elder("E1", "W1")),
                List.of(subscription("S1", WEEKDAYS)),
                List.of(plan("CP1", "E1", VisitType.CHECK_IN, 2, 2, WEEKDAYS, null, null))))).isEmpty();
    }

    @Test
    void eachBrokenRuleIsNamedByItsField() {
        RegistryDocument bad = registry(
                List.of(worker("W1", List.of()), worker("W1", List.of())),
                List.of(elder("E1", "W9")),
                List.of(subscription("S1", List.of(WeekDay.MON, WeekDay.SAT))),
                List.of(plan("CP1", "E1", VisitType.CHECK_IN, 3, 3, List.of(WeekDay.MON, WeekDay.TUE, WeekDay.WED), null, null),
                        plan("CP2", "E1", VisitType.CHECK_IN, 1, 1, WEEKDAYS, LocalDate.of(2026, 12, 1), null),
                        plan("CP3", "E7", VisitType.CLEANING, 1, 1, WEEKDAYS, LocalDate.of(2026, 12, 9),
                                LocalDate.of(2026, 12, 1))));
        assertThat(fieldsOf(bad)).containsExactlyInAnyOrder(
                "workers[0].weeklyShifts", "workers[1].id", "elders[0].pairedWorker", "mealSubscriptions[0].days",
                "carePlans[0].timesPerWeek", "carePlans[1]", "carePlans[2].elderId", "carePlans[2].until");
        List<InputError> errors = RegistryValidator.check(bad);
        assertThat(errors).filteredOn(e -> e.field().equals("mealSubscriptions[0].days")).singleElement()
                .satisfies(e -> assertThat(e.reason(Messages.english())).contains("K1-LUNCH", "Saturday"));
        assertThat(errors).filteredOn(e -> e.field().equals("carePlans[1]")).singleElement()
                .satisfies(e -> assertThat(e.reason(Messages.chinese())).contains("CP1"));
    }

    @Test
    void aFrequencyThatFitsSomeWeekIsNotAnError() {
        // Monday and Thursday, three days apart: twice a week fits whichever weekday the week starts on.
        assertThat(fieldsOf(registry(List.of(W1), List.of(elder("E1", null)), List.of(),
                List.of(plan("CP1", "E1", VisitType.CHECK_IN, 2, 3, List.of(WeekDay.MON, WeekDay.THU), null, null)))))
                .isEmpty();
    }
}
