package io.careroute.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.careroute.benchmarks.peers.Peers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code careroute benchmark --peers}: listed, checked, and one command runs careroute and both peers side by side. */
class PeersOptionTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return BenchmarkRun.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void listShowsThePeers() {
        assertThat(run("--list")).isZero();
        assertThat(out.toString()).contains("Peer solvers (--peers").contains("jsprit").contains("jsprit-core 1.8")
                .contains("ortools").contains("OR-Tools 9.");
    }

    @Test
    void badPeerOptionsExitTwoWithAClearMessage() {
        assertThat(run("--suite", "C101", "--peers", "vroom", "--seconds", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("--peers: unknown peer solver 'vroom' (known: jsprit, ortools)");
        assertThat(run("--suite", "C101", "--peers", "jsprit,jsprit", "--seconds", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("'jsprit' is named twice");
        assertThat(run("--suite", "C101", "--peers", "ortools", "--steps", "100")).isEqualTo(2);
        assertThat(err.toString()).contains("--peers needs --seconds");
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void oneCommandMeasuresCarerouteAndBothPeersSideBySide(@TempDir Path dir) throws Exception {
        int exit = run("--suite", "C101", "--seconds", "2", "--peers", "jsprit,ortools", "--progress-seconds", "0",
                "--shared", SharedData.dir().toString(), "--out", dir.toString());
        assertThat(exit).as(err.toString()).isZero();

        BenchmarkReport report = ReportFiles.read(dir.resolve(ReportFiles.JSON));
        assertThat(report.runs()).extracting(RunResult::config).containsExactly("default", "jsprit", "ortools");
        assertThat(report.summaries()).extracting(ConfigSummary::config).containsExactly("default", "jsprit", "ortools");
        boolean checked = report.runs().get(0).checker() != null;
        for (RunResult r : report.runs()) {
            assertThat(r.instance()).isEqualTo("C101");
            assertThat(r.bestVehicles()).isEqualTo(10);
            assertThat(Files.isRegularFile(Path.of(r.solutionFile()))).isTrue();
            if (checked) {
                assertThat(r.checker().feasible()).as(r.config()).isTrue();
                assertThat(r.checker().agrees()).as(r.config()).isTrue();
            }
        }
        String html = Files.readString(dir.resolve(ReportFiles.HTML));
        assertThat(html).contains("同台对比").contains("Side by side").contains("jsprit-core 1.8").contains("GUIDED_LOCAL_SEARCH");
        List<String> csv = Files.readAllLines(dir.resolve(ReportFiles.CSV));
        assertThat(csv).hasSize(4);
        assertThat(html).contains("各求解器依次运行（不并行）");
        assertThat(SideBySide.lines(report).get(0)).contains("one after another");
        assertThat(SideBySide.lines(report)).hasSize(2).last().asString()
                .startsWith("SIDE C101").contains("| default 1").contains("| jsprit 1").contains("| ortools 1");
    }

    @Test
    void badJobsExitTwoWithAClearMessage() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(run("--suite", "C101", "--seconds", "1", "--jobs", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--jobs 0: give 1 to " + cores);
        assertThat(run("--suite", "C101", "--seconds", "1", "--jobs", String.valueOf(cores + 1))).isEqualTo(2);
        assertThat(err.toString()).contains("--jobs " + (cores + 1) + ": give 1 to " + cores + " (this machine's cores)");
        assumeThat(cores).as("a second core").isGreaterThanOrEqualTo(2);
        assertThat(run("--suite", "C101", "--seconds", "1", "--jobs", "2", "--config", "default,portfolio-2",
                "--shared", SharedData.dir().toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--jobs 2: configuration portfolio-2 solves on 2 threads itself");
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /**
     * With two runs at once careroute and a peer solve the same problem at the same time, and the report is the one
     * the runs would give one after another: the same runs in the same order, each checked.
     */
    @Test
    void twoJobsSolveCarerouteAndAPeerAtTheSameTime(@TempDir Path dir) throws Exception {
        Budget budget = Budget.seconds(2);
        VrptwChecker checker = VrptwChecker.find(SharedData.dir());
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        RunEnvironment environment = RunEnvironment.capture(Path.of("."), "C101,R101", "test", budget, List.of(0L),
                checker == null ? null : checker.describe(), 2);
        BenchmarkReport report = new SuiteRunner(SharedData.suites().cases("C101,R101"), List.of(SolverVariants.parse("default")),
                Peers.parseList("jsprit,ortools"), List.of(0L), budget, 0, checker,
                new PrintStream(progress, true, StandardCharsets.UTF_8), 2).run(environment, dir);

        assertThat(report.runs()).extracting(r -> r.instance() + " " + r.config())
                .containsExactly("C101 default", "C101 jsprit", "C101 ortools", "R101 default", "R101 jsprit", "R101 ortools");
        for (RunResult r : report.runs()) {
            assertThat(r.served()).as(r.instance() + " " + r.config()).isEqualTo(r.tasks());
            assertThat(r.seconds()).as("each run keeps its own budget").isBetween(1.5, 6.0);
            if (checker != null) {
                assertThat(r.checker().feasible()).as(r.instance() + " " + r.config()).isTrue();
                assertThat(r.checker().agrees()).as(r.instance() + " " + r.config()).isTrue();
            }
        }
        assertThat(report.environment().solverThreads()).contains("2 runs at once");
        // The second run started before the first ended: both solved at the same time.
        String lines = progress.toString(StandardCharsets.UTF_8);
        assertThat(lines.indexOf("[2/6] C101 · jsprit · seed 0: solving")).isNotNegative()
                .isLessThan(lines.indexOf("[1/6] C101 · default · seed 0: 10 vehicles"));
        assertThat(lines).contains("SIDE R101").contains("the same budget and machine, 2 runs at a time, one per core")
                .doesNotContain("one after another");
        assertThat(Files.readString(dir.resolve(ReportFiles.HTML))).contains("每次同时运行 2 个求解（各占一个核心）")
                .contains("The solvers ran 2 runs at a time, each on a core of its own,").doesNotContain("依次运行");
    }
}
