package io.careroute.benchmarks.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the independent checker {@code ../shared/tools/vrptw_check.py} (Python 3, standard library only) on a written
 * solution and reads its JSON answer, so the report shows the checker's own vehicles and distance beside ours.
 */
public final class VrptwChecker {

    /** Our distance and the checker's are both double-precision sums of the same legs: they agree to rounding. */
    static final double AGREEMENT = 1e-6;

    private final String python;
    private final Path script;

    public VrptwChecker(String python, Path script) {
        this.python = python;
        this.script = script;
    }

    /** The checker beside the data, if the script exists and a Python 3 runs; else null. */
    public static VrptwChecker find(Path shared) {
        Path script = shared.resolve("tools/vrptw_check.py");
        if (!Files.isRegularFile(script)) {
            return null;
        }
        for (String python : List.of("python3", "python")) {
            try {
                Process p = new ProcessBuilder(python, "--version").redirectErrorStream(true).start();
                String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 && version.contains("Python 3")) {
                    return new VrptwChecker(python, script);
                }
            } catch (IOException e) {
                // not on the path: try the next name
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    public String describe() {
        return python + " " + script;
    }

    public CheckerResult check(Path instance, Path solution, int ourVehicles, double ourDistance) {
        try {
            Process p = new ProcessBuilder(python, script.toString(), instance.toString(), solution.toString(), "--json")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return CheckerResult.failed("checker timed out");
            }
            // Exit 0 = feasible, 1 = infeasible (both print the JSON), 2 = usage or parse error.
            if (p.exitValue() > 1) {
                return CheckerResult.failed("checker exit " + p.exitValue());
            }
            JsonNode json = new ObjectMapper().readTree(out);
            int vehicles = json.get("vehicles").asInt();
            double distance = json.get("distance").asDouble();
            boolean feasible = json.get("feasible").asBoolean();
            int violations = json.path("errors").size();
            boolean agrees = vehicles == ourVehicles && Math.abs(distance - ourDistance) <= AGREEMENT;
            return new CheckerResult(vehicles, distance, feasible, violations, agrees, null);
        } catch (IOException e) {
            return CheckerResult.failed("checker not readable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckerResult.failed("interrupted");
        }
    }
}
