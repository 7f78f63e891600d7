package io.careroute.planning.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanDocument.StopKind;
import io.careroute.data.plan.PlanDocument.TaskOutcome;
import io.careroute.data.plan.PlanDocument.WorkerRoute;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.check.PlanVerifier;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Golden plans: the documented example problems under {@code src/test/resources/golden/<name>/problem.json} (see the
 * README there), each planned with the real solver on the bundled demo extract, the plan checked from first
 * principles by {@link PlanVerifier}, and its figures (score, counts, unassigned tasks with their reason codes, every
 * worker's stops in order, travel totals) compared with {@code expected.json} beside the problem. A mismatch prints
 * one line per differing field: {@code path: expected X, actual Y}.
 *
 * <p>The solve is reproducible: the production configuration ({@link CarePlanSolverConfig}) with a fixed seed, one
 * thread, REPRODUCIBLE mode and a local-search step count instead of a time limit; the wall-clock limit is only a
 * safety net that a healthy run never reaches (reaching it fails the example).
 *
 * <p>The expected files are the contract. A solver or model change may legitimately find a different, equally good
 * or better plan: review the printed diff, then regenerate and commit the new files with the change:
 * <pre>
 * flock /tmp/careroute-build.lock ./mvnw -o -B test -pl planning -am -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest=GoldenPlansTest -Dcareroute.golden.update=true
 * </pre>
 * which rewrites {@code planning/src/test/resources/golden/<name>/expected.json} (and still fails an example whose
 * plan the verifier rejects). {@code -Dcareroute.golden.only=NAME} runs (or rewrites) one example.
 */
class GoldenPlansTest {

    static final Path SOURCE_DIR = Path.of("src/test/resources/golden");
    static final boolean UPDATE = Boolean.getBoolean("careroute.golden.update");
    /** {@code -Dcareroute.golden.only=NAME}: plan just that example (while writing one). */
    static final String ONLY = System.getProperty("careroute.golden.only", "");
    static final long SEED = 0;
    static final int LOCAL_SEARCH_STEPS = 2_000;
    static final Duration SAFETY_LIMIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = ProblemJson.mapper();

    @TestFactory
    Stream<DynamicTest> everyExampleGivesItsExpectedPlan() throws IOException {
        List<String> names;
        try (Stream<Path> dirs = Files.list(SOURCE_DIR)) {
            names = dirs.filter(d -> Files.isRegularFile(d.resolve("problem.json")))
                    .map(d -> d.getFileName().toString())
                    .filter(n -> ONLY.isEmpty() || n.equals(ONLY)).sorted().toList();
        }
        assertThat(names).as("golden examples in " + SOURCE_DIR.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(ONLY.isEmpty() ? 4 : 1);
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
    }

    static void check(String name) throws IOException {
        Path dir = SOURCE_DIR.resolve(name);
        ProblemDocument problem;
        try (InputStream in = Files.newInputStream(dir.resolve("problem.json"))) {
            problem = ProblemJson.read(in);
        }
        AssembledProblem assembled;
        try {
            assembled = new ProblemAssembler(TestNetwork.demo(), 300).assemble(problem);
        } catch (InvalidInputException e) {
            throw new AssertionError(name + ": problem.json is refused: " + e.errors(), e);
        }
        long started = System.nanoTime();
        Solver<CarePlan> solver = SolverFactory.<CarePlan>create(reproducible()).buildSolver();
        CarePlan solved = solver.solve(assembled.plan());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).as(name + ": the safety time limit stopped the solve; the run is not reproducible")
                .isLessThan(SAFETY_LIMIT);
        PlanDocument plan = new CarePlanner().document(assembled, solved, Messages.english());

        List<String> violations = PlanVerifier.verify(problem, assembled.plan().getTravelTimes(), plan);
        assertThat(violations).as(name + ": the verifier rejects the plan (score " + plan.score() + ", routes "
                + plan.workers().stream().map(w -> w.id() + " " + w.departure() + " " + w.stops().stream()
                        .map(s -> s.kind() + " " + s.taskId() + " " + s.arrival() + "-" + s.end()).toList()).toList()
                + ")").isEmpty();

        // Through text, as the file is written and read: a long written is an int read back.
        JsonNode actual = JSON.readTree(JSON.writeValueAsString(figures(plan)));
        Path expectedFile = dir.resolve("expected.json");
        if (UPDATE) {
            Files.write(expectedFile, (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n").getBytes());
            System.out.printf("golden %s: wrote %s (%.1f s)%n", name, expectedFile, took.toMillis() / 1000.0);
            return;
        }
        assertThat(expectedFile).as(name + ": no expected.json; run with -Dcareroute.golden.update=true").exists();
        JsonNode expected = JSON.readTree(expectedFile.toFile());
        List<String> diff = new ArrayList<>();
        diff("", expected, actual, diff);
        System.out.printf("golden %s: %s (%.1f s)%n", name, diff.isEmpty() ? "as expected" : diff.size() + " differences",
                took.toMillis() / 1000.0);
        assertThat(diff).as(name + ": the plan differs from " + expectedFile + " (expected vs actual below; if the new"
                + " plan is right, regenerate with -Dcareroute.golden.update=true and commit it)\n  "
                + String.join("\n  ", diff) + "\n").isEmpty();
    }

    /** The production solver configuration, made reproducible: a step count, one thread, a fixed seed. */
    static SolverConfig reproducible() {
        SolverConfig config = CarePlanSolverConfig.create(new SolverSettings(SAFETY_LIMIT, null, SEED));
        List<PhaseConfig> phases = new ArrayList<>();
        for (PhaseConfig phase : config.getPhaseConfigList()) {
            phases.add(phase instanceof LocalSearchPhaseConfig localSearch
                    ? localSearch.copyConfig().withTerminationConfig(new TerminationConfig().withStepCountLimit(LOCAL_SEARCH_STEPS))
                    : phase);
        }
        return config.withPhaseList(phases)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withMoveThreadCount(SolverConfig.MOVE_THREAD_COUNT_NONE)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(SAFETY_LIMIT));
    }

    /** What the example promises: no times of the solve, only the plan's figures. */
    static Map<String, Object> figures(PlanDocument plan) {
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, Object> solvedWith = new LinkedHashMap<>();
        solvedWith.put("seed", SEED);
        solvedWith.put("localSearchSteps", LOCAL_SEARCH_STEPS);
        figures.put("solvedWith", solvedWith);
        figures.put("score", plan.score());
        figures.put("feasible", plan.feasible());
        figures.put("totals", plan.totals());
        Map<String, Object> unassigned = new LinkedHashMap<>();
        for (TaskOutcome task : plan.tasks()) {
            if (task.assignedTo() == null) {
                Map<String, Object> blocked = new LinkedHashMap<>();
                task.blockedBy().forEach(b -> blocked.put(b.rule(), b.workers()));
                unassigned.put(task.id(), blocked);
            }
        }
        figures.put("unassigned", unassigned);
        Map<String, Object> workers = new LinkedHashMap<>();
        for (WorkerRoute route : plan.workers()) {
            List<String> stops = route.stops().stream()
                    .filter(s -> s.kind() != StopKind.END)
                    .map(s -> s.kind() == StopKind.KITCHEN ? "kitchen " + s.kitchenId() : s.taskId())
                    .toList();
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("stops", stops);
            figure.put("trips", route.totals().trips());
            figure.put("travelSeconds", route.totals().travelSeconds());
            figure.put("travelMetres", route.totals().travelMetres());
            figure.put("waitingSeconds", route.totals().waitingSeconds());
            workers.put(route.id(), figure);
        }
        figures.put("workers", workers);
        return figures;
    }

    /** One line per differing leaf: {@code path: expected X, actual Y}. */
    static void diff(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected != null && actual != null && expected.isObject() && actual.isObject()) {
            Set<String> fields = new LinkedHashSet<>();
            expected.fieldNames().forEachRemaining(fields::add);
            actual.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                diff(path.isEmpty() ? field : path + "." + field, expected.get(field), actual.get(field), out);
            }
        } else if (expected != null && actual != null && expected.isArray() && actual.isArray()
                && !expected.equals(actual) && expected.size() == actual.size() && !allValues(expected)) {
            for (int i = 0; i < expected.size(); i++) {
                diff(path + "[" + i + "]", expected.get(i), actual.get(i), out);
            }
        } else if (expected == null || actual == null || !expected.equals(actual)) {
            out.add(path + ": expected " + (expected == null ? "(absent)" : expected) + ", actual "
                    + (actual == null ? "(absent)" : actual));
        }
    }

    private static boolean allValues(JsonNode array) {
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            if (it.next().isContainerNode()) {
                return false;
            }
        }
        return true;
    }

}
