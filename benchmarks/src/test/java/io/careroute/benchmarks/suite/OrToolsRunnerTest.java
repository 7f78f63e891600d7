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
    void namesTheVersionOnTheClassPath() {
        assertThat(OrToolsRunner.version()).matches("9\\.\\d+\\.\\d+");
        assertThat(new OrToolsRunner().description()).startsWith("OR-Tools 9.");
    }
}
