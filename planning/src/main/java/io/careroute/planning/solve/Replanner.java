package io.careroute.planning.solve;

import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.assemble.SnapReport;
import io.careroute.planning.assemble.ProblemAssembler;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.careroute.data.i18n.Messages;
import io.careroute.data.i18n.Text;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemValidator;
import io.careroute.data.replan.Change;
import io.careroute.data.replan.ChangeList;
import io.careroute.data.replan.EventsDocument;
import io.careroute.data.replan.PreparedReplan;
import io.careroute.data.replan.ReplanMerge;
import io.careroute.data.replan.ReplanPreparation;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.replan.WarmStart;
import io.careroute.solver.solve.SolverSettings;

/**
 * Same-day re-planning: freezes what already happened, re-plans the rest starting from the published order (so
 * the solver only repairs), charges every change against the published plan, and lists exactly what changed.
 * Preparing (which validates the events) and solving are separate, so an API can refuse bad events at once.
 */
public final class Replanner {

    private final ProblemAssembler assembler;
    private final CarePlanner planner;

    public Replanner(ProblemAssembler assembler, CarePlanner planner) {
        this.assembler = assembler;
        this.planner = planner;
    }

    /**
     * A validated re-plan, warm-started from the published plan, ready to solve.
     *
     * @param places the snap report of the whole day's places (the open problem's workers start where they are now)
     */
    public record Prepared(PreparedReplan replan, AssembledProblem open, Messages messages, List<PlanDocument.PlaceSnap> places) {
    }

    /** The result: the whole day's new plan, the open part as solved, and the changes to send out. */
    public record Result(PreparedReplan prepared, AssembledProblem open, CarePlan solved, PlanDocument openPlan,
                         PlanDocument plan, List<Change> changes) {
    }

    /**
     * A re-plan checked and placed on the road network, without travel matrices: all a server does before it
     * answers (so bad events are refused at once); {@link #prepare(Draft)} builds the rest in the solve job.
     *
     * @param open   the open part (what is left of the day) placed on the roads
     * @param places the snap report of the whole day's places
     */
    public record Draft(PreparedReplan replan, ProblemAssembler.PlacedProblem open, Messages messages,
                        List<PlanDocument.PlaceSnap> places) {
    }

    /** @throws io.careroute.data.problem.InvalidInputException naming each bad event or new visit */
    public Draft draft(ProblemDocument problem, PlanDocument published, EventsDocument events, Messages messages) {
        PreparedReplan prepared = ReplanPreparation.prepare(problem, published, events);
        ProblemValidator.validate(prepared.fullProblem());
        ProblemAssembler.PlacedProblem open = assembler.place(prepared.openProblem());
        refuseOutOfReach(prepared, open, events);
        ProblemAssembler.PlacedProblem day = assembler.place(prepared.fullProblem());
        return new Draft(prepared, open, messages, SnapReport.of(day.places(), day.placeSets()));
    }

    /**
     * A new visit pinned to a worker (a slot taken while the caller waits) whose windows all close before that worker,
     * from where they are now, can get there: refused at the event's windows, so a promise that can no longer be kept
     * (the plan moved on since the slot was offered) is not queued as a re-plan that would break it.
     */
    private void refuseOutOfReach(PreparedReplan prepared, ProblemAssembler.PlacedProblem open, EventsDocument events) {
        List<InputError> errors = new ArrayList<>();
        List<EventsDocument.Event> list = events.eventsOrEmpty();
        for (int i = 0; i < list.size(); i++) {
            EventsDocument.Event e = list.get(i);
            if (e.type() == EventsDocument.Type.NEW_VISIT && e.visit().pinnedWorkerId() != null) {
                Text why = assembler.windowsOutOfReach(prepared.openProblem(), open, e.visit().id(),
                        e.visit().pinnedWorkerId());
                if (why != null) {
                    errors.add(new InputError("events[" + i + "].visit.windows", why));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The travel matrices and the warm start of a drafted re-plan: ready to solve. */
    public Prepared prepare(Draft draft) {
        AssembledProblem open = assembler.assemble(draft.replan().openProblem(), draft.open(),
                draft.replan().published());
        WarmStart.apply(open.plan(), draft.replan().warmRoutes());
        return new Prepared(draft.replan(), open, draft.messages(), draft.places());
    }

    /** @throws io.careroute.data.problem.InvalidInputException naming each bad event or new visit */
    public Prepared prepare(ProblemDocument problem, PlanDocument published, EventsDocument events, Messages messages) {
        return prepare(draft(problem, published, events, messages));
    }

    public Result solve(Prepared prepared, SolverSettings settings) {
        return solve(prepared, settings, best -> { }, new SolveStop());
    }

    /**
     * As above, with progress and an early stop (see {@link CarePlanner#solve}). The tasks the events make break a
     * hard rule where the published plan has them (a late worker's missed windows) are first taken out of their
     * routes, for the construction heuristic to place again, not left to the search ({@link CarePlanner#releaseBroken}).
     * Here, not in {@link #prepare}: the live day projects a prepared plan as it stands, late visits flagged.
     */
    public Result solve(Prepared prepared, SolverSettings settings, Consumer<CarePlan> onNewBest, SolveStop stop) {
        planner.releaseBroken(prepared.open().plan());
        return result(prepared, planner.solve(prepared.open(), settings, onNewBest, stop));
    }

    /** The whole day's plan and its changes for a solution of the open part (the final one or a best so far). */
    public Result result(Prepared prepared, CarePlan solved) {
        PlanDocument openPlan = planner.document(prepared.open(), solved, prepared.messages());
        PlanDocument plan = ReplanMerge.merge(prepared.replan(), openPlan).withPlaces(prepared.places());
        return new Result(prepared.replan(), prepared.open(), solved, openPlan, plan,
                ChangeList.between(prepared.replan().publishedPlan(), plan));
    }

    public Result replan(ProblemDocument problem, PlanDocument published, EventsDocument events, Messages messages,
                         SolverSettings settings) {
        return solve(prepare(problem, published, events, messages), settings);
    }
}
