package io.careroute.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        assertThat(SideBySide.lines(report)).hasSize(2).last().asString()
                .startsWith("SIDE C101").contains("| default 1").contains("| jsprit 1").contains("| ortools 1");
    }
}
