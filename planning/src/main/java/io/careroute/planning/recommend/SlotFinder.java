package io.careroute.planning.recommend;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.careroute.data.i18n.Text;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.CarePlanFactory;
import io.careroute.data.problem.PlanDay;
import io.careroute.data.problem.PlanWeights;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.WindowDoc;
import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.RouteFeasibility;
import io.careroute.solver.domain.RouteScheduler;
import io.careroute.solver.domain.ScheduledStop;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.moves.Eligibility;
import io.careroute.solver.replan.WarmStart;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.domain.variable.descriptor.ListVariableDescriptor;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.ListChangeMove;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.score.director.InnerScoreDirectorFactory;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

/**
 * Offers slots for a new visit ({@code careroute recommend}, {@code POST /api/v1/plans/{id}/recommendations}): puts
 * the published plan back together (each worker's tasks in their published order, every stop recomputed by the
 * solver's own scheduling), then tries the visit at every position of every route that may take it and scores each
 * try with OptaPlanner's incremental score director (move it in, let the shadow variables re-time the route, read
 * the score, undo), the way the local search evaluates a move. Nothing else moves: a slot is the published plan plus
 * this one visit, so what it costs and which published starts it shifts are exactly known. Only fits that keep the
 * plan's hard score are offered, best score first, ties to the fewer moved tasks.
 *
 * <p>Two prunings skip work whose answer is known, not fits that might be good: a position after a stop that ends
 * past the visit's last window (every later position is later still: late, a hard break), and a position where the
 * visit itself would be late or outside a shift ({@link RouteFeasibility}, the same rule the constraints score).
 * One finder serves many requests (the score director factory is built once); each call uses its own director.
 */
public final class SlotFinder {

    public static final int DEFAULT_TOP = 5;
    public static final int MAX_TOP = 50;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final InnerScoreDirectorFactory<CarePlan, HardMediumSoftLongScore> directors;
    /** Skip the positions known to break a hard rule (false: score every position, for tests that prove it exact). */
    private final boolean prune;

    public SlotFinder() {
        this(true);
    }

    @SuppressWarnings("unchecked")
    SlotFinder(boolean prune) {
        this.prune = prune;
        DefaultSolverFactory<CarePlan> factory = (DefaultSolverFactory<CarePlan>) SolverFactory.<CarePlan>create(
                CarePlanSolverConfig.create(SolverSettings.ofSeconds(1)));
        this.directors = (InnerScoreDirectorFactory<CarePlan, HardMediumSoftLongScore>) factory.getScoreDirectorFactory();
    }

    /** Slots over the whole day: {@link #find(AssembledProblem, PlanWeights, PlanDocument, VisitDoc, int, OffsetDateTime)} without "now". */
    public Recommendations find(AssembledProblem day, PlanWeights weights, PlanDocument published, VisitDoc visit, int top) {
        return find(day, weights, published, visit, top, null);
    }

