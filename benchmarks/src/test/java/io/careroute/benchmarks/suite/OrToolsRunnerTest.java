package io.careroute.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.careroute.benchmarks.peers.OrToolsRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OR-Tools' routing solver on Solomon C101 within 3 s: a solution the independent checker accepts, with a sane vehicle count. */
class OrToolsRunnerTest {

    @Test
    void solvesC101ToASolutionTheCheckerAccepts(@TempDir Path dir) throws Exception {
        RunResult run = PeerRunnerChecks.solveC101(new OrToolsRunner(), 3, dir);
        assertThat(run.config()).isEqualTo("ortools");
        assertThat(run.steps()).as("solutions found").isPositive();
    }

    @Test
    void findsACompleteSolutionOnTightWindowsToo(@TempDir Path dir) throws Exception {
        // Without a penalty to leave customers out, PATH_CHEAPEST_ARC found no first solution on R101 in the whole
        // budget (ROUTING_FAIL_TIMEOUT), and the run reported nothing.
        VrptwCase r101 = (VrptwCase) SharedData.suites().cases("R101").get(0);
        RunResult run = new PeerCaseRunner(Budget.seconds(2), 0).run(r101, new OrToolsRunner(), 0, dir.resolve("R101"), line -> { });
        assertThat(run.served()).isEqualTo(100);
        assertThat(run.vehicles()).isBetween(19, 22);   // best known 19
        VrptwChecker checker = VrptwChecker.find(SharedData.dir());
        if (checker != null) {
            assertThat(checker.check(r101.instanceFile(), Path.of(run.solutionFile()), run.vehicles(), run.distance()).feasible()).isTrue();
        }
    }

    @Test
    void namesTheVersionOnTheClassPath() {
        assertThat(OrToolsRunner.version()).matches("9\\.\\d+\\.\\d+");
        assertThat(new OrToolsRunner().description()).startsWith("OR-Tools 9.");
    }
}
