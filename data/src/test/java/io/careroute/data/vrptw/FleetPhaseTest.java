package io.careroute.data.vrptw;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Kitchen;
import io.careroute.solver.domain.MealBatch;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.TravelMode;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.moves.FleetPhase;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * VRPTW mode's fleet phase inside the real solver: what it writes back is the planning model's plan (shadow variables
 * checked by FULL_ASSERT, the routes by {@link VrptwFeasibility} from the instance file), and it leaves alone a plan
 * with any rule it does not know.
 */
class FleetPhaseTest {

    @Test
    void afterTheConstructionItTakesRc101ToTheBestKnownFleetAndNearItsDistance() throws Exception {
        VrptwInstance rc101 = SolomonReader.read(SharedVrptw.instance("solomon/RC101.txt"));

        CarePlan constructed = solve(withoutLocalSearch(rc101, 0), VrptwPlanFactory.create(rc101));
        CarePlan improved = solve(withoutLocalSearch(rc101, 1), VrptwPlanFactory.create(rc101));

        VrptwSolution before = VrptwSolution.of(rc101, constructed);
        VrptwSolution after = VrptwSolution.of(rc101, improved);
        assertThat(VrptwFeasibility.violations(rc101, after.routes())).isEmpty();
        assertThat(before.vehicles()).isGreaterThan(15);
        assertThat(after.vehicles()).isEqualTo(14);   // the best known: 14 / 1696.94
        assertThat(after.distance()).isLessThan(1696.94 * 1.03);
        assertThat(improved.getScore().hardScore()).isZero();
        assertThat(-improved.getScore().mediumScore()).isEqualTo(after.vehicles());
    }

    @Test
    void aPlanWithAnyOtherRuleIsLeftAsTheConstructionBuiltIt() throws Exception {
        VrptwInstance rc101 = SolomonReader.read(SharedVrptw.instance("solomon/RC101.txt"));
        // One customer would rather have vehicle V1: a preference the minimiser does not know.
        CarePlan plain = VrptwPlanFactory.create(rc101);
        CarePlan withPreference = withPreference(rc101, plain);

        CarePlan constructed = solve(withoutLocalSearch(rc101, 0), withPreference(rc101, VrptwPlanFactory.create(rc101)));
        CarePlan untouched = solve(withoutLocalSearch(rc101, 1), withPreference);

        assertThat(VrptwSolution.of(rc101, untouched).routes()).isEqualTo(VrptwSolution.of(rc101, constructed).routes());
    }

    /**
     * The production VRPTW configuration without its local search, its fleet phase without a clock (100,000 string
     * removals); {@code fleetPhase} 0 drops that phase too.
     */
    private static SolverConfig withoutLocalSearch(VrptwInstance instance, int fleetPhase) {
        SolverConfig config = CarePlanSolverConfig.forVrptw(new SolverSettings(Duration.ofSeconds(10), null, 7),
                instance.customerCount());
        List<org.optaplanner.core.config.phase.PhaseConfig> phases = new ArrayList<>(config.getPhaseConfigList());
        phases.removeIf(LocalSearchPhaseConfig.class::isInstance);
        CustomPhaseConfig custom = (CustomPhaseConfig) phases.remove(1);
        if (fleetPhase != 0) {
            phases.add(new CustomPhaseConfig().withCustomPhaseCommands(
                    ((FleetPhase) custom.getCustomPhaseCommandList().get(0)).reproducible()));
        }
        return config.withPhaseList(phases).withEnvironmentMode(EnvironmentMode.FULL_ASSERT);
    }

    private static CarePlan solve(SolverConfig config, CarePlan problem) {
        return SolverFactory.<CarePlan>create(config).buildSolver().solve(problem);
    }

    private static CarePlan withPreference(VrptwInstance instance, CarePlan plain) {
        Kitchen depot = plain.getTasks().get(0).getBatch().kitchen();
        MealBatch load = plain.getTasks().get(0).getBatch();
        List<Task> tasks = new ArrayList<>();
        for (VrptwInstance.Customer c : instance.customers().subList(1, instance.customers().size())) {
            Task.Builder task = Task.delivery(Integer.toString(c.id())).at(c.id()).batch(load).boxes(c.demand())
                    .serviceSeconds(EuclideanTravelTimes.toUnits(c.service()))
                    .window(EuclideanTravelTimes.toUnits(c.ready()), EuclideanTravelTimes.toUnits(c.due()))
                    .unassignedPenalty(10_000);
            if (c.id() == 1) {
                task.preferredWorkers(Set.of("V1"));
            }
            tasks.add(task.build());
        }
        List<Worker> vehicles = new ArrayList<>();
        for (Worker v : plain.getWorkers()) {
            vehicles.add(v.isUnassignedHolder() ? Worker.unassignedHolder() : Worker.withId(v.getId()).mode(TravelMode.CAR)
                    .capacityBoxes(v.getCapacityBoxes()).shift(v.shiftStart(), v.shiftEnd())
                    .startsAt(depot.place()).endsAt(depot.place()).singleTrip(true).build());
        }
        CarePlan plan = new CarePlan(plain.getName(), plain.getTravelTimes(), vehicles, tasks);
        plan.setWeights(plain.getWeights());
        return plan;
    }
}
