package io.careroute.solver.constraints;

import static io.careroute.solver.fixtures.Fixtures.H10;
import static io.careroute.solver.fixtures.Fixtures.H11;
import static io.careroute.solver.fixtures.Fixtures.H13;
import static io.careroute.solver.fixtures.Fixtures.careWorker;
import static io.careroute.solver.fixtures.Fixtures.carrier;
import static io.careroute.solver.fixtures.Fixtures.delivery;
import static io.careroute.solver.fixtures.Fixtures.route;
import static io.careroute.solver.fixtures.Fixtures.scheduled;
import static io.careroute.solver.fixtures.Fixtures.visit;
import static io.careroute.solver.fixtures.Stops.stop;

import java.util.Set;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.CareVisitFacts;
import io.careroute.solver.domain.Gender;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.domain.WorkerDayFacts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

class CarePlanConstraintProviderTest {

    private final ConstraintVerifier<CarePlanConstraintProvider, CarePlan> verifier = ConstraintVerifier
            .build(new CarePlanConstraintProvider(), CarePlan.class, Worker.class, Task.class)
            .withConstraintStreamImplType(ConstraintStreamImplType.BAVET);

    private static final long RULE = CarePlanConstraintProvider.RULE_BREAK;

    @Nested
    class BoxCapacity {
        @Test
        void penalisesBoxesBeyondCapacityOnATrip() {
            Worker w = carrier("W1").capacityBoxes(4).build();
            Task a = scheduled(delivery("O1", 1).boxes(3).build(), stop().trip(H11, 3).build());
            Task b = scheduled(delivery("O2", 2).boxes(3).build(), stop().trip(H11, 6).build());
            route(w, a, b);
            verifier.verifyThat(CarePlanConstraintProvider::boxCapacity).given(w, a, b).penalizesBy(2 * RULE);
        }

        @Test
        void acceptsAFullButNotOverfullTrip() {
            Worker w = carrier("W1").capacityBoxes(6).build();
            Task a = scheduled(delivery("O1", 1).boxes(3).build(), stop().trip(H11, 3).build());
            Task b = scheduled(delivery("O2", 2).boxes(3).build(), stop().trip(H11, 6).build());
            route(w, a, b);
            verifier.verifyThat(CarePlanConstraintProvider::boxCapacity).given(w, a, b).penalizesBy(0);
        }
    }

    @Nested
    class TimeWindow {
        @Test
        void penalisesSecondsLate() {
            Worker w = carrier("W1").build();
            Task a = scheduled(delivery("O1", 1).build(), stop().late(420).build());
            route(w, a);
            verifier.verifyThat(CarePlanConstraintProvider::timeWindow).given(w, a).penalizesBy(420);
        }

        @Test
        void onTimeCostsNothingAndUnassignedIsNotLate() {
            Worker w = carrier("W1").build();
            Task onTime = scheduled(delivery("O1", 1).build(), stop().build());
            route(w, onTime);
            Worker holder = Worker.unassignedHolder();
            Task parked = delivery("O2", 2).build();
            route(holder, parked);
            verifier.verifyThat(CarePlanConstraintProvider::timeWindow).given(w, onTime, holder, parked).penalizesBy(0);
        }
    }

    // ---- Soft window ends and gapped two-worker visits (hhcrsp) ----

    @Nested
    class SoftWindowEnds {
        @Test
        void lateOnASoftEndIsTardinessNotAHardBreak() {
            Worker w = careWorker("C1").build();
            Task soft = scheduled(visit("V1", 1).softWindowEnd(true).build(), stop().late(420).build());
            Task hard = scheduled(visit("V2", 2).build(), stop().late(60).build());
            route(w, soft, hard);
            verifier.verifyThat(CarePlanConstraintProvider::timeWindow).given(w, soft, hard).penalizesBy(60);
            verifier.verifyThat(CarePlanConstraintProvider::tardiness).given(w, soft, hard).penalizesBy(420);
        }

        @Test
        void theLargestTardinessCountsOnceMore() {
            Worker w = careWorker("C1").build();
            Task a = scheduled(visit("V1", 1).softWindowEnd(true).build(), stop().late(420).build());
            Task b = scheduled(visit("V2", 2).softWindowEnd(true).build(), stop().late(900).build());
            Task onTime = scheduled(visit("V3", 3).softWindowEnd(true).build(), stop().build());
            Task hard = scheduled(visit("V4", 4).build(), stop().late(5000).build());
            route(w, a, b, onTime, hard);
            verifier.verifyThat(CarePlanConstraintProvider::tardiness).given(w, a, b, onTime, hard).penalizesBy(1320);
            verifier.verifyThat(CarePlanConstraintProvider::maxTardiness).given(w, a, b, onTime, hard).penalizesBy(900);
        }

