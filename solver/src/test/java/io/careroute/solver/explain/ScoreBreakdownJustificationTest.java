package io.careroute.solver.explain;

import static io.careroute.solver.fixtures.Fixtures.H11;
import static io.careroute.solver.fixtures.Fixtures.H12;
import static io.careroute.solver.fixtures.Fixtures.carrier;
import static io.careroute.solver.fixtures.Fixtures.delivery;
import static io.careroute.solver.fixtures.Fixtures.route;
import static io.careroute.solver.fixtures.Fixtures.scheduled;
import static io.careroute.solver.fixtures.Stops.stop;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.CareConstraint;
import io.careroute.solver.domain.MatchJustification;
import io.careroute.solver.domain.MatchJustification.Unit;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.TimeWindow;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.fixtures.LineTravelTimes;
import org.junit.jupiter.api.Test;

/** The score breakdown carries, per broken constraint, the facts of each match (no text: that is the reader's). */
class ScoreBreakdownJustificationTest {

    @Test
    void aLateDeliveryAndAnUnservedOneAreJustifiedWithTheirFacts() {
        Worker w1 = carrier("W1").build();
        Task late = scheduled(delivery("O1", 1).build(), stop().late(720).build());
        route(w1, late);
        Worker holder = Worker.unassignedHolder();
        Task parked = delivery("O2", 2).unassignedPenalty(60).build();
        route(holder, parked);
        CarePlan plan = new CarePlan("t", new LineTravelTimes(0, 100, 200), List.of(w1, holder), List.of(late, parked));

        List<ConstraintScore> breakdown = new ScoreBreakdown().explain(plan);

        assertThat(justifications(breakdown, CareConstraint.TIME_WINDOW)).containsExactly(new MatchJustification(
                CareConstraint.TIME_WINDOW, "O1", "W1", 720, Unit.SECONDS, null, List.of(new TimeWindow(H11, H12))));
        assertThat(justifications(breakdown, CareConstraint.UNASSIGNED_TASK)).containsExactly(new MatchJustification(
                CareConstraint.UNASSIGNED_TASK, "O2", null, 60, Unit.POINTS, null, List.of()));
    }

    private static List<MatchJustification> justifications(List<ConstraintScore> breakdown, CareConstraint constraint) {
        return breakdown.stream().filter(c -> c.name().equals(constraint.constraintName())).findFirst().orElseThrow()
                .justifications();
    }
}
