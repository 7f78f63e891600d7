package io.careroute.planning.demo;

import io.careroute.planning.testing.TestNetwork;
import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.geojson.RouteGeoJson;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.check.PlanVerifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanTextReport;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.solve.SolverSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The main job end to end on real components: the demo street generated on the bundled OSM extract, real
 * GraphHopper matrices, a real solve, and the result checked by {@link PlanVerifier}, not by its score.
 */
class DemoPlanTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static ProblemDocument problem;
    static AssembledProblem assembled;
    static CarePlan solved;
    static PlanDocument plan;

    @BeforeAll
    static void solveTheDemo() {
        problem = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
        assembled = new ProblemAssembler(TestNetwork.demo(), 300).assemble(problem);
        CarePlanner planner = new CarePlanner();
        solved = planner.solve(assembled, new SolverSettings(Duration.ofSeconds(15), Duration.ofSeconds(4), 0), best -> { });
        plan = planner.document(assembled, solved, Messages.chinese());
    }

    @Test
    void theDemoIsAStreetOfTheAdvertisedSize() {
        assertThat(problem.kitchens()).hasSize(1);
        assertThat(problem.deliveries()).hasSize(75);
        assertThat(problem.kitchens().get(0).batches()).extracting(b -> b.id()).containsExactly("K1-LUNCH", "K1-DINNER");
        assertThat(problem.visits()).hasSize(20);
        assertThat(problem.workers()).hasSize(14);
        assertThat(problem.visits().stream().map(v -> v.type()).distinct().count()).isGreaterThanOrEqualTo(6);
        assertThat(problem.workers().stream().filter(w -> w.capacityBoxesOrZero() > 0).map(w -> w.mode()).distinct())
                .containsExactlyInAnyOrder(io.careroute.solver.domain.TravelMode.EBIKE, io.careroute.solver.domain.TravelMode.FOOT);
    }

    @Test
    void planIsFeasibleAndConsistentWhenRecomputedFromTheTravelMatrix() {
        List<String> violations = PlanVerifier.verify(problem, assembled.plan().getTravelTimes(), plan);
        assertThat(violations).isEmpty();
        assertThat(plan.feasible()).isTrue();
        assertThat(solved.getScore().hardScore()).isZero();
    }

    @Test
    void everyTaskIsAssignedOrExplained() {
        assertThat(plan.tasks()).hasSize(97);   // 95 tasks; two visits need two workers: +2 parts
        assertThat(plan.tasks()).allSatisfy(task -> assertThat(task.assignedTo() != null || task.unassignedReason() != null).isTrue());
        // The demo has enough people: at most a handful may stay unassigned, each with a reason.
        assertThat(plan.totals().assigned()).isGreaterThanOrEqualTo(90);
    }

    @Test
    void lunchAndDinnerAreSeparateTripsFromTheKitchen() {
        // Evening carriers make a lunch trip and a dinner trip: at least one route loads twice at K1.
        assertThat(plan.workers()).anySatisfy(route -> {
            long kitchenStops = route.stops().stream().filter(s -> s.kind() == PlanDocument.StopKind.KITCHEN).count();
            assertThat(kitchenStops).isGreaterThanOrEqualTo(2);
            assertThat(route.shifts()).hasSize(2);
        });
    }

    @Test
    void theReportShowsEveryUsedWorkerWithStopsAndTotals() {
        String zh = PlanTextReport.render(plan, DAY.toString(), Messages.chinese());
        String en = PlanTextReport.render(plan, DAY.toString(), Messages.english());
        assertThat(zh).contains("评分", "取餐", "送餐", "上门", "返回", "总路程");
        assertThat(en).contains("Score", "load", "meal", "visit", "back", "travelling");
        plan.workers().stream().filter(w -> !w.stops().isEmpty()).forEach(w -> assertThat(zh).contains(w.id() + "（"));
        // No personal data in the report: names and phones stay in the problem.
        problem.elders().forEach(e -> assertThat(zh).doesNotContain(e.name()).doesNotContain(e.phone()));
    }

    @Test
    void routeGeometryFollowsRoadsForEveryLeg() {
        var geojson = RouteGeoJson.of(assembled, solved);
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> features = (List<java.util.Map<String, Object>>) geojson.get("features");
        long lines = features.stream().filter(f -> ((java.util.Map<?, ?>) f.get("geometry")).get("type").equals("LineString")).count();
        long points = features.stream().filter(f -> ((java.util.Map<?, ?>) f.get("geometry")).get("type").equals("Point")).count();
        assertThat(lines).isGreaterThan(60);
        assertThat(points).isGreaterThan(80);
    }

    @Test
    void theSameSeedGivesTheSameDemo() {
        ProblemDocument again = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
        assertThat(again).isEqualTo(problem);
    }
}