        @Test
        void nobodyLateMeansNoMaxTardiness() {
            Worker w = careWorker("C1").build();
            Task a = scheduled(visit("V1", 1).softWindowEnd(true).build(), stop().build());
            route(w, a);
            verifier.verifyThat(CarePlanConstraintProvider::maxTardiness).given(w, a).penalizesBy(0);
        }
    }

    @Nested
    class GappedTwoWorkerVisit {
        private Task[] gapped(int min, int max) {
            Task lead = visit("G1", 1).partOf("G1", 1).build();
            Task second = visit("G1#2", 1).partOf("G1", 2).afterPartner(min, max).build();
            Task.pair(lead, second);
            return new Task[] {lead, second};
        }

        @Test
        void aStartInsideTheGapIsFine() {
            Worker c1 = careWorker("C1").build();
            Worker c2 = careWorker("C2").build();
            Task[] v = gapped(1800, 3600);
            scheduled(v[0], stop().arrival(H10).build());
            scheduled(v[1], stop().arrival(H10 + 2400).build());
            route(c1, v[0]);
            route(c2, v[1]);
            verifier.verifyThat(CarePlanConstraintProvider::twoWorkersTogether).given(c1, c2, v[0], v[1]).penalizesBy(0);
        }

        @Test
        void tooEarlyOrTooLateIsPenalisedBySecondsOutsideTheGap() {
            Worker c1 = careWorker("C1").build();
            Worker c2 = careWorker("C2").build();
            Task[] early = gapped(1800, 3600);
            scheduled(early[0], stop().arrival(H10).build());
            scheduled(early[1], stop().arrival(H10 + 1000).build());
            route(c1, early[0]);
            route(c2, early[1]);
            verifier.verifyThat(CarePlanConstraintProvider::twoWorkersTogether)
                    .given(c1, c2, early[0], early[1]).penalizesBy(800);
            Task[] late = gapped(1800, 3600);
            scheduled(late[0], stop().arrival(H10).build());
            scheduled(late[1], stop().arrival(H10 + 4000).build());
            route(c1, late[0]);
            route(c2, late[1]);
            verifier.verifyThat(CarePlanConstraintProvider::twoWorkersTogether)
                    .given(c1, c2, late[0], late[1]).penalizesBy(400);
            // Part 2 before part 1 is early by the whole minimum gap and more.
            Task[] before = gapped(1800, 3600);
            scheduled(before[0], stop().arrival(H10 + 600).build());
            scheduled(before[1], stop().arrival(H10).build());
            route(c1, before[0]);
            route(c2, before[1]);
            verifier.verifyThat(CarePlanConstraintProvider::twoWorkersTogether)
                    .given(c1, c2, before[0], before[1]).penalizesBy(2400);
        }
    }

    @Nested
    class ShiftEnd {
        @Test
        void penalisesReturnAfterShiftEnd() {
            Worker w = carrier("W1").build();
            Task a = scheduled(delivery("O1", 1).build(), stop().lastWithReturn(600, H13 + 90).build());
            route(w, a);
            verifier.verifyThat(CarePlanConstraintProvider::shiftEnd).given(w, a).penalizesBy(90);
        }

        @Test
        void onlyTheLastStopCounts() {
            Worker w = carrier("W1").build();
            Task a = scheduled(delivery("O1", 1).build(), stop().build());
            Task b = scheduled(delivery("O2", 2).build(), stop().lastWithReturn(600, H13).build());
            route(w, a, b);
            verifier.verifyThat(CarePlanConstraintProvider::shiftEnd).given(w, a, b).penalizesBy(0);
        }
    }

    @Nested
    class OutsideShift {
        @Test
        void penalisesServiceOutsideShifts() {
            Worker w = careWorker("C1").build();
            Task a = scheduled(visit("V1", 1).build(), stop().outsideShift(1200).build());
            route(w, a);
            verifier.verifyThat(CarePlanConstraintProvider::outsideShift).given(w, a).penalizesBy(1200);
        }

        @Test
        void serviceInsideShiftIsFine() {
            Worker w = careWorker("C1").build();
            Task a = scheduled(visit("V1", 1).build(), stop().build());
            route(w, a);
            verifier.verifyThat(CarePlanConstraintProvider::outsideShift).given(w, a).penalizesBy(0);
        }
    }

    @Nested
    class HotFood {
        @Test
        void penalisesMinutesBeyondTheStillHotLimit() {
            Worker w = carrier("W1").build();
            // Limit 45 min; arrival 50 min after the trip left.
            Task a = scheduled(delivery("O1", 1).build(), stop().trip(H11, 1).arrival(H11 + 50 * 60).build());
            route(w, a);
            verifier.verifyThat(CarePlanConstraintProvider::hotFood).given(w, a).penalizesBy(5 * 60);
        }

