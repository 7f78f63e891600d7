package io.careroute.benchmarks.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes a report as {@code report.html} (for people), {@code results.csv} and {@code report.json} (for scripts). */
public final class ReportFiles {

    public static final String HTML = "report.html";
    public static final String CSV = "results.csv";
    public static final String JSON = "report.json";

    private ReportFiles() {
    }

    public static void write(BenchmarkReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(HTML), HtmlReport.render(report), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(CSV), csv(report), StandardCharsets.UTF_8);
        mapper().writeValue(dir.resolve(JSON).toFile(), report);
    }

    public static BenchmarkReport read(Path json) throws IOException {
        return mapper().readValue(json.toFile(), BenchmarkReport.class);
    }

    static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    static final List<String> CSV_COLUMNS = List.of("instance", "kind", "config", "seed", "tasks", "served", "vehicles",
            "distance", "distance_unit", "bks_vehicles", "bks_distance", "gap_percent", "vehicles_above_bks",
            "gap_to_run_best_percent", "hard", "medium", "soft", "seconds", "seconds_to_best", "ls_steps", "ls_step_of_best",
            "score_calculations", "score_calculations_per_second", "ls_score_calculations_per_second", "safety_limit_hit",
            "checker_vehicles", "checker_distance", "checker_feasible", "checker_agrees", "solution_file", "commit", "budget");

    /** One line per run, numbers unrounded, the commit and budget on every line (so files can be concatenated). */
    static String csv(BenchmarkReport report) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        RunEnvironment env = report.environment();
        for (RunResult r : report.runs()) {
            CheckerResult c = r.checker();
            List<Object> cells = List.of(r.instance(), r.kind(), r.config(), r.seed(), r.tasks(), r.served(), r.vehicles(),
                    r.distance(), r.distanceUnit(), orEmpty(r.bestVehicles()), orEmpty(r.bestDistance()), orEmpty(r.gapPercent()),
                    orEmpty(r.vehiclesAboveBest()), orEmpty(r.gapToRunBestPercent()), r.hard(), r.medium(), r.soft(), r.seconds(),
                    r.secondsToBest(), r.steps(), r.stepsToBest(), r.scoreCalculations(), r.scoreCalculationSpeed(),
                    r.localSearchSpeed(), r.safetyLimitHit(), c == null ? "" : orEmpty(c.vehicles()), c == null ? "" : orEmpty(c.distance()),
                    c == null ? "" : orEmpty(c.feasible()), c == null ? "" : c.agrees(), orEmpty(r.solutionFile()),
                    env.commit() + (env.dirty() ? "-dirty" : ""), env.budget());
            out.append(cells.stream().map(ReportFiles::csvCell).collect(Collectors.joining(","))).append('\n');
        }
        return out.toString();
    }

    private static Object orEmpty(Object value) {
        return value == null ? "" : value;
    }

    private static String csvCell(Object value) {
        String text = value instanceof Double d ? String.format(Locale.ROOT, "%s", d) : String.valueOf(value);
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
