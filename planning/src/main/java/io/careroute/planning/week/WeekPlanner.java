package io.careroute.planning.week;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.careroute.data.i18n.Messages;
import io.careroute.data.i18n.Text;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryValidator;
import io.careroute.data.week.DayProblem;
import io.careroute.data.week.HorizonProblem;
import io.careroute.data.week.WeekDocument;
import io.careroute.data.week.WeekDocumentBuilder;
import io.careroute.data.week.WeekExpansion;
import io.careroute.data.week.WeekFacts;
import io.careroute.data.week.WeekReplan;
import io.careroute.data.week.WeekRequest;
import io.careroute.data.week.WeekSplit;
import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.geojson.RouteGeoJson;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.solve.SolveStop;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.replan.WarmStart;
import io.careroute.solver.solve.SolverSettings;

/**
 * Plans a week (1–14 days) from the register in one optimisation: every worker-day is a route, every meal owed on
 * a date a task of that date, and every visit a care plan owes in a 7-day block a task that may go to any allowed
 * date of its block — so the solver chooses the days and the workers together, with the rules that span days
 * (visits of a plan days apart, weekly hours, one worker for an elder) beside every daily rule. The result is cut
 * into ordinary days: each date's problem and plan, which publishing, re-planning and route sheets work on as for
 * any day. Design and alternatives: docs/design.md, "The week".
 */
public final class WeekPlanner {

    private final ProblemAssembler assembler;
    private final CarePlanner planner;

    public WeekPlanner(ProblemAssembler assembler, CarePlanner planner) {
        this.assembler = assembler;
        this.planner = planner;
    }

    /**
     * One date of the planned week: its problem, its routes and its plan.json (null on a date nobody works), and when
     * asked for, its route geometry (GeoJSON, WGS-84; else null).
     */
    public record Day(LocalDate date, DayProblem problem, PlanDocument plan, Map<String, Object> geometry) {

        public Day(LocalDate date, DayProblem problem, PlanDocument plan) {
            this(date, problem, plan, null);
        }
    }

    public record Result(HorizonProblem horizon, CarePlan solved, List<Day> days, WeekDocument week) {
    }

    /**
     * Checks the register and the horizon and unfolds the register over it; nothing is routed yet.
     *
     * @throws InvalidInputException naming each bad field of the register (or {@code days})
     */
    public HorizonProblem expand(RegistryDocument registry, WeekRequest request) {
        checkHorizon(request);
        RegistryValidator.validate(registry);
        return WeekExpansion.expand(registry, request);
    }

    /**
     * As {@link #expand(RegistryDocument, WeekRequest)} for the rest of a published week from {@code replan.since()}.
     *
     * @throws InvalidInputException naming each bad field of the register (or {@code days})
     */
    public HorizonProblem expand(RegistryDocument registry, WeekRequest request, WeekReplan replan) {
        checkHorizon(request);
        RegistryValidator.validate(registry);
        return WeekExpansion.expand(registry, request, replan);
    }

    private static void checkHorizon(WeekRequest request) {
        if (request.days() < 1 || request.days() > WeekRequest.MAX_DAYS) {
            throw new InvalidInputException(List.of(new InputError("days",
                    Text.of("error.horizon", WeekRequest.MAX_DAYS, request.days()))));
        }
    }