        @Test
        void withinTheLimitIsFine() {
            Worker w = carrier("W1").build();
            Task a = scheduled(delivery("O1", 1).build(), stop().trip(H11, 1).arrival(H11 + 45 * 60).build());
            route(w, a);
            verifier.verifyThat(CarePlanConstraintProvider::hotFood).given(w, a).penalizesBy(0);
        }
    }

    @Nested
    class RequiredSkills {
        @Test
        void penalisesEachMissingSkill() {
            Worker w = careWorker("C1").skills(Set.of("CLEANING")).build();
            Task a = scheduled(visit("V1", 1).requiredSkills(Set.of("BATHING", "NURSING", "CLEANING")).build(), stop().build());
            route(w, a);
            verifier.verifyThat(CarePlanConstraintProvider::requiredSkills).given(w, a).penalizesBy(2 * RULE);
        }

        @Test
        void qualifiedWorkerIsFine() {
            Worker w = careWorker("C1").skills(Set.of("BATHING", "CLEANING")).build();
            Task a = scheduled(visit("V1", 1).requiredSkills(Set.of("BATHING")).build(), stop().build());
            route(w, a);
            verifier.verifyThat(CarePlanConstraintProvider::requiredSkills).given(w, a).penalizesBy(0);
        }
    }

    @Nested
    class RequiredGender {
        @Test
        void penalisesTheWrongGender() {
            Worker w = careWorker("C1").gender(Gender.M).build();
            Task a = scheduled(visit("V1", 1).requiredGender(Gender.F).build(), stop().build());
            route(w, a);
            verifier.verifyThat(CarePlanConstraintProvider::requiredGender).given(w, a).penalizesBy(RULE);
        }

        @Test
        void rightOrNoRequirementIsFine() {
            Worker w = careWorker("C1").gender(Gender.F).build();
            Task a = scheduled(visit("V1", 1).requiredGender(Gender.F).build(), stop().build());
            Task b = scheduled(visit("V2", 2).build(), stop().build());
            route(w, a, b);
            verifier.verifyThat(CarePlanConstraintProvider::requiredGender).given(w, a, b).penalizesBy(0);
        }
    }

    @Nested
    class RefusedWorker {
        @Test
        void penalisesARefusedWorker() {
            Worker w = careWorker("C1").build();
            Task a = scheduled(visit("V1", 1).refusedWorkers(Set.of("C1")).build(), stop().build());
            route(w, a);
            verifier.verifyThat(CarePlanConstraintProvider::refusedWorker).given(w, a).penalizesBy(RULE);
        }

        @Test
        void anotherWorkerIsFine() {
            Worker w = careWorker("C2").build();
            Task a = scheduled(visit("V1", 1).refusedWorkers(Set.of("C1")).build(), stop().build());
            route(w, a);
            verifier.verifyThat(CarePlanConstraintProvider::refusedWorker).given(w, a).penalizesBy(0);
        }
    }

    @Nested
    class PinnedWorker {
        @Test
        void penalisesAPinnedTaskOnAnotherWorkerOrUnassigned() {
            Worker other = careWorker("C2").build();
            Task moved = scheduled(visit("V1", 1).pinnedTo("C1").build(), stop().build());
            route(other, moved);
            Worker holder = Worker.unassignedHolder();
            Task parked = visit("V2", 2).pinnedTo("C1").build();
            route(holder, parked);
            verifier.verifyThat(CarePlanConstraintProvider::pinnedWorker).given(other, moved, holder, parked)
                    .penalizesBy(2 * RULE);
        }

        @Test
        void keptPinIsFine() {
            Worker pinned = careWorker("C1").build();
            Task a = scheduled(visit("V1", 1).pinnedTo("C1").build(), stop().build());
            route(pinned, a);
            verifier.verifyThat(CarePlanConstraintProvider::pinnedWorker).given(pinned, a).penalizesBy(0);
        }
    }

    @Nested
    class PinnedPosition {
        @Test
        void penalisesAPinnedPlaceTakenByAnotherStop() {
            // C1's first two places are pinned (V1 then V2); the dispatcher put X first. The break counts once,
            // where it is: V1 is not first; V2 still follows V1 (so moving X back mends both).
            Worker c1 = careWorker("C1").build();
            Task x = scheduled(visit("X", 3).build(), stop().build());
            Task v1 = scheduled(visit("V1", 1).pinnedTo("C1").pinnedAt(1).build(), stop().build());
            Task v2 = scheduled(visit("V2", 2).pinnedTo("C1").pinnedAt(2).build(), stop().build());
            route(c1, x, v1, v2);
            verifier.verifyThat(CarePlanConstraintProvider::pinnedPosition).given(c1, x, v1, v2)
                    .penalizesBy(RULE);
        }

