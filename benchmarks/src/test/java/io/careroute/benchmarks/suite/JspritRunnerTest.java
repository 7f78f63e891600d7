package io.careroute.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.careroute.benchmarks.peers.JspritRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jsprit on Solomon C101 within 3 s: a solution the independent checker accepts, with a sane vehicle count. */
class JspritRunnerTest {

    @Test
    void solvesC101ToASolutionTheCheckerAccepts(@TempDir Path dir) throws Exception {
        RunResult run = PeerRunnerChecks.solveC101(new JspritRunner(), 3, dir);
        assertThat(run.config()).isEqualTo("jsprit");
        assertThat(run.steps()).as("jsprit's iterations").isPositive();
    }
}
