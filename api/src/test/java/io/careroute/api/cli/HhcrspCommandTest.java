package io.careroute.api.cli;

import static io.careroute.api.cli.CliTest.careroute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hhcrsp command against the independent evaluator of ../shared/data/hhcrsp (iolab-uniud, MIT). */
class HhcrspCommandTest {

    private static final Path HHCRSP = Path.of(System.getProperty("careroute.repositoryRoot", ".."))
            .resolve("../shared/data/hhcrsp").normalize();

    @Test
    void aSetAInstanceSolvedPassesTheEvaluatorWithTheSameObjective(@TempDir Path dir) throws Exception {
        Path solution = dir.resolve("A1.json");
        CliTest.Run run = careroute("hhcrsp", HHCRSP.resolve("instances/InstanzCPLEX_HCSRP_10_1.txt").toString(),
                "--seconds", "3", "--out", solution.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("served=13/13", "violations=0");
        Matcher objective = Pattern.compile("objective=([0-9.]+)").matcher(run.out());
        assertThat(objective.find()).isTrue();

        assumeThat(python("-c", "import numpy, scipy, pyparsing, click").exit())
                .as("python3 with numpy, scipy, pyparsing and click is needed for the evaluator (apt: python3-numpy "
                        + "python3-scipy python3-pyparsing python3-click)").isZero();
        Result evaluated = python(HHCRSP.resolve("evaluator/evaluate.py").toString(),
                HHCRSP.resolve("instances-json/InstanzCPLEX_HCSRP_10_1.json").toString(), solution.toString());
        assertThat(evaluated.exit()).as(evaluated.output()).isZero();
        String json = evaluated.output().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
        JsonNode cost = new ObjectMapper().readTree(json);
        assertThat(cost.get("total_cost").asDouble()).isCloseTo(Double.parseDouble(objective.group(1)),
                org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aBadInstanceIsRefusedWithExitTwoNamingTheBlock(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(HHCRSP.resolve("instances/InstanzCPLEX_HCSRP_10_1.txt"));
        lines.set(lines.indexOf("d") + 3, "1 2 3");
        Path bad = dir.resolve("bad.txt");
        Files.write(bad, lines);
        CliTest.Run run = careroute("hhcrsp", bad.toString(), "--seconds", "1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("bad.txt block d row 3").contains("12").doesNotContain("Exception");
    }

    private record Result(int exit, String output) {
    }

    private static Result python(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("python3"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException noPython) {
            return new Result(127, noPython.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return new Result(process.exitValue(), output);
    }
}
