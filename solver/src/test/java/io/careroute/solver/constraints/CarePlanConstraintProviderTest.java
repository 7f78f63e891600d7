package io.careroute.solver.constraints;

import static io.careroute.solver.fixtures.Fixtures.H11;
import static io.careroute.solver.fixtures.Fixtures.H13;
import static io.careroute.solver.fixtures.Fixtures.carrier;
import static io.careroute.solver.fixtures.Fixtures.careWorker;
import static io.careroute.solver.fixtures.Fixtures.delivery;
import static io.careroute.solver.fixtures.Fixtures.route;
import static io.careroute.solver.fixtures.Fixtures.scheduled;
import static io.careroute.solver.fixtures.Fixtures.visit;
import static io.careroute.solver.fixtures.Stops.stop;

import java.util.Set;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Gender;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
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
}
