package io.careroute.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's vehicles and distances are the independent checker's ({@code ../shared/tools/vrptw_check.py}) for the
 * very solution files the run wrote. Needs Python 3 (CI has it); skipped where there is none.
 */
class CheckerAgreementTest {

    @Test
    void theReportAgreesWithTheCheckerOnEveryWrittenSolution(@TempDir Path dir) throws Exception {
        VrptwChecker checker = VrptwChecker.find(SharedData.dir());
        assumeThat(checker).as("python3 and vrptw_check.py").isNotNull();
        List<BenchmarkCase> cases = SharedData.suites().cases("RC101,C1_2_1");
        Budget budget = Budget.steps(300, Duration.ofMinutes(5));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BenchmarkReport report = new SuiteRunner(cases, List.of(SolverVariants.parse("default")), List.of(1L), budget, 0, checker,
                new PrintStream(progress, true, StandardCharsets.UTF_8))
                .run(RunEnvironment.capture(Path.of("."), "RC101,C1_2_1", "test", budget, List.of(1L), checker.describe()), dir);

        assertThat(report.runs()).hasSize(2).allSatisfy(run -> {
            assertThat(run.checker().error()).isNull();
            assertThat(run.checker().feasible()).isTrue();
            assertThat(run.checker().vehicles()).isEqualTo(run.vehicles());
            assertThat(Math.abs(run.checker().distance() - run.distance())).isLessThanOrEqualTo(VrptwChecker.AGREEMENT);
            assertThat(run.checker().agrees()).isTrue();
            assertThat(run.served()).isEqualTo(run.tasks());
        });
        // And the files a script reads say the same: the CSV's distance next to the checker's.
        List<String> csv = Files.readAllLines(dir.resolve(ReportFiles.CSV));
        int ours = ReportFiles.CSV_COLUMNS.indexOf("distance");
        int theirs = ReportFiles.CSV_COLUMNS.indexOf("checker_distance");
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = line.split(",");
            assertThat(Double.parseDouble(cells[ours])).isCloseTo(Double.parseDouble(cells[theirs]), org.assertj.core.api.Assertions.within(1e-6));
        }
        assertThat(Files.readString(dir.resolve(ReportFiles.HTML))).contains("可行 feasible").contains("✓");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[1/2] RC101 · default · seed 1: solving")
                .contains("checker: feasible").contains("SUMMARY config=default runs=2");
    }

    @Test
    void aWrongSolutionOrAWrongDistanceIsCaught(@TempDir Path dir) throws Exception {
        VrptwChecker checker = VrptwChecker.find(SharedData.dir());
        assumeThat(checker).as("python3 and vrptw_check.py").isNotNull();
        Path c101 = SharedData.vrptw().resolve("solomon/C101.txt");
        // The optimal routes of the truncated-distance variant: feasible in double precision for C101.
        Path good = SharedData.vrptw().resolve("solomon_trunc_opt_solutions/C101.txt");
        CheckerResult right = checker.check(c101, good, 10, 828.9368669428341);
        assertThat(right.feasible()).isTrue();
        assertThat(right.agrees()).isTrue();
        assertThat(checker.check(c101, good, 10, 828.94).agrees()).isFalse();   // 2-decimal rounding is not agreement

        Path missing = dir.resolve("missing.sol");
        Files.writeString(missing, "Route 1: 1 2 3\nRoute 2: 4 5\n");
        CheckerResult wrong = checker.check(c101, missing, 2, 0);
        assertThat(wrong.feasible()).isFalse();
        assertThat(wrong.violations()).isPositive();
        assertThat(wrong.agrees()).isFalse();
    }
}