    /**
     * Validates the unfolded week as one problem and snaps its places, without any matrix: what a server does on the
     * request, so that a bad register is refused at once, naming the register's field.
     */
    public ProblemAssembler.PlacedProblem place(HorizonProblem horizon) {
        try {
            return assembler.place(horizon.problem());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.errors().stream().map(horizon::toRegistry).toList());
        }
    }

    /**
     * The rest of a published week from {@code replan.since()} under the register as it is now (a worker on leave,
     * an elder in hospital): the visits and hours before that date count as done, and the re-plan starts from the
     * published routes and pays for every task given to another worker or day or moved in time, so it changes as
     * little as the new register allows.
     */
    public Result replan(RegistryDocument registry, WeekRequest request, WeekReplan replan, SolverSettings settings,
                         Messages messages) {
        HorizonProblem horizon = expand(registry, request, replan);
        AssembledProblem week = assemble(horizon);
        CarePlan solved = planner.solve(week, settings, best -> { }, new SolveStop());
        return result(horizon, solved, messages);
    }

    /** Routes the unfolded week: validated again as one problem, its places snapped, its matrices built. */
    public AssembledProblem assemble(HorizonProblem horizon) {
        return assemble(horizon, null);
    }

    /**
     * Routes the unfolded week from what {@link #place} answered for it (a server placed it on the request), or, when
     * {@code placed} is null, validates and places it first.
     */
    public AssembledProblem assemble(HorizonProblem horizon, ProblemAssembler.PlacedProblem placed) {
        AssembledProblem assembled;
        try {
            assembled = placed == null ? assembler.assemble(horizon.problem(), horizon.published().tasks())
                    : assembler.assemble(horizon.problem(), placed, horizon.published().tasks());
        } catch (InvalidInputException e) {
            // Found in the unfolded week (a bad location, a home off the roads): named by the register's field.
            throw new InvalidInputException(e.errors().stream().map(horizon::toRegistry).toList());
        }
        WeekFacts.apply(assembled.plan(), horizon);
        if (!horizon.published().routes().isEmpty()) {
            // A re-plan starts from the published routes; the solver only repairs what the change broke. What breaks a
            // hard rule there (a shift shortened in the register, a bath whose partner is on leave) is first taken out
            // for the construction heuristic to place again, as a same-day re-plan does (Replanner#solve): started
            // broken, late acceptance takes any move that mends a hard break, whatever it moves besides.
            WarmStart.apply(assembled.plan(), horizon.published().routes());
            planner.releaseBroken(assembled.plan());
        }
        return assembled;
    }

    public Result plan(RegistryDocument registry, WeekRequest request, SolverSettings settings, Messages messages) {
        return plan(registry, request, settings, messages, best -> { }, new SolveStop());
    }

    public Result plan(RegistryDocument registry, WeekRequest request, SolverSettings settings, Messages messages,
                       Consumer<CarePlan> onNewBest, SolveStop stop) {
        HorizonProblem horizon = expand(registry, request);
        AssembledProblem week = assemble(horizon);
        CarePlan solved = planner.solve(week, settings, onNewBest, stop);
        return result(horizon, solved, messages);
    }

    /** The days and week.json of a solution of the week (the final one or a best so far). */
    public Result result(HorizonProblem horizon, CarePlan solved, Messages messages) {
        return result(horizon, solved, messages, false);
    }

    /**
     * As {@link #result(HorizonProblem, CarePlan, Messages)}; with {@code geometry}, each day also gets its routes
     * along the roads (a server keeps them with the day's plan for its map).
     */
    public Result result(HorizonProblem horizon, CarePlan solved, Messages messages, boolean geometry) {
        List<Day> days = new ArrayList<>();
        Map<LocalDate, PlanDocument> plans = new LinkedHashMap<>();
        for (DayProblem day : WeekSplit.days(horizon, solved)) {
            if (day.date().isBefore(horizon.published().since())) {
                continue;   // a re-plan leaves the days before it as published
            }
            if (day.problem().workersOrEmpty().isEmpty()) {
                days.add(new Day(day.date(), day, null));   // nobody on duty: what was owed is in week.json
                continue;
            }
            AssembledProblem assembled = assembler.assemble(day.problem());
            WarmStart.apply(assembled.plan(), day.routes());
            planner.score(assembled.plan());
            PlanDocument plan = planner.document(assembled, assembled.plan(), messages);
            days.add(new Day(day.date(), day, plan, geometry ? RouteGeoJson.of(assembled, assembled.plan()) : null));
            plans.put(day.date(), plan);
        }
        return new Result(horizon, solved, days, WeekDocumentBuilder.build(horizon, solved, plans, messages));
    }
}
