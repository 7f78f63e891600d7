package io.careroute.api.jobs;

import io.careroute.data.week.HorizonProblem;
import io.careroute.planning.assemble.ProblemAssembler.PlacedProblem;
import io.careroute.planning.solve.Replanner;

/**
 * What a request already did to a plan it submitted on this instance: validated its problem (or events) and placed
 * every place on the road network. Handed to the solve job when this instance takes it up, so the job only builds
 * the travel matrices; a job taken up by another instance (or after a restart) places again from the store.
 * A day's plan has {@code plan}, a re-plan {@code replan}, a week {@code week} with its unfolded problem's
 * placement in {@code plan}.
 */
record Placement(PlacedProblem plan, Replanner.Draft replan, HorizonProblem week) {

    static Placement ofPlan(PlacedProblem placed) {
        return new Placement(placed, null, null);
    }

    static Placement ofReplan(Replanner.Draft draft) {
        return new Placement(null, draft, null);
    }

    static Placement ofWeek(HorizonProblem week, PlacedProblem placed) {
        return new Placement(placed, null, week);
    }
}
