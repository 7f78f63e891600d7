package io.careroute.benchmarks.vrptw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The string-removal probe on a real Solomon instance, its solutions checked by {@code vrptw_check.py}. */
class StringRemovalProbeTest {

    @TempDir
    Path out;

    private final StringWriter output = new StringWriter();
    private final StringWriter errors = new StringWriter();

    private int run(String... args) {
        String shared = Path.of(System.getProperty("careroute.repositoryRoot", "..")).resolve("../shared")
                .toAbsolutePath().normalize().toString();
        String[] all = Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--shared";
        all[args.length + 1] = shared;
        all[args.length + 2] = "--out";
        all[args.length + 3] = out.toString();
        return StringRemovalProbe.run(new PrintWriter(output, true), new PrintWriter(errors, true), all);
    }

    @Test
    void anIterationLimitGivesTheSameCheckedRoutesForASeed() {
        assertThat(run("--suite", "RC101", "--iterations", "20000", "--seeds", "0,1")).as(errors.toString()).isZero();
        List<String> first = rows();
        assertThat(first).hasSize(2);
        for (String row : first) {
            String[] cells = row.split(",");
            assertThat(cells[0]).isEqualTo("RC101");
            assertThat(Integer.parseInt(cells[2])).as("vehicles").isBetween(14, 16);
            // Below the best known only with a vehicle more (RC101: 14 / 1696.94, 15 vehicles need less).
            double gap = Double.parseDouble(cells[6]);
            assertThat(gap).as("gap to the best known").isLessThan(15.0)
                    .isGreaterThan(Integer.parseInt(cells[2]) > Integer.parseInt(cells[4]) ? -10.0 : -0.01);
            assertThat(cells[7]).as("iterations").isEqualTo("20000");
            assertThat(Double.parseDouble(cells[9])).as("share undone").isBetween(0.0, 1.0);
            assertThat(cells[10]).isEqualTo("feasible");
            assertThat(Double.parseDouble(cells[12])).as("the route minimiser's CPU seconds").isPositive();
        }

        output.getBuffer().setLength(0);
        assertThat(run("--suite", "RC101", "--iterations", "20000", "--seeds", "0,1")).isZero();
        // Everything but the time per iteration is the same again.
        assertThat(rows().stream().map(StringRemovalProbeTest::withoutTime).toList())
                .isEqualTo(first.stream().map(StringRemovalProbeTest::withoutTime).toList());
    }

    /**
     * The pool file: a header naming the run and its plan, then the plan's routes, which serve every customer once and
     * add up to the header's distance, then the rest of the pool.
     */
    @Test
    void thePoolFileStartsWithThePlansRoutesAndItsDistance() throws Exception {
        Path pools = out.resolve("pools");
        assertThat(run("--suite", "RC101", "--iterations", "5000", "--seeds", "3", "--pool-out", pools.toString()))
                .as(errors.toString()).isZero();
        List<String> lines = java.nio.file.Files.readAllLines(pools.resolve("RC101-seed3.pool"));
        String[] header = lines.get(0).split(" ");
        assertThat(header[0]).isEqualTo("instance");
        assertThat(header[1]).isEqualTo("RC101");
        assertThat(header[3]).isEqualTo("3");
        int fleet = Integer.parseInt(header[5]);
        long plan = Long.parseLong(header[7]);
        assertThat(header[9]).isEqualTo("10000");
        int routes = Integer.parseInt(header[11]);
        assertThat(lines).hasSize(routes + 1);
        assertThat(routes).isGreaterThan(fleet);
        String row = rows().get(0);
        assertThat(Integer.parseInt(row.split(",")[2])).as("vehicles").isEqualTo(fleet);

        long total = 0;
        java.util.Set<Integer> served = new java.util.HashSet<>();
        for (String line : lines.subList(1, fleet + 1)) {
            String[] words = line.split(" ");
            total += Long.parseLong(words[0]);
            for (int i = 1; i < words.length; i++) {
                assertThat(served.add(Integer.parseInt(words[i]))).as("customer %s once", words[i]).isTrue();
            }
        }
        assertThat(served).hasSize(100);
        assertThat(total).isEqualTo(plan);
        // Each route in its shortest order met: no longer than the plan the run returned.
        assertThat(plan / 10_000.0).isLessThanOrEqualTo(Double.parseDouble(row.split(",")[3]) + 0.01);
    }

    /**
     * Recombined by HiGHS at the end of each of three cycles (without a deadline each is solved to the end, so an
     * iteration limit stays reproducible): the plans stay feasible by {@code vrptw_check.py} (else the exit is 3), and
     * on RC101 at least one recombination of the two runs finds a shorter plan than the search's best.
     */
    @Test
    void aRecombinationAtEachCyclesEndKeepsThePlanFeasibleAndFindsShorterOnes() {
        assertThat(run("--suite", "RC101", "--iterations", "20000", "--seeds", "0,1", "--cycles", "3", "--recombine", "10"))
                .as(errors.toString()).isZero();
        long gains = 0;
        for (String row : rows()) {
            String[] cells = row.split(",");
            assertThat(cells[10]).isEqualTo("feasible");
            assertThat(cells[13]).as("recombinations: two cycles' ends and the run's").isEqualTo("3");
            gains += Long.parseLong(cells[14]);
        }
        assertThat(rows()).hasSize(2);
        assertThat(gains).isPositive();
    }

    @Test
    void badOptionsExitTwoNamingTheOption() {
        assertThat(run("--suite", "RC101", "--iterations", "10", "--seconds", "1")).isEqualTo(2);
        assertThat(errors.toString()).contains("--seconds or --iterations");
        assertThat(run("--suite", "meal-day", "--iterations", "10")).isEqualTo(2);
        assertThat(errors.toString()).contains("--suite");
        assertThat(run("--suite", "RC101", "--iterations", "10", "--end-share", "0")).isEqualTo(2);
        assertThat(errors.toString()).contains("--end-share: the end temperature share");
        assertThat(run("--suite", "RC101", "--iterations", "10", "--cycles", "0")).isEqualTo(2);
        assertThat(errors.toString()).contains("--cycles: the annealing cycles are 1 or more");
        assertThat(run("--suite", "RC101", "--iterations", "10", "--from-start")).isEqualTo(2);
        assertThat(errors.toString()).contains("--from-start: begins the cycles after the first again")
                .contains("--cycles 2 or more, not 1");
        assertThat(run("--suite", "RC101", "--iterations", "10", "--recombine", "100")).isEqualTo(2);
        assertThat(errors.toString()).contains("--recombine: a percentage of the run, 1 to 99");
    }

    private List<String> rows() {
        return output.toString().lines().filter(line -> line.startsWith("RC101,")).toList();
    }

    private static String withoutTime(String row) {
        String[] cells = row.split(",");
        cells[8] = "";    // CPU an iteration
        cells[12] = "";   // the route minimiser's CPU
        return String.join(",", cells);
    }
}
