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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.careroute.data.demo.DemoRegistry;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanTextReport;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.registry.CarePlanDoc;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryValidator;
import io.careroute.data.week.RegisterDay;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.solve.SolverSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The main job end to end on real components: the demo register's day (as {@code careroute plan --demo} plans it)
 * on the bundled OSM extract, real GraphHopper matrices, a real solve, and the result checked by
 * {@link PlanVerifier}, not by its score.
 */
class DemoPlanTest {

    /** A Tuesday: the volunteers work Tuesdays and Thursdays, so every worker of the street is on duty. */
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    /** Care visits the standing rota puts on the demo register's Tuesday (4, 5, 3, 4 and 7 from Monday to Friday). */
    static final int VISITS_ON_DAY = 5;
    static DemoRegister.Day day;
    static ProblemDocument problem;
    static AssembledProblem assembled;
    static CarePlan solved;
    static PlanDocument plan;

    @BeforeAll
    static void solveTheDemo() {
        day = DemoRegister.firstServiceDay(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
        problem = day.problem();
        assembled = new ProblemAssembler(TestNetwork.demo(), 300).assemble(problem);
        CarePlanner planner = new CarePlanner();
        solved = planner.solve(assembled, new SolverSettings(Duration.ofSeconds(15), Duration.ofSeconds(4), 0), best -> { });
        plan = planner.document(assembled, solved, Messages.chinese());
    }

    @Test
    void theDemoIsADayOfTheDemoRegisterOfTheAdvertisedSize() {
        assertThat(day.moved()).isFalse();
        assertThat(problem.date()).isEqualTo(DAY);
        assertThat(problem.kitchens()).hasSize(1);
        assertThat(problem.deliveries()).hasSize(75);   // 60 lunches, 15 dinners: every subscription, Monday to Friday
        assertThat(problem.kitchens().get(0).batches()).extracting(b -> b.id()).containsExactly("K1-LUNCH", "K1-DINNER");
        assertThat(problem.workers()).hasSize(14);
        assertThat(problem.elders()).hasSize(60);
        // The care visits the standing rota puts on a Tuesday, named as a week's day names them.
        assertThat(problem.visits()).hasSize(VISITS_ON_DAY)
                .allSatisfy(v -> assertThat(v.id()).matches("CP-V\\d+@2026-11-24"));
        assertThat(problem.deliveries()).allSatisfy(d -> assertThat(d.id()).matches("S-O\\d+@2026-11-24"));
        assertThat(problem.workers().stream().filter(w -> w.capacityBoxesOrZero() > 0).map(w -> w.mode()).distinct())
                .containsExactlyInAnyOrder(io.careroute.solver.domain.TravelMode.EBIKE, io.careroute.solver.domain.TravelMode.FOOT);
    }

    /** The day and the week it is part of are planned from one register: the week's, dated from its Monday. */
    @Test
    void theDayComesFromTheSameRegisterAsItsWeek() {
        RegistryDocument week = DemoRegister.forWeekOf(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY.minusDays(1));
        assertThat(day.registry()).isEqualTo(week);
        assertThat(day.registry()).isEqualTo(DemoRegistry.from(
                DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY.minusDays(1))));
        assertThat(RegistryValidator.check(day.registry())).isEmpty();
        assertThat(day.problem()).isEqualTo(RegisterDay.of(week, DAY));
    }

    /** Over a week the rota gives every care plan its visits a week, and every working day some of them. */
    @Test
    void overAWeekEveryCarePlanGetsItsWeeklyVisits() {
        Map<String, Integer> visits = new HashMap<>();
        for (int d = 0; d < 7; d++) {
            LocalDate date = DAY.minusDays(1).plusDays(d);
            List<VisitDoc> dayVisits = RegisterDay.of(day.registry(), date).visits();
            if (d < 5) {
                assertThat(dayVisits).as(date.toString()).isNotEmpty();
            } else {
                assertThat(dayVisits).as(date + ": the weekend").isEmpty();
            }
            dayVisits.forEach(v -> visits.merge(v.id().substring(0, v.id().indexOf('@')), 1, Integer::sum));
        }
        for (CarePlanDoc carePlan : day.registry().carePlans()) {
            assertThat(visits.getOrDefault(carePlan.id(), 0)).as(carePlan.id()).isEqualTo(carePlan.timesPerWeek());
        }
        // The two-person bath is Friday's.
        assertThat(RegisterDay.of(day.registry(), DAY.plusDays(3)).visits()).anySatisfy(v -> assertThat(v.needsTwoWorkers()).isTrue());
    }

    @Test
    void aWeekendMovesToMondayFromThatWeeksRegister() {
        LocalDate saturday = DAY.plusDays(4);
        DemoRegister.Day monday = DemoRegister.firstServiceDay(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, saturday);
        assertThat(monday.moved()).isTrue();
        assertThat(monday.asked()).isEqualTo(saturday);
        assertThat(monday.date()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(monday.problem().date()).isEqualTo(monday.date());
        assertThat(monday.registry()).isEqualTo(DemoRegister.forWeekOf(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED,
                monday.date()));
        // Monday: no volunteers (Tuesdays and Thursdays), the meals all the same.
        assertThat(monday.problem().workers()).hasSize(11);
        assertThat(monday.problem().deliveries()).hasSize(75);
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
        long pairs = problem.visits().stream().filter(VisitDoc::needsTwoWorkers).count();
        assertThat(plan.tasks()).hasSize(75 + VISITS_ON_DAY + (int) pairs);   // a two-worker visit: one task a worker
        assertThat(plan.tasks()).allSatisfy(task -> assertThat(task.assignedTo() != null || task.unassignedReason() != null).isTrue());
        // The demo has enough people: at most a handful may stay unassigned, each with a reason.
        assertThat(plan.totals().assigned()).isGreaterThanOrEqualTo(plan.tasks().size() - 5);
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
        // The columns line up however long the ids (a register's day: S-O01@2026-11-24, CP-V02@2026-11-24#2).
        java.util.regex.Pattern time = java.util.regex.Pattern.compile("\\d\\d:\\d\\d");
        List<Integer> arrivalColumns = en.lines().filter(line -> line.matches("^ {4}\\d+ .*"))
                .map(line -> { var m = time.matcher(line); return m.find() ? m.start() : -1; }).distinct().toList();
        assertThat(arrivalColumns).hasSize(1);
        assertThat(en.lines().filter(line -> line.startsWith("    #")).map(line -> line.indexOf("arrive")).distinct().toList())
                .singleElement().satisfies(header -> assertThat(header).isCloseTo(arrivalColumns.get(0), org.assertj.core.data.Offset.offset(1)));
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
        ProblemDocument again = DemoRegister.firstServiceDay(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY).problem();
        assertThat(again).isEqualTo(problem);
    }
}