        @Test
        void penalisesAPinnedPlaceOnAnotherWorker() {
            Worker c2 = careWorker("C2").build();
            Task v1 = scheduled(visit("V1", 1).pinnedTo("C1").pinnedAt(1).build(), stop().build());
            route(c2, v1);
            verifier.verifyThat(CarePlanConstraintProvider::pinnedPosition).given(c2, v1).penalizesBy(RULE);
        }

        @Test
        void keptPlacesAreFine() {
            Worker c1 = careWorker("C1").build();
            Task v1 = scheduled(visit("V1", 1).pinnedTo("C1").pinnedAt(1).build(), stop().build());
            Task v2 = scheduled(visit("V2", 2).pinnedTo("C1").pinnedAt(2).build(), stop().build());
            Task x = scheduled(visit("X", 3).build(), stop().build());
            route(c1, v1, v2, x);
            verifier.verifyThat(CarePlanConstraintProvider::pinnedPosition).given(c1, v1, v2, x).penalizesBy(0);
        }
    }

    @Nested
    class UnassignedTask {
        @Test
        void penalisesByPriorityWeight() {
            Worker holder = Worker.unassignedHolder();
            Task routine = visit("V1", 1).unassignedPenalty(1).build();
            Task vulnerable = delivery("O1", 2).unassignedPenalty(60).build();
            route(holder, routine, vulnerable);
            verifier.verifyThat(CarePlanConstraintProvider::unassignedTask).given(holder, routine, vulnerable)
                    .penalizesBy(61);
        }

        @Test
        void assignedTasksCostNothing() {
            Worker w = carrier("W1").build();
            Task a = scheduled(delivery("O1", 1).unassignedPenalty(60).build(), stop().build());
            route(w, a);
            verifier.verifyThat(CarePlanConstraintProvider::unassignedTask).given(w, a).penalizesBy(0);
        }
    }

    @Nested
    class TravelTime {
        @Test
        void sumsLegsIncludingTheReturn() {
            Worker w = carrier("W1").build();
            Task a = scheduled(delivery("O1", 1).build(), stop().travel(300).build());
            Task b = scheduled(delivery("O2", 2).build(), stop().travel(200).lastWithReturn(500, H13 - 600).build());
            route(w, a, b);
            verifier.verifyThat(CarePlanConstraintProvider::travelTime).given(w, a, b).penalizesBy(1000);
        }

        @Test
        void unassignedTasksHaveNoTravel() {
            Worker holder = Worker.unassignedHolder();
            Task parked = delivery("O1", 1).build();
            route(holder, parked);
            verifier.verifyThat(CarePlanConstraintProvider::travelTime).given(holder, parked).penalizesBy(0);
        }
    }

    @Nested
    class VolunteerHours {
        @Test
        void penalisesTimeBeyondTheDailyCap() {
            Worker w = carrier("W1").maxWorkSeconds(3 * 3600).build();
            Task a = scheduled(delivery("O1", 1).build(), stop().departedAt(H10).lastWithReturn(300, H13 + 120).build());
            route(w, a);
            verifier.verifyThat(CarePlanConstraintProvider::volunteerHours).given(w, a).penalizesBy(120);
        }

        @Test
        void withinTheCapOrWithoutACapIsFine() {
            Worker capped = carrier("W1").maxWorkSeconds(3 * 3600).build();
            Task a = scheduled(delivery("O1", 1).build(), stop().departedAt(H10).lastWithReturn(300, H13).build());
            route(capped, a);
            Worker uncapped = carrier("W2").build();
            Task b = scheduled(delivery("O2", 1).build(), stop().departedAt(H10).lastWithReturn(300, H13 + 3600).build());
            route(uncapped, b);
            verifier.verifyThat(CarePlanConstraintProvider::volunteerHours).given(capped, a, uncapped, b).penalizesBy(0);
        }
    }

    @Nested
    class WorkerUsed {
        @Test
        void countsEveryWorkerWithARoute() {
            Worker w1 = carrier("W1").build();
            Worker w2 = carrier("W2").build();
            Task a = scheduled(delivery("O1", 1).build(), stop().build());
            Task b = scheduled(delivery("O2", 1).build(), stop().build());
            Task c = scheduled(delivery("O3", 1).build(), stop().build());
            route(w1, a, b);
            route(w2, c);
            verifier.verifyThat(CarePlanConstraintProvider::workerUsed).given(w1, w2, a, b, c).penalizesBy(2);
        }

