package io.careroute.solver.replan;

import static io.careroute.solver.fixtures.Fixtures.H10;
import static io.careroute.solver.fixtures.Fixtures.H11;
import static io.careroute.solver.fixtures.Fixtures.H12;
import static io.careroute.solver.fixtures.Fixtures.H17;
import static io.careroute.solver.fixtures.Fixtures.H8;
import static io.careroute.solver.fixtures.Fixtures.careWorker;
import static io.careroute.solver.fixtures.Fixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.explain.ScoreBreakdown;
import io.careroute.solver.fixtures.LineTravelTimes;
import org.junit.jupiter.api.Test;

/**
 * A worker who starts at 10:00 instead of 08:00 (as a re-plan after a delay sees them) misses V1's window and, behind
 * it, V2's; without V1 V2 is on time. The repair takes out the earliest breaking task of each route, round by round,
 * and keeps pinned tasks.
 */
class WarmStartRepairTest {

    private static final LineTravelTimes STREET = new LineTravelTimes(0, 400, 800, 1200);
    private static final ScoreBreakdown BREAKDOWN = new ScoreBreakdown();

    @Test
    void takesOutTheFirstMissedVisitOnlyWhenTheRestThenFits() {
        CarePlan plan = lateDay(v1 -> v1);
        assertThat(BREAKDOWN.hardBreakers(plan)).extracting(b -> ((Task) b).getId()).containsExactlyInAnyOrder("V1", "V2");

        List<String> released = WarmStart.releaseBroken(plan, BREAKDOWN::hardBreakers);

        assertThat(released).containsExactly("V1");
        assertThat(task(plan, "V1").getWorker()).isNull();
        assertThat(worker(plan, "C1").getTasks()).extracting(Task::getId).containsExactly("V2", "V3");
        // Without V1, V2 starts at 10:13:20, inside its window (to 10:40): nothing breaks any more.
        assertThat(task(plan, "V2").getSchedule().start()).isEqualTo(H10 + 800);
        assertThat(BREAKDOWN.hardBreakers(plan)).isEmpty();
    }

    @Test
    void aPinnedTaskStaysAndTheNextBreakingOneGoesInstead() {
        CarePlan plan = lateDay(v1 -> v1.pinnedTo("C1"));

        List<String> released = WarmStart.releaseBroken(plan, BREAKDOWN::hardBreakers);

        assertThat(released).containsExactly("V2");
        assertThat(worker(plan, "C1").getTasks()).extracting(Task::getId).containsExactly("V1", "V3");
        // The pinned visit's own lateness is the dispatcher's to see: it still breaks, nothing else does.
        assertThat(BREAKDOWN.hardBreakers(plan)).extracting(b -> ((Task) b).getId()).containsExactly("V1");
    }

    @Test
    void aPlanThatBreaksNothingAnyMoreIsLeftAsItIs() {
        CarePlan plan = lateDay(v1 -> v1.window(H8, H12));
        List<String> released = WarmStart.releaseBroken(plan, BREAKDOWN::hardBreakers);
        // V1 is on time now, V2 behind it is still late: it goes, and that is all.
        assertThat(released).containsExactly("V2");
        assertThat(WarmStart.releaseBroken(plan, BREAKDOWN::hardBreakers)).isEmpty();
        assertThat(worker(plan, "C1").getTasks()).extracting(Task::getId).containsExactly("V1", "V3");
    }

    /** C1 starts at 10:00 and walks 400 s between places; visits of 30 minutes: V1 at 1, V2 at 2, V3 at 3. */
    private static CarePlan lateDay(UnaryOperator<Task.Builder> v1) {
        List<Worker> workers = new ArrayList<>(List.of(careWorker("C1").shift(H10, H17).endsAt(0).build(),
                Worker.unassignedHolder()));
        List<Task> tasks = new ArrayList<>(List.of(
                v1.apply(visit("V1", 1).serviceSeconds(1800).window(H8, H10)).build(),
                visit("V2", 2).serviceSeconds(1800).window(H8, H10 + 2400).build(),
                visit("V3", 3).serviceSeconds(1800).window(H8, H12).build()));
        CarePlan plan = new CarePlan("late", STREET, workers, tasks);
        WarmStart.apply(plan, Map.of("C1", List.of("V1", "V2", "V3")));
        assertThat(task(plan, "V3").getSchedule().start()).isLessThan(H11 + 1800);
        return plan;
    }

    private static Task task(CarePlan plan, String id) {
        return plan.getTasks().stream().filter(t -> t.getId().equals(id)).findFirst().orElseThrow();
    }

    private static Worker worker(CarePlan plan, String id) {
        return plan.getWorkers().stream().filter(w -> w.getId().equals(id)).findFirst().orElseThrow();
    }
}
