package io.careroute.data.vrptw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.careroute.data.problem.InvalidInputException;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

class VrptwTest {

    @Test
    void readsSolomonAndGehringHombergerFiles() throws Exception {
        VrptwInstance c101 = SolomonReader.read(SharedVrptw.instance("solomon/C101.txt"));
        assertThat(c101.name()).isEqualTo("C101");
        assertThat(c101.vehicles()).isEqualTo(25);
        assertThat(c101.capacity()).isEqualTo(200);
        assertThat(c101.customerCount()).isEqualTo(100);
        assertThat(c101.depot()).isEqualTo(new VrptwInstance.Customer(0, 40, 50, 0, 0, 1236, 0));
        assertThat(c101.customers().get(1)).isEqualTo(new VrptwInstance.Customer(1, 45, 68, 10, 912, 967, 90));

        VrptwInstance gh = SolomonReader.read(SharedVrptw.instance("homberger_200/R1_2_1.txt"));
        assertThat(gh.vehicles()).isEqualTo(50);
        assertThat(gh.customerCount()).isEqualTo(200);
    }

    @Test
    void aBrokenFileIsRefusedWithItsLineNumber(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("BROKEN.txt");
        Files.writeString(broken, "BROKEN\n\nVEHICLE\nNUMBER CAPACITY\n 25 200\n\nCUSTOMER\n    0  40  50  0  0  1236\n");
        assertThatThrownBy(() -> SolomonReader.read(broken)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("BROKEN.txt line 8"));
    }

    @Test
    void aShortRealSolveIsFeasibleByAnIndependentCheck(@TempDir Path dir) throws Exception {
        VrptwInstance instance = SolomonReader.read(SharedVrptw.instance("solomon/RC101.txt"));
        // 3 s: the fleet phase has 2.4 s of it (a score-calculation limit would not stop that phase, which scores once).
        var config = CarePlanSolverConfig.forVrptw(new SolverSettings(Duration.ofSeconds(3), null, 7), instance.customerCount());
        CarePlan solved = SolverFactory.<CarePlan>create(config).buildSolver().solve(VrptwPlanFactory.create(instance));
        VrptwSolution solution = VrptwSolution.of(instance, solved);

        assertThat(VrptwFeasibility.violations(instance, solution.routes())).isEmpty();
        assertThat(solved.getScore().hardScore()).isZero();
        // The medium level counts vehicles once every customer is served.
        assertThat(-solved.getScore().mediumScore()).isEqualTo(solution.vehicles());
        // The soft level is the fixed-point distance, rounded up leg by leg: never below the true distance.
        double fixedPoint = -solved.getScore().softScore() / (double) EuclideanTravelTimes.SCALE;
        assertThat(fixedPoint).isCloseTo(solution.distance(), within(0.05)).isGreaterThanOrEqualTo(solution.distance() - 1e-9);
        // RC101's best known is 14 vehicles: the route minimisation reaches it before the local search starts.
        assertThat(solution.vehicles()).isEqualTo(14);

        Path file = dir.resolve("RC101.sol");
        solution.write(file);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(solution.vehicles()).allMatch(line -> line.matches("Route \\d+: \\d+( \\d+)*"));
    }

    @Test
    void routeEliminationEmptiesRoutesAndKeepsEveryShadowVariableRight() throws Exception {
        VrptwInstance full = SolomonReader.read(SharedVrptw.instance("solomon/R201.txt"));
        // The first 30 customers of R201: wide windows, so a few long routes suffice.
        VrptwInstance small = new VrptwInstance("R201-30", 30, full.capacity(), full.customers().subList(0, 31));
        // Without the fleet phase, which would empty the routes before the local search (FleetPhaseTest).
        var production = CarePlanSolverConfig.forVrptw(new SolverSettings(Duration.ofSeconds(60), null, 3), small.customerCount());
        var config = production.withPhaseList(production.getPhaseConfigList().stream()
                        .filter(phase -> !(phase instanceof org.optaplanner.core.config.phase.custom.CustomPhaseConfig)).toList())
                .withEnvironmentMode(org.optaplanner.core.config.solver.EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig().withScoreCalculationCountLimit(20_000L));
        CarePlan solved = SolverFactory.<CarePlan>create(config).buildSolver().solve(VrptwPlanFactory.create(small));
        VrptwSolution solution = VrptwSolution.of(small, solved);
        assertThat(VrptwFeasibility.violations(small, solution.routes())).isEmpty();
        // The construction heuristic opens many routes; elimination brings them down to a handful.
        assertThat(solution.vehicles()).isLessThanOrEqualTo(3);
    }

    @Test
    void anInfeasibleRouteIsCaughtByTheIndependentCheck() throws Exception {
        VrptwInstance c101 = SolomonReader.read(SharedVrptw.instance("solomon/C101.txt"));
        List<List<Integer>> routes = List.of(List.of(1, 2, 3), List.of(4, 5));
        assertThat(VrptwFeasibility.violations(c101, routes)).anyMatch(v -> v.startsWith("served 5 of 100"));
        List<List<Integer>> overloaded = List.of(java.util.stream.IntStream.rangeClosed(1, 100).boxed().toList());
        assertThat(VrptwFeasibility.violations(c101, overloaded)).anyMatch(v -> v.contains("over capacity"))
                .anyMatch(v -> v.contains("after due"));
    }
}