        @Test
        void theUnassignedHolderIsNotAWorker() {
            Worker holder = Worker.unassignedHolder();
            Task parked = delivery("O1", 1).build();
            route(holder, parked);
            verifier.verifyThat(CarePlanConstraintProvider::workerUsed).given(holder, parked).penalizesBy(0);
        }
    }

    @Nested
    class WaitingTime {
        @Test
        void penalisesSecondsWaitingAtTheDoor() {
            Worker w = careWorker("C1").build();
            Task a = scheduled(visit("V1", 1).build(), stop().arrival(H11 - 900).build());
            route(w, a);
            // The fixture's service starts at 10:00 unless the arrival is later: make it start at 11:00.
            a.setSchedule(new io.careroute.solver.domain.ScheduledStop(false, -1, -1, 0, 0, H11 - 900, H11, H11 + 600,
                    0, 0, -1, 0, 0, 0, -1, H11 - 1800, false));
            verifier.verifyThat(CarePlanConstraintProvider::waitingTime).given(w, a).penalizesBy(900);
        }

        @Test
        void noWaitNoCost() {
            Worker w = careWorker("C1").build();
            Task a = scheduled(visit("V1", 1).build(), stop().arrival(H11).build());
            route(w, a);
            verifier.verifyThat(CarePlanConstraintProvider::waitingTime).given(w, a).penalizesBy(0);
        }
    }

    @Nested
    class FairLoad {
        @Test
        void penalisesSquaredWorkingMinutesOfPaidStaff() {
            Worker paid = careWorker("C1").paid(true).build();
            // 60 min service + 10 min travel, and 30 min + 20 min: 70 and 50 minutes of work.
            Task a = scheduled(visit("V1", 1).serviceSeconds(3600).build(), stop().travel(600).build());
            Task b = scheduled(visit("V2", 2).serviceSeconds(1800).build(), stop().travel(1200).build());
            route(paid, a, b);
            verifier.verifyThat(CarePlanConstraintProvider::fairLoad).given(paid, a, b)
                    .penalizesBy(120L * 120 / CarePlanConstraintProvider.FAIRNESS_SCALE);
        }

        @Test
        void evenLoadCostsLessThanUnevenLoad() {
            Worker p1 = careWorker("C1").paid(true).build();
            Worker p2 = careWorker("C2").paid(true).build();
            Task a = scheduled(visit("V1", 1).serviceSeconds(3600).build(), stop().build());
            Task b = scheduled(visit("V2", 2).serviceSeconds(3600).build(), stop().build());
            route(p1, a);
            route(p2, b);
            // Two hours of work split evenly: 60^2 + 60^2 = 7200 squared minutes, not 120^2 = 14400.
            verifier.verifyThat(CarePlanConstraintProvider::fairLoad).given(p1, p2, a, b)
                    .penalizesBy(2 * 3600L / CarePlanConstraintProvider.FAIRNESS_SCALE);
        }

        @Test
        void overSeveralDaysEachPersonsWeekIsSquaredOnce() {
            Worker mon = paidDayOf("C1", 0);
            Worker tue = paidDayOf("C1", 1);
            Worker nextMon = paidDayOf("C1", 7);
            Task a = scheduled(visit("V1", 1).serviceSeconds(3600).build(), stop().build());
            Task b = scheduled(visit("V2", 2).serviceSeconds(3600).build(), stop().build());
            Task c = scheduled(visit("V3", 2).serviceSeconds(1800).build(), stop().build());
            route(mon, a);
            route(tue, b);
            route(nextMon, c);
            // Monday and Tuesday are one week of 120 minutes; the next Monday another of 30.
            long scale = CarePlanConstraintProvider.FAIRNESS_SCALE * CarePlanConstraintProvider.WEEK_FAIRNESS_DAYS;
            verifier.verifyThat(CarePlanConstraintProvider::fairLoad).given(mon, tue, nextMon, a, b, c)
                    .penalizesBy(120L * 120 / scale + 30L * 30 / scale);
        }

        @Test
        void volunteersAreNotCounted() {
            Worker volunteer = careWorker("V1").paid(false).build();
            Task a = scheduled(visit("V1", 1).serviceSeconds(3600).build(), stop().build());
            route(volunteer, a);
            verifier.verifyThat(CarePlanConstraintProvider::fairLoad).given(volunteer, a).penalizesBy(0);
        }
    }

    @Nested
    class ChangedWorker {
        @Test
        void penalisesEveryPublishedTaskNowWithSomeoneElse() {
            Worker w2 = careWorker("C2").build();
            Task moved = scheduled(visit("V1", 1).published("C1", H10).build(), stop().build());
            Task kept = scheduled(visit("V2", 2).published("C2", H10).build(), stop().build());
            route(w2, moved, kept);
            verifier.verifyThat(CarePlanConstraintProvider::changedWorker).given(w2, moved, kept)
                    .penalizesBy(CarePlanConstraintProvider.REASSIGNMENT_COST);
        }