    /**
     * @param day       the day's problem assembled on the roads (its places and travel times are reused, its plan
     *                  is not touched, so one assembled day may serve several requests at once)
     * @param weights   the deployment's constraint weights (the assembler's)
     * @param published the published plan of that problem
     * @param visit     the new visit, as in problem.json
     * @param top       how many slots at most (1 to {@link #MAX_TOP})
     * @param at        "now" in a day under way, or null: no slot starts before it, and none goes before a stop
     *                  that started before it (as a re-plan at that time freezes those)
     * @throws io.careroute.data.problem.InvalidInputException naming each bad field of the visit
     */
    public Recommendations find(AssembledProblem day, PlanWeights weights, PlanDocument published, VisitDoc visit,
                                int top, OffsetDateTime at) {
        ProblemDocument problem = day.document();
        NewVisitCheck.withVisit(problem, visit);
        // The published score from a plan without the visit, not the parked visit's penalty subtracted: that would
        // assume how every constraint treats an unassigned task.
        CarePlan before = CarePlanFactory.create(problem, day.places(), day.plan().getTravelTimes(), Map.of(), weights);
        Map<String, List<String>> routes = routes(before, published);
        WarmStart.apply(before, routes);
        HardMediumSoftLongScore base;
        try (InnerScoreDirector<CarePlan, HardMediumSoftLongScore> director = directors.buildScoreDirector(false, false)) {
            director.setWorkingSolution(before);
            base = director.calculateScore();
        }
        PlanDay clock = PlanDay.of(problem);
        VisitDoc open = at == null ? visit : fromNow(visit, at);
        if (open.windowsOrEmpty().isEmpty()) {
            return new Recommendations(visit.id(), base.toString(), List.of(), 0,
                    Text.of("recommend.windowsPassed", CLOCK.format(at.atZoneSameInstant(clock.zone()))));
        }
        ProblemDocument with = NewVisitCheck.withVisit(problem, open);
        CarePlan plan = CarePlanFactory.create(with, day.places(), day.plan().getTravelTimes(), Map.of(), weights);
        routes.get(Worker.UNASSIGNED_HOLDER_ID).add(visit.id());
        WarmStart.apply(plan, routes);

        try (InnerScoreDirector<CarePlan, HardMediumSoftLongScore> director = directors.buildScoreDirector(false, false)) {
            director.setWorkingSolution(plan);
            director.calculateScore();
            List<Candidate> candidates = new ArrayList<>();
            Task task = plan.getTasks().stream().filter(t -> t.getId().equals(visit.id())).findFirst().orElseThrow();
            Counts counts = tryAll(director, plan, task, base, at == null ? Integer.MIN_VALUE : clock.toSeconds(at),
                    candidates);
            candidates.sort(Comparator.comparing(Candidate::delta, Comparator.reverseOrder())
                    .thenComparingInt(Candidate::moved)
                    .thenComparingInt(Candidate::start)
                    .thenComparing(Candidate::workerId));
            List<Slot> slots = candidates.stream().limit(Math.max(1, Math.min(top, MAX_TOP)))
                    .map(c -> new Slot(c.workerId(), clock.toTime(c.start()), clock.toTime(c.end()),
                            c.delta().toString(), c.moved(), c.index()))
                    .toList();
            Text reason = !slots.isEmpty() ? null
                    : counts.eligible() == 0 ? Text.of("recommend.noEligibleWorker")
                    : Text.of("recommend.noFeasibleSlot", counts.eligible());
            return new Recommendations(visit.id(), base.toString(), slots, counts.tried(), reason);
        }
    }

    /** The visit with its windows cut to start no earlier than {@code at} (those over by then dropped). */
    static VisitDoc fromNow(VisitDoc visit, OffsetDateTime at) {
        List<WindowDoc> windows = new ArrayList<>();
        for (WindowDoc window : visit.windowsOrEmpty()) {
            if (!window.end().isBefore(at)) {
                windows.add(window.start().isBefore(at) ? new WindowDoc(at, window.end()) : window);
            }
        }
        return new VisitDoc(visit.id(), visit.elderId(), visit.type(), visit.requiredSkills(), visit.durationMinutes(),
                windows, visit.priority(), visit.urgent(), visit.workersNeeded(), visit.pinnedWorkerId());
    }

    /** How many routes may take the visit at all, and how many positions among them were scored. */
    private record Counts(int eligible, int tried) {
    }

