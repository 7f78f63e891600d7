package io.careroute.api.cli;

import static io.careroute.api.cli.CliTest.careroute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vrptw command with a portfolio of two solvers, its solution confirmed by the independent checker. */
class VrptwCommandTest {

    private static final Path SHARED = Path.of(System.getProperty("careroute.repositoryRoot", ".."))
            .resolve("../shared").normalize();

    @Test
    void twoSolversAtOnceGiveAFeasibleSolutionTheCheckerConfirms(@TempDir Path dir) throws Exception {
        Path instance = SHARED.resolve("data/vrptw/solomon/C101.txt");
        Path solution = dir.resolve("C101.sol");
        CliTest.Run run = careroute("vrptw", instance.toString(), "--seconds", "2", "--threads", "2",
                "--out", solution.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("vehicles=10", "served=100/100");

        Process checker;
        try {
            checker = new ProcessBuilder("python3", SHARED.resolve("tools/vrptw_check.py").toString(),
                    instance.toString(), solution.toString()).redirectErrorStream(true).start();
        } catch (IOException noPython) {
            assumeThat(noPython).as("python3 runs the independent checker").isNull();
            return;
        }
        String output = new String(checker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(checker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(checker.exitValue()).as(output).isZero();
        assertThat(output.toLowerCase(java.util.Locale.ROOT)).contains("feasible");
    }

    @Test
    void noThreadsIsRefusedWithExitTwoNamingTheOption() throws Exception {
        for (List<String> threads : List.of(List.of("--threads", "0"), List.of("--threads", "17"))) {
            CliTest.Run run = careroute("vrptw", SHARED.resolve("data/vrptw/solomon/C101.txt").toString(),
                    "--seconds", "1", threads.get(0), threads.get(1));
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("--threads").doesNotContain("Exception");
        }
    }
}