        @Test
        void aPublishedTaskLeftUnservedIsAChangeTooSoDroppingIsNeverCheaperThanMoving() {
            Worker w = careWorker("C1").build();
            Task fresh = scheduled(visit("V9", 1).build(), stop().build());
            route(w, fresh);
            Worker holder = Worker.unassignedHolder();
            Task dropped = visit("V1", 2).published("C1", H10).build();
            Task neverServed = visit("V3", 3).build();
            route(holder, dropped, neverServed);
            verifier.verifyThat(CarePlanConstraintProvider::changedWorker).given(w, fresh, holder, dropped, neverServed)
                    .penalizesBy(CarePlanConstraintProvider.REASSIGNMENT_COST);
        }

        @Test
        void aTaskNotYetPlacedIsNotJudged() {
            Task unplaced = visit("V1", 1).published("C1", H10).build();
            verifier.verifyThat(CarePlanConstraintProvider::changedWorker).given(unplaced).penalizesBy(0);
        }
    }

    @Nested
    class ChangedStartFar {
        @Test
        void penalisesEachPublishedTaskKeptByItsWorkerButMovedMoreThanAQuarterOfAnHourEitherWay() {
            Worker w = careWorker("C1").build();
            Task late = scheduled(visit("V1", 1).published("C1", H10 - 901).build(), stop().build());   // starts 10:00
            Task early = scheduled(visit("V2", 2).published("C1", H10 + 1800).build(), stop().build());
            Task within = scheduled(visit("V3", 3).published("C1", H10 - 900).build(), stop().build());
            route(w, late, early, within);
            verifier.verifyThat(CarePlanConstraintProvider::changedStartFar).given(w, late, early, within)
                    .penalizesBy(2 * CarePlanConstraintProvider.RETIME_FAR_COST);
        }

        @Test
        void aTaskWithAnotherWorkerIsCountedOnceAsAChangedWorkerNotHereAgain() {
            Worker w = careWorker("C2").build();
            Task moved = scheduled(visit("V1", 1).published("C1", H10 - 3600).build(), stop().build());
            route(w, moved);
            verifier.verifyThat(CarePlanConstraintProvider::changedStartFar).given(w, moved).penalizesBy(0);
        }
    }

    @Nested
    class ChangedStart {
        @Test
        void penalisesSecondsMovedEitherWay() {
            Worker w = careWorker("C1").build();
            Task later = scheduled(visit("V1", 1).published("C1", H10 - 600).build(), stop().build());   // starts 10:00
            Task earlier = scheduled(visit("V2", 2).published("C1", H10 + 300).build(), stop().build());
            route(w, later, earlier);
            verifier.verifyThat(CarePlanConstraintProvider::changedStart).given(w, later, earlier)
                    .penalizesBy(900 * CarePlanConstraintProvider.RETIME_COST_PER_SECOND);
        }

        @Test
        void onTimeAsPublishedIsFree() {
            Worker w = careWorker("C1").build();
            Task same = scheduled(visit("V1", 1).published("C1", H10).build(), stop().build());
            route(w, same);
            verifier.verifyThat(CarePlanConstraintProvider::changedStart).given(w, same).penalizesBy(0);
        }
    }

    @Nested
    class PreferredWorker {
        @Test
        void penalisesAStrangerWhenTheElderHasAPairedWorker() {
            Worker stranger = careWorker("C2").build();
            Task a = scheduled(visit("V1", 1).preferredWorkers(Set.of("C1")).build(), stop().build());
            route(stranger, a);
            verifier.verifyThat(CarePlanConstraintProvider::preferredWorker).given(stranger, a)
                    .penalizesBy(CarePlanConstraintProvider.CONTINUITY_COST);
        }

        @Test
        void thePairedWorkerOrNoPreferenceIsFine() {
            Worker paired = careWorker("C1").build();
            Task a = scheduled(visit("V1", 1).preferredWorkers(Set.of("C1", "C3")).build(), stop().build());
            Task b = scheduled(visit("V2", 2).build(), stop().build());
            route(paired, a, b);
            verifier.verifyThat(CarePlanConstraintProvider::preferredWorker).given(paired, a, b).penalizesBy(0);
        }
    }

    /** Two parts of one visit that needs two workers, linked as the factory links them. */
    private static Task[] pair(String id, int place) {
        Task lead = visit(id, place).partOf(id, 1).build();
        Task second = visit(id + "#2", place).partOf(id, 2).build();
        Task.pair(lead, second);
        return new Task[] {lead, second};
    }