    /** Tries the task at every useful position of every route that may take it. */
    private Counts tryAll(InnerScoreDirector<CarePlan, HardMediumSoftLongScore> director, CarePlan plan, Task task,
                          HardMediumSoftLongScore base, int notBefore, List<Candidate> candidates) {
        ListVariableDescriptor<CarePlan> variable = director.getSolutionDescriptor().getListVariableDescriptors().get(0);
        Worker holder = plan.unassignedHolder();
        int holderIndex = holder.getTasks().indexOf(task);
        Published was = Published.of(plan, task);
        int latestEnd = task.latestWindowEnd();
        int eligible = 0;
        int tried = 0;
        for (Worker worker : plan.getWorkers()) {
            if (!Eligibility.mayTake(worker, task)) {
                continue;
            }
            eligible++;
            List<Task> route = worker.getTasks();
            int size = route.size();
            int started = 0;   // stops that started before "now" stay ahead of the visit
            while (started < size && route.get(started).getSchedule().start() < notBefore) {
                started++;
            }
            for (int index = started; index <= size; index++) {
                Task previous = index == 0 ? null : route.get(index - 1);
                ScheduledStop previousStop = previous == null ? null : previous.getSchedule();
                if (prune && previousStop != null && previousStop.end() > latestEnd) {
                    break;   // from here on the visit would start after its last window: late, a hard break
                }
                ScheduledStop alone = RouteScheduler.schedule(worker, previous, previousStop, task, index == size,
                        plan.getTravelTimes());
                if (prune && !RouteFeasibility.stopFeasible(worker, task, alone)) {
                    continue;
                }
                tried++;
                int at = index;
                director.doAndProcessMove(new ListChangeMove<>(variable, holder, holderIndex, worker, index), false,
                        score -> {
                            HardMediumSoftLongScore delta = score.subtract(base);
                            if (delta.hardScore() >= 0) {
                                ScheduledStop stop = task.getSchedule();
                                candidates.add(new Candidate(worker.getId(), at, stop.start(), stop.end(), delta,
                                        was.moved()));
                            }
                        });
            }
        }
        return new Counts(eligible, tried);
    }

    /**
     * Task ids per worker id as published (the unassigned holder takes every task no route lists), in order; a
     * task the plan names that the problem does not know is ignored, as in a re-plan's warm start.
     */
    private static Map<String, List<String>> routes(CarePlan plan, PlanDocument published) {
        Map<String, List<String>> routes = new LinkedHashMap<>();
        Set<String> placed = new HashSet<>();
        for (PlanDocument.WorkerRoute route : published.workers()) {
            List<String> ids = new ArrayList<>();
            for (PlanDocument.Stop stop : route.stops()) {
                if (stop.taskId() != null && (stop.kind() == PlanDocument.StopKind.DELIVERY
                        || stop.kind() == PlanDocument.StopKind.VISIT) && placed.add(stop.taskId())) {
                    ids.add(stop.taskId());
                }
            }
            routes.put(route.id(), ids);
        }
        List<String> unassigned = new ArrayList<>();
        for (Task task : plan.getTasks()) {
            if (!placed.contains(task.getId())) {
                unassigned.add(task.getId());
            }
        }
        routes.put(Worker.UNASSIGNED_HOLDER_ID, unassigned);
        return routes;
    }

    private record Candidate(String workerId, int index, int start, int end, HardMediumSoftLongScore delta, int moved) {
    }

    /** Who served each published task and when it started, to count what a slot moves. */
    private record Published(Task[] tasks, Worker[] workers, int[] starts) {

        static Published of(CarePlan plan, Task added) {
            List<Task> tasks = plan.getTasks().stream().filter(t -> t != added).toList();
            Worker[] workers = new Worker[tasks.size()];
            int[] starts = new int[tasks.size()];
            for (int i = 0; i < tasks.size(); i++) {
                Task task = tasks.get(i);
                workers[i] = task.getWorker();
                starts[i] = task.isAssigned() ? task.getSchedule().start() : -1;
            }
            return new Published(tasks.toArray(Task[]::new), workers, starts);
        }

        int moved() {
            int moved = 0;
            for (int i = 0; i < tasks.length; i++) {
                Task task = tasks[i];
                if (task.getWorker() != workers[i] || (task.isAssigned() && task.getSchedule().start() != starts[i])) {
                    moved++;
                }
            }
            return moved;
        }
    }
}
