package io.careroute.solver.constraints;

import static io.careroute.solver.fixtures.Fixtures.careWorker;
import static io.careroute.solver.fixtures.Fixtures.route;
import static io.careroute.solver.fixtures.Fixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.careroute.solver.moves.Eligibility;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Gender;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.fixtures.LineTravelTimes;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/**
 * {@link Eligibility#canServe} says no exactly when one of the yes/no constraints would penalise the assignment:
 * every worker of a small cast against every task, each pair checked against the constraints themselves.
 */
class EligibilityTest {

    private static final LineTravelTimes STREET = new LineTravelTimes(0, 400, 3000);
    private final ConstraintVerifier<CarePlanConstraintProvider, CarePlan> verifier = ConstraintVerifier
            .build(new CarePlanConstraintProvider(), CarePlan.class, Worker.class, Task.class)
            .withConstraintStreamImplType(org.optaplanner.core.api.score.stream.ConstraintStreamImplType.BAVET);

    @Test
    void agreesWithTheConstraintsOnEveryPair() {
        List<Worker.Builder> workers = List.of(
                careWorker("C1").gender(Gender.F).skills(Set.of("BATHING")),
                careWorker("C2").gender(Gender.M).skills(Set.of()),
                careWorker("V1").gender(Gender.F).skills(Set.of()).paid(false).maxMetresFromHome(1000));
        List<Function<String, Task>> tasks = List.of(
                id -> visit(id, 1).build(),
                id -> visit(id, 1).requiredSkills(Set.of("BATHING")).build(),
                id -> visit(id, 1).requiredGender(Gender.F).build(),
                id -> visit(id, 1).refusedWorkers(Set.of("C1")).build(),
                id -> visit(id, 1).pinnedTo("C2").build(),
                id -> visit(id, 2).build());   // 3 km from V1's home: beyond the volunteer's 1 km
        List<String> disagreements = new ArrayList<>();
        int yes = 0;
        for (Worker.Builder builder : workers) {
            for (int t = 0; t < tasks.size(); t++) {
                Worker worker = builder.build();
                worker.setTravelTimes(STREET);
                Task task = tasks.get(t).apply("T" + t);
                task.setTravelTimes(STREET);
                route(worker, task);
                boolean breaks = penalises(CarePlanConstraintProvider::requiredSkills, worker, task)
                        || penalises(CarePlanConstraintProvider::requiredGender, worker, task)
                        || penalises(CarePlanConstraintProvider::refusedWorker, worker, task)
                        || penalises(CarePlanConstraintProvider::pinnedWorker, worker, task)
                        || penalises(CarePlanConstraintProvider::volunteerDistance, worker, task);
                if (Eligibility.canServe(worker, task) == breaks) {
                    disagreements.add(worker.getId() + "/T" + t + ": canServe " + !breaks + " expected");
                }
                yes += breaks ? 0 : 1;
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(yes).as("the cast has both answers").isBetween(1, workers.size() * tasks.size() - 1);
    }

    private boolean penalises(java.util.function.BiFunction<CarePlanConstraintProvider, ConstraintFactory, Constraint> rule,
                              Worker worker, Task task) {
        try {
            verifier.verifyThat(rule).given(worker, task).penalizesBy(0);
            return false;
        } catch (AssertionError e) {
            return true;
        }
    }
}