    @Nested
    class TwoWorkersTogether {
        @Test
        void twoWorkersStartingTogetherIsFine() {
            Worker c1 = careWorker("C1").build();
            Worker c2 = careWorker("C2").build();
            Task[] v = pair("V1", 1);
            scheduled(v[0], stop().arrival(H10).build());
            scheduled(v[1], stop().arrival(H10).build());
            route(c1, v[0]);
            route(c2, v[1]);
            verifier.verifyThat(CarePlanConstraintProvider::twoWorkersTogether).given(c1, c2, v[0], v[1]).penalizesBy(0);
        }

        @Test
        void penalisesSecondsBetweenTheTwoStarts() {
            Worker c1 = careWorker("C1").build();
            Worker c2 = careWorker("C2").build();
            Task[] v = pair("V1", 1);
            scheduled(v[0], stop().arrival(H10).build());
            scheduled(v[1], stop().arrival(H10 + 300).build());
            route(c1, v[0]);
            route(c2, v[1]);
            verifier.verifyThat(CarePlanConstraintProvider::twoWorkersTogether).given(c1, c2, v[0], v[1]).penalizesBy(300);
        }

        @Test
        void oneWorkerAloneOrTheSameWorkerTwiceBreaksTheRule() {
            Worker c1 = careWorker("C1").build();
            Worker holder = Worker.unassignedHolder();
            Task[] alone = pair("V1", 1);
            scheduled(alone[0], stop().build());
            route(holder, alone[1]);
            Task[] twice = pair("V2", 2);
            scheduled(twice[0], stop().arrival(H10).build());
            scheduled(twice[1], stop().arrival(H10).build());
            route(c1, alone[0], twice[0], twice[1]);
            verifier.verifyThat(CarePlanConstraintProvider::twoWorkersTogether)
                    .given(c1, holder, alone[0], alone[1], twice[0], twice[1]).penalizesBy(2 * RULE);
        }

        @Test
        void routesWaitingForEachOtherBreakTheRule() {
            Worker c1 = careWorker("C1").build();
            Worker c2 = careWorker("C2").build();
            Task[] v = pair("V1", 1);
            scheduled(v[0], stop().arrival(H10).deadlocked().build());
            scheduled(v[1], stop().arrival(H10).deadlocked().build());
            route(c1, v[0]);
            route(c2, v[1]);
            verifier.verifyThat(CarePlanConstraintProvider::twoWorkersTogether).given(c1, c2, v[0], v[1]).penalizesBy(RULE);
        }

        @Test
        void aVisitLeftUnassignedAsAWholeIsOnlyTheMediumLevelsBusiness() {
            Worker holder = Worker.unassignedHolder();
            Task[] v = pair("V1", 1);
            route(holder, v[0], v[1]);
            verifier.verifyThat(CarePlanConstraintProvider::twoWorkersTogether).given(holder, v[0], v[1]).penalizesBy(0);
        }
    }

    @Nested
    class VolunteerDistance {
        private final io.careroute.solver.fixtures.LineTravelTimes street =
                new io.careroute.solver.fixtures.LineTravelTimes(0, 800, 2600);

        @Test
        void penalisesMetresBeyondTheDistanceFromHome() {
            Worker volunteer = careWorker("V").maxMetresFromHome(2000).build();
            Task near = scheduled(visit("V1", 1).build(), stop().build());
            Task far = scheduled(visit("V2", 2).build(), stop().build());
            near.setTravelTimes(street);
            far.setTravelTimes(street);
            route(volunteer, near, far);
            verifier.verifyThat(CarePlanConstraintProvider::volunteerDistance).given(volunteer, near, far).penalizesBy(600);
        }

        @Test
        void noLimitMeansAnyDistance() {
            Worker staff = careWorker("C1").build();
            Task far = scheduled(visit("V2", 2).build(), stop().build());
            far.setTravelTimes(street);
            route(staff, far);
            verifier.verifyThat(CarePlanConstraintProvider::volunteerDistance).given(staff, far).penalizesBy(0);
        }
    }

    /** A route of worker {@code person} on day {@code day} of a multi-day plan. */
    private static Worker dayOf(String person, int day, int maxWeekHours) {
        Worker w = careWorker(person + "@" + day).build();
        w.setDayFacts(new WorkerDayFacts(person, day, maxWeekHours * 3600));
        return w;
    }

    private static Worker paidDayOf(String person, int day) {
        Worker w = careWorker(person + "@" + day).paid(true).build();
        w.setDayFacts(new WorkerDayFacts(person, day, 0));
        return w;
    }

