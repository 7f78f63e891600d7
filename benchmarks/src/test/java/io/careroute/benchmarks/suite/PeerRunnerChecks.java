package io.careroute.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;

import io.careroute.benchmarks.peers.PeerSolver;

/** Solves C101 with a peer solver through the suite's runner and checks the written solution with vrptw_check.py. */
final class PeerRunnerChecks {

    private PeerRunnerChecks() {
    }

    static RunResult solveC101(PeerSolver peer, double seconds, Path dir) throws Exception {
        VrptwChecker checker = VrptwChecker.find(SharedData.dir());
        assumeThat(checker).as("python3 and vrptw_check.py").isNotNull();
        VrptwCase c101 = (VrptwCase) SharedData.suites().cases("C101").get(0);
        PeerCaseRunner runner = new PeerCaseRunner(Budget.seconds(seconds), 0);
        RunResult run = runner.run(c101, peer, 1, dir.resolve("C101"), line -> { });
        CheckerResult check = checker.check(c101.instanceFile(), Path.of(run.solutionFile()), run.vehicles(), run.distance());

        assertThat(run.solutionFile()).endsWith("C101.sol");
        assertThat(check.error()).isNull();
        assertThat(check.feasible()).as("the checker accepts %s's solution", peer.name()).isTrue();
        assertThat(check.agrees()).as("the checker's vehicles and distance are ours").isTrue();
        assertThat(run.served()).isEqualTo(run.tasks()).isEqualTo(100);
        assertThat(run.feasible()).isTrue();
        // C101's best known uses 10 vehicles (828.94); a few seconds of any decent solver gets close.
        assertThat(run.vehicles()).isBetween(10, 12);
        assertThat(run.gapPercent()).isGreaterThan(-0.01).isLessThan(25.0);
        assertThat(run.seconds()).isLessThan(seconds + 2);
        assertThat(run.secondsToBest()).isBetween(0.0, run.seconds());
        assertThat(run.timeline()).isNotEmpty();
        assertThat(-run.timeline().get(run.timeline().size() - 1).medium()).isEqualTo(run.vehicles());
        assertThat(run.soft()).isEqualTo(run.timeline().get(run.timeline().size() - 1).soft());
        return run;
    }
}
