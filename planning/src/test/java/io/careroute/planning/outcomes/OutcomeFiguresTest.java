package io.careroute.planning.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.careroute.data.problem.PriorityClass;
import io.careroute.data.problem.WorkerRole;
import io.careroute.planning.outcomes.OutcomeReport.ElderVisits;
import io.careroute.planning.outcomes.OutcomeReport.WorkerHours;
import org.junit.jupiter.api.Test;

/** Every figure of {@link HandMadeMonth}, worked out by hand from the days' comments. */
class OutcomeFiguresTest {

    final OutcomeReport month = OutcomeFigures.of(HandMadeMonth.FROM, HandMadeMonth.TO, HandMadeMonth.days(),
            HandMadeMonth.register());

    @Test
    void visitsOwedByTheCarePlansAgainstDelivered() {
        // CP1: 2 a week x 14 days / 7 = 4; CP2: 1 x 14 / 7 = 2. E1 got CP1 on days 1, 2 (by V1) and 3 (planned);
        // E2's CP2 was nobody-home on day 1 and unassigned on day 3.
        assertThat(month.visits().elders()).containsExactly(
                new ElderVisits("E1", List.of(PriorityClass.DISABLED, PriorityClass.ALONE), 4, 3, 3, 1),
                new ElderVisits("E2", List.of(PriorityClass.REGULAR), 2, 1, 0, 2));
        assertThat(month.visits().owed()).isEqualTo(6);
        assertThat(month.visits().planned()).isEqualTo(4);
        assertThat(month.visits().delivered()).isEqualTo(3);
        assertThat(month.visits().deliveredOfOwed()).isEqualTo(new Share(3, 6, 0.5));
        assertThat(month.plans()).isEqualTo(3);
        assertThat(month.plansRecorded()).isEqualTo(2);
    }

    @Test
    void priorityEldersServedInsideTheirWindow() {
        // E1's and E3's tasks: day 1 M1 and CP1 in; day 2 M1 not home, CP1 at 11:20 after its window; day 3 both in.
        assertThat(month.priorityInWindow()).isEqualTo(new Share(4, 6, 0.6667));
    }

    @Test
    void mealsWithinTheHotFoodLimit() {
        // Served: day 1 M1 (25 min from the kitchen) and M2 (70), day 3 M1 (60); the limit is 45.
        assertThat(month.mealsHot()).isEqualTo(new Share(1, 3, 0.3333));
    }

    @Test
    void punctualityCountsRecordedDaysOnly() {
        // Day 1: M1 5 min after plan, M2 20 late, CP1 10; day 2: CP1 140 late. Day 3 has no records.
        assertThat(month.punctuality().onTime()).isEqualTo(new Share(2, 4, 0.5));
        assertThat(month.punctuality().meanLateMinutes()).isEqualTo(80.0);
        assertThat(month.punctuality().toleranceMinutes()).isEqualTo(15);
    }

    @Test
    void continuityOfTheEldersWithTwoOrMoreVisits() {
        // Only E1 had two or more visits served, by C1 and V1.
        assertThat(month.continuity()).isEqualTo(new OutcomeReport.Continuity(1, 0, 0.0));
    }

    @Test
    void hoursPerWorkerAndOfVolunteers() {
        // C1: 60 recorded min + 60 planned, travel 900 + 900 s. V1: 5 + 2 + 30 (CP1 for C1: no planned travel of
        // theirs) + 2 planned min = 39 min; travel 600 + 300 + 600 s = 25 min.
        assertThat(month.hours().workers()).containsExactly(
                new WorkerHours("C1", WorkerRole.CARE_WORKER, 2, 2.0, 0.5),
                new WorkerHours("V1", WorkerRole.VOLUNTEER, 4, 0.65, 0.42));
        assertThat(month.hours().volunteerHours()).isEqualTo(0.65);
        assertThat(month.hours().volunteerTravelHours()).isEqualTo(0.42);
    }

    @Test
    void oneUnrecordedPlanOwesWhatItsProblemHolds() {
        OutcomeReport day = OutcomeFigures.ofPlan(HandMadeMonth.day3());
        assertThat(day.visits().elders()).extracting(ElderVisits::elderId, ElderVisits::owed, ElderVisits::delivered)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("E1", 1, 1),
                        org.assertj.core.groups.Tuple.tuple("E2", 1, 0));
        assertThat(day.punctuality().onTime()).isEqualTo(new Share(0, 0, null));
        assertThat(day.plansRecorded()).isZero();
    }
}
