package io.careroute.data.hhcrsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;

/** The figures and rule checks the hhcrsp command prints, on a real solve of set A's first instance. */
class HhcrspSolutionTest {

    @Test
    void aSolvedInstanceKeepsEveryRuleAndItsFiguresAddUp() throws IOException {
        HhcrspInstance a1 = HhcrspReader.read(SharedHhcrsp.instance("InstanzCPLEX_HCSRP_10_1"));
        CarePlan solved = SolverFactory.<CarePlan>create(CarePlanSolverConfig.create(
                new SolverSettings(Duration.ofSeconds(2), null, 0))).buildSolver().solve(HhcrspPlanFactory.create(a1));
        HhcrspSolution solution = HhcrspSolution.of(a1, solved);

        assertThat(solution.violations()).isEmpty();
        assertThat(solution.served()).isEqualTo(solution.required()).isEqualTo(13);
        assertThat(solution.objective()).isCloseTo(
                (solution.distance() + solution.totalTardiness() + solution.maxTardiness()) / 3, org.assertj.core.data.Offset.offset(1e-9));
        // The soft score is the same objective times 3 in units of 1/10,000 minute (legs rounded up: a little above).
        double fromScore = -solved.getScore().softScore() / (double) HhcrspPlanFactory.SCALE / 3;
        assertThat(fromScore).isBetween(solution.objective() - 1e-6, solution.objective() + 0.01);
    }

    @Test
    void aBrokenGapAndAnUnqualifiedCaregiverAreNamed() throws IOException {
        HhcrspInstance a1 = HhcrspReader.read(SharedHhcrsp.instance("InstanzCPLEX_HCSRP_10_1"));
        // Patient 9 needs services 0 and 3, the second 51..102 minutes after the first; window 298..418.
        // Caregiver 0 gives 0 (qualified); caregiver 1 gives 3 only 10 minutes later, and lacks the qualification.
        List<List<HhcrspSolution.Stop>> routes = new ArrayList<>(List.of(
                List.of(new HhcrspSolution.Stop(9, 0, 300, 314)),
                List.of(new HhcrspSolution.Stop(9, 3, 310, 324)),
                List.of()));
        List<String> broken = new HhcrspSolution(a1, routes).violations();
        assertThat(broken).contains("double service of patient 9 starts 10.0 apart, allowed 51.0..102.0",
                "caregiver 1 gives service 9/3 without the qualification or the need", "service 1/3 not given");
    }
}