    private static Task careVisit(String id, String carePlan, int minDaysApart, String elder) {
        Task task = scheduled(visit(id, 1).elder(elder).build(), stop().build());
        task.setCareVisit(new CareVisitFacts(carePlan, minDaysApart));
        return task;
    }

    @Nested
    class CareVisitsApart {
        @Test
        void penalisesEachDayShortOfTheSpacing() {
            Worker mon = dayOf("C1", 0, 0);
            Worker tue = dayOf("C1", 1, 0);
            Task a = careVisit("CP1:w1:1", "CP1", 3, "E1");
            Task b = careVisit("CP1:w1:2", "CP1", 3, "E1");
            route(mon, a);
            route(tue, b);
            verifier.verifyThat(CarePlanConstraintProvider::careVisitsApart).given(mon, tue, a, b).penalizesBy(2 * RULE);
        }

        @Test
        void farEnoughApartOrOtherPlansOrUnassignedIsFine() {
            Worker mon = dayOf("C1", 0, 0);
            Worker thu = dayOf("C2", 3, 0);
            Task a = careVisit("CP1:w1:1", "CP1", 3, "E1");
            Task b = careVisit("CP1:w1:2", "CP1", 3, "E1");
            Task other = careVisit("CP2:w1:1", "CP2", 3, "E1");
            route(mon, a, other);
            route(thu, b);
            Worker holder = Worker.unassignedHolder();
            Task parked = careVisit("CP2:w1:2", "CP2", 3, "E1");
            route(holder, parked);
            verifier.verifyThat(CarePlanConstraintProvider::careVisitsApart)
                    .given(mon, thu, holder, a, b, other, parked).penalizesBy(0);
        }
    }

    @Nested
    class WeeklyHours {
        @Test
        void sumsAWorkersDaysInAWeekAgainstTheCap() {
            Worker mon = dayOf("V1", 0, 4);
            Worker tue = dayOf("V1", 1, 4);
            Task a = scheduled(visit("V1", 1).build(), stop().departedAt(H10).lastWithReturn(300, H13).build());
            Task b = scheduled(visit("V2", 1).build(), stop().departedAt(H10).lastWithReturn(300, H13).build());
            route(mon, a);
            route(tue, b);
            verifier.verifyThat(CarePlanConstraintProvider::weeklyHours).given(mon, tue, a, b).penalizesBy(2 * 3600);
        }

        @Test
        void daysOfDifferentWeeksAndOtherWorkersCountApart() {
            Worker mon = dayOf("V1", 0, 4);
            Worker nextMon = dayOf("V1", 7, 4);
            Worker other = dayOf("V2", 1, 4);
            Task a = scheduled(visit("V1", 1).build(), stop().departedAt(H10).lastWithReturn(300, H13).build());
            Task b = scheduled(visit("V2", 1).build(), stop().departedAt(H10).lastWithReturn(300, H13).build());
            Task c = scheduled(visit("V3", 1).build(), stop().departedAt(H10).lastWithReturn(300, H13).build());
            route(mon, a);
            route(nextMon, b);
            route(other, c);
            verifier.verifyThat(CarePlanConstraintProvider::weeklyHours).given(mon, nextMon, other, a, b, c)
                    .penalizesBy(0);
        }
    }

    @Nested
    class ContinuityOverDays {
        @Test
        void penalisesEveryWorkerBeyondTheFirstForAnElder() {
            Worker mon = dayOf("C1", 0, 0);
            Worker wed = dayOf("C2", 2, 0);
            Worker fri = dayOf("C3", 4, 0);
            Task a = careVisit("CP1:w1:1", "CP1", 1, "E1");
            Task b = careVisit("CP1:w1:2", "CP1", 1, "E1");
            Task c = careVisit("CP2:w1:1", "CP2", 1, "E1");
            route(mon, a);
            route(wed, b);
            route(fri, c);
            verifier.verifyThat(CarePlanConstraintProvider::continuityOverDays).given(mon, wed, fri, a, b, c)
                    .penalizesBy(2 * CarePlanConstraintProvider.WEEK_CONTINUITY_COST);
        }

        @Test
        void oneWorkerOnEveryDayCostsNothing() {
            Worker mon = dayOf("C1", 0, 0);
            Worker wed = dayOf("C1", 2, 0);
            Task a = careVisit("CP1:w1:1", "CP1", 1, "E1");
            Task b = careVisit("CP1:w1:2", "CP1", 1, "E1");
            Task elsewhere = careVisit("CP9:w1:1", "CP9", 1, "E2");
            route(mon, a, elsewhere);
            route(wed, b);
            verifier.verifyThat(CarePlanConstraintProvider::continuityOverDays).given(mon, wed, a, b, elsewhere)
                    .penalizesBy(0);
        }
    }
}
