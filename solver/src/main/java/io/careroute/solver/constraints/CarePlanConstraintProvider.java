package io.careroute.solver.constraints;

import java.util.List;

import io.careroute.solver.domain.CareConstraint;
import io.careroute.solver.domain.MatchJustification.Unit;
import io.careroute.solver.domain.MatchJustification;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;

/**
 * The rules a plan is scored by. Hard rules are measured in seconds (or a fixed hour-equivalent for yes/no rules)
 * so that "a little late" weighs less than "a lot late"; the medium level counts unserved tasks by how much they
 * matter; the soft level is travel.
 */
public class CarePlanConstraintProvider implements ConstraintProvider {

    /** Hard cost of breaking a yes/no rule (wrong skill, refused worker...): as bad as an hour late. */
    static final long RULE_BREAK = 3600;

    /** Squared minutes shrunk so fairness weighs about as much as travel: three hours' work costs 1080. */
    static final long FAIRNESS_SCALE = 30;
    /** Over several days the squared minutes of a week are shrunk by a working week's days more (see fairLoad). */
    static final long WEEK_FAIRNESS_DAYS = 5;

    /**
     * Disturbing a published task (sending it to another worker or leaving it unserved: a phone call and a broken
     * promise; a start moved by more than {@link #RETIME_TOLERANCE_SECONDS} costs half, see {@link #RETIME_FAR_COST})
     * weighs on the medium level as much as 100 points of service (an unserved task weighs its elder's class, 1 to 6, x 10 x the visit's
     * priority, x 10 if urgent). So a routine visit of a regular elder never displaces a published one, the
     * heaviest routine visit (a disabled elder's priority 5: 300) at most two, an urgent one a few more; a served
     * task is dropped only for a gain of more than its own weight and this. An absent worker's day of eight such
     * visits can then disturb at most 24 others, under issue 18's 10 % of the 500-visit day's open part. At 10 (a
     * regular elder's routine visit, until 2026-12) the solver moved 190 of 268 other open visits to serve an absent
     * worker's 8, at 60 it still disturbed 38 to serve 4 (DispatchScaleBenchmark; docs/benchmarks.md, "Re-plans
     * that disturb little"). On the soft level it would lose to any gain in service, however small.
     */
    static final long REASSIGNMENT_COST = 100;

    /** A published start may move this much on its worker's route at the soft cost alone (issue 18: 15 minutes). */
    static final int RETIME_TOLERANCE_SECONDS = 15 * 60;

    /**
     * Beyond the tolerance a retime costs half a reassignment: a call, but the same face. So when a worker runs late
     * their later visits stay with them (each retimed far costs 50, handing it to someone on time 100), unless
     * keeping one would also lose it or another visit.
     */
    static final long RETIME_FAR_COST = REASSIGNMENT_COST / 2;

    /**
     * Over several days, each more worker an elder's care visits are shared among weighs on the medium level twice as
     * much as leaving a routine visit of a regular elder unserved: a familiar face matters more to a frail elder than
     * any saving in travel, but less than serving a vulnerable elder at all. On the soft level (it was, at 3,600 =
     * an hour of travel) the search gave it away for free: late acceptance takes any soft loss while the medium
     * level improves elsewhere, and the street week's one-worker share fell from 91 % after construction to 62 %.
     */
    static final long WEEK_CONTINUITY_COST = 20;

    /** A stranger instead of the paired worker costs like half an hour of travel. */
    static final long CONTINUITY_COST = 1800;

    /** A published time moved costs twice the travel it might save: times told to elders are not traded lightly. */
    static final long RETIME_COST_PER_SECOND = 2;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                boxCapacity(factory),
                timeWindow(factory),
                tardiness(factory),
                maxTardiness(factory),
                shiftEnd(factory),
                outsideShift(factory),
                hotFood(factory),
                requiredSkills(factory),
                requiredGender(factory),
                refusedWorker(factory),
                pinnedWorker(factory),
                pinnedPosition(factory),
                volunteerHours(factory),
                volunteerDistance(factory),
                twoWorkersTogether(factory),
                careVisitsApart(factory),
                weeklyHours(factory),
                unassignedTask(factory),
                workerUsed(factory),
                travelTime(factory),
                waitingTime(factory),
                fairLoad(factory),
                preferredWorker(factory),
                continuityOverDays(factory),
                changedWorker(factory),
                changedStartFar(factory),
                changedStart(factory)
        };
    }

    // ---- Hard ----

    /** A carrier's meal box holds only so many meals on one trip. */
    Constraint boxCapacity(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && task.isDelivery()
                        && task.getSchedule().tripLoad() > task.getWorker().getCapacityBoxes())
                .penalizeConfigurableLong(task -> (task.getSchedule().tripLoad() - task.getWorker().getCapacityBoxes()) * RULE_BREAK)
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.BOX_CAPACITY, task,
                        task.getSchedule().tripLoad() - task.getWorker().getCapacityBoxes(), Unit.BOXES))
                .asConstraint(CareConstraint.BOX_CAPACITY.constraintName());
    }

    /** The elder expects the meal or the visit inside the agreed window; service must start by its end. */
    Constraint timeWindow(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && task.getSchedule().lateSeconds() > 0 && !task.hasSoftWindowEnd())
                .penalizeConfigurableLong(task -> task.getSchedule().lateSeconds())
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.TIME_WINDOW, task,
                        task.getSchedule().lateSeconds(), Unit.SECONDS).withWindows(task.getWindows()))
                .asConstraint(CareConstraint.TIME_WINDOW.constraintName());
    }

    // ---- Soft window ends (hhcrsp) ----

    /** A soft window end may be passed: every second late is tardiness on the soft level, not a hard break. */
    Constraint tardiness(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && task.hasSoftWindowEnd() && task.getSchedule().lateSeconds() > 0)
                .penalizeConfigurableLong(task -> task.getSchedule().lateSeconds())
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.TARDINESS, task,
                        task.getSchedule().lateSeconds(), Unit.SECONDS).withWindows(task.getWindows()))
                .asConstraint(CareConstraint.TARDINESS.constraintName());
    }

    /**
     * The largest tardiness counts once more, so that no single elder bears the whole delay (the benchmark's Tmax).
     * A max over all tasks is one group: any late task's change re-scores it.
     */
    Constraint maxTardiness(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && task.hasSoftWindowEnd() && task.getSchedule().lateSeconds() > 0)
                .groupBy(ConstraintCollectors.max((Task task) -> task.getSchedule().lateSeconds()))
                .penalizeConfigurableLong(max -> max)
                .justifyWith((max, score) -> new MatchJustification(CareConstraint.MAX_TARDINESS, null, null, max,
                        Unit.SECONDS, null, null))
                .asConstraint(CareConstraint.MAX_TARDINESS.constraintName());
    }

    /** Workers must be back at their end place by the end of their last shift. */
    Constraint shiftEnd(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isLastOfRoute() && task.getSchedule().routeEnd() > task.getWorker().shiftEnd())
                .penalizeConfigurableLong(task -> task.getSchedule().routeEnd() - task.getWorker().shiftEnd())
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.SHIFT_END, task,
                        task.getSchedule().routeEnd() - task.getWorker().shiftEnd(), Unit.SECONDS))
                .asConstraint(CareConstraint.SHIFT_END.constraintName());
    }

    /** Service happens inside a shift, not in a break or before the shift starts. */
    Constraint outsideShift(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && task.getSchedule().outsideShiftSeconds() > 0)
                .penalizeConfigurableLong(task -> task.getSchedule().outsideShiftSeconds())
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.OUTSIDE_SHIFT, task,
                        task.getSchedule().outsideShiftSeconds(), Unit.SECONDS))
                .asConstraint(CareConstraint.OUTSIDE_SHIFT.constraintName());
    }

    /** Food safety: a meal must reach the door within the kitchen's still-hot limit after the trip leaves. */
    Constraint hotFood(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && task.isDelivery()
                        && task.getSchedule().secondsFromKitchen() > task.kitchen().maxSecondsFromKitchen())
                .penalizeConfigurableLong(task -> task.getSchedule().secondsFromKitchen() - task.kitchen().maxSecondsFromKitchen())
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.HOT_FOOD, task,
                        task.getSchedule().secondsFromKitchen() - task.kitchen().maxSecondsFromKitchen(), Unit.SECONDS))
                .asConstraint(CareConstraint.HOT_FOOD.constraintName());
    }

    /** Bathing, medical escort and the like need a worker with the skill and a valid certificate. */
    Constraint requiredSkills(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && !task.getWorker().hasSkills(task.getRequiredSkills()))
                .penalizeConfigurableLong(task -> RULE_BREAK * task.getRequiredSkills().stream()
                        .filter(skill -> !task.getWorker().getSkills().contains(skill)).count())
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.REQUIRED_SKILLS, task,
                        task.getRequiredSkills().stream().filter(skill -> !task.getWorker().getSkills().contains(skill)).count(),
                        Unit.COUNT))
                .asConstraint(CareConstraint.REQUIRED_SKILLS.constraintName());
    }

    /** Intimate personal care is given by a worker of the gender the elder asked for. */
    Constraint requiredGender(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && task.getRequiredGender() != null
                        && task.getRequiredGender() != task.getWorker().getGender())
                .penalizeConfigurableLong(task -> RULE_BREAK)
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.REQUIRED_GENDER, task, 1, Unit.COUNT))
                .asConstraint(CareConstraint.REQUIRED_GENDER.constraintName());
    }

    /** An elder who refused a worker is never sent that worker. */
    Constraint refusedWorker(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && task.getRefusedWorkerIds().contains(task.getWorker().getId()))
                .penalizeConfigurableLong(task -> RULE_BREAK)
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.REFUSED_WORKER, task, 1, Unit.COUNT))
                .asConstraint(CareConstraint.REFUSED_WORKER.constraintName());
    }

    /** A dispatcher's pin (this task, this worker) is kept; a pinned task is never left unserved either. */
    Constraint pinnedWorker(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.getPinnedWorkerId() != null
                        && (task.getWorker() == null || !task.getPinnedWorkerId().equals(task.getWorker().getId())))
                .penalizeConfigurableLong(task -> RULE_BREAK)
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.PINNED_WORKER, task, 1, Unit.COUNT,
                        task.getPinnedWorkerId()))
                .asConstraint(CareConstraint.PINNED_WORKER.constraintName());
    }

    /**
     * A dispatcher's "this visit first": a task pinned to a place in its worker's route is there. The search never
     * breaks it (the moves leave a route's pinned first stops alone, see PinnedMoveFilter); an edited plan may.
     */
    Constraint pinnedPosition(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> !task.keepsPinnedPosition())
                .penalizeConfigurableLong(task -> RULE_BREAK)
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.PINNED_POSITION, task,
                        task.getPinnedPosition(), Unit.COUNT, task.getPinnedWorkerId()))
                .asConstraint(CareConstraint.PINNED_POSITION.constraintName());
    }

    /** A volunteer gives a few hours a day (time-bank rules cap them): from leaving home to coming back. */
    Constraint volunteerHours(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isLastOfRoute() && task.getWorker().getMaxWorkSeconds() > 0
                        && task.getSchedule().routeSeconds() > task.getWorker().getMaxWorkSeconds())
                .penalizeConfigurableLong(task -> task.getSchedule().routeSeconds() - task.getWorker().getMaxWorkSeconds())
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.VOLUNTEER_HOURS, task,
                        task.getSchedule().routeSeconds() - task.getWorker().getMaxWorkSeconds(), Unit.SECONDS))
                .asConstraint(CareConstraint.VOLUNTEER_HOURS.constraintName());
    }

    /** A volunteer helps near home: no door farther by road from home (their end place) than they agreed to. */
    Constraint volunteerDistance(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && task.getWorker().getMaxMetresFromHome() > 0
                        && metresFromHome(task) > task.getWorker().getMaxMetresFromHome())
                .penalizeConfigurableLong(task -> metresFromHome(task) - task.getWorker().getMaxMetresFromHome())
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.VOLUNTEER_DISTANCE, task,
                        metresFromHome(task) - task.getWorker().getMaxMetresFromHome(), Unit.METRES))
                .asConstraint(CareConstraint.VOLUNTEER_DISTANCE.constraintName());
    }

    private static long metresFromHome(Task task) {
        Worker worker = task.getWorker();
        return task.getTravelTimes().metres(worker.getMode(), worker.getEndPlace(), task.getPlace());
    }

    /**
     * A visit that needs two workers (bathing a bedridden elder) gets two different workers who start together,
     * or nobody: one worker alone cannot do it. The two parts are joined so that a change to either one
     * re-scores the pair; a part not yet placed by the construction heuristic (no worker at all) is not judged.
     */
    Constraint twoWorkersTogether(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.getPart() == 1 && task.getWorker() != null)
                .join(Task.class, Joiners.equal(Task::getVisitId),
                        Joiners.filtering((lead, second) -> second.getPart() == 2 && second.getWorker() != null))
                .filter((lead, second) -> twoWorkerBreak(second) > 0)
                .penalizeConfigurableLong((lead, second) -> twoWorkerBreak(second))
                .justifyWith((lead, second, score) -> twoWorkerJustification(lead, second))
                .asConstraint(CareConstraint.TWO_WORKERS_TOGETHER.constraintName());
    }

    /** The start difference when that is the break; otherwise which yes/no rule (one of the cases below). */
    private static MatchJustification twoWorkerJustification(Task lead, Task second) {
        long amount = twoWorkerBreak(second);
        boolean apart = second.isAssigned() && lead.isAssigned() && second.getWorker() != lead.getWorker()
                && !second.getSchedule().partnerDeadlock() && !lead.getSchedule().partnerDeadlock();
        return MatchJustification.of(CareConstraint.TWO_WORKERS_TOGETHER, lead, apart ? amount : 1,
                apart ? Unit.SECONDS : Unit.COUNT, second.isAssigned() ? second.getWorker().getId() : null);
    }

    private static long twoWorkerBreak(Task second) {
        Task lead = second.getPartner();
        if (second.isAssigned() != lead.isAssigned()) {
            return RULE_BREAK;                                  // one worker left alone with a two-person job
        }
        if (!second.isAssigned()) {
            return 0;                                           // unassigned as a whole: the medium level counts it
        }
        if (second.getWorker() == lead.getWorker()) {
            return RULE_BREAK;                                  // the same person cannot be both workers
        }
        if (second.getSchedule().partnerDeadlock() || lead.getSchedule().partnerDeadlock()) {
            return RULE_BREAK;                                  // their routes wait for each other
        }
        // Shifts leave no common start (or, for a gapped visit, no start within the gap): by how far it is missed.
        return Task.gapBreak(lead, lead.getSchedule().start(), second, second.getSchedule().start());
    }

    /**
     * Visits of one care plan on days too close together: a check-in twice a week is no use on Monday and Tuesday.
     * Each day short of the care plan's spacing costs as much as breaking a rule.
     */
    Constraint careVisitsApart(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.getCareVisit() != null && task.isAssigned() && task.getPart() != 2)
                .join(factory.forEach(Task.class)
                                .filter(task -> task.getCareVisit() != null && task.isAssigned() && task.getPart() != 2),
                        Joiners.equal(task -> task.getCareVisit().carePlanId()),
                        Joiners.lessThan(Task::getId))
                .filter((a, b) -> daysApart(a, b) < a.getCareVisit().minDaysApart())
                .penalizeConfigurableLong((a, b) -> (a.getCareVisit().minDaysApart() - daysApart(a, b)) * RULE_BREAK)
                .justifyWith((a, b, score) -> MatchJustification.of(CareConstraint.CARE_VISITS_APART, a,
                        daysApart(a, b), Unit.COUNT, b.getId()))
                .asConstraint(CareConstraint.CARE_VISITS_APART.constraintName());
    }

    private static int daysApart(Task a, Task b) {
        return Math.abs(a.getWorker().getDay() - b.getWorker().getDay());
    }

    /**
     * A worker's cap on hours in each 7-day block of a multi-day plan (a volunteer's few hours a week): the days'
     * working time (as the daily cap counts it) summed per worker and block.
     */
    Constraint weeklyHours(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isLastOfRoute() && task.getWorker().getMaxWeekSeconds() > 0)
                .groupBy(task -> task.getWorker().getPersonId(), task -> task.getWorker().getDay() / 7,
                        ConstraintCollectors.sumLong(task -> task.getSchedule().routeSeconds()),
                        ConstraintCollectors.max((Task task) -> task.getWorker().getMaxWeekSeconds()))
                .filter((worker, week, seconds, cap) -> seconds > cap)
                .penalizeConfigurableLong((worker, week, seconds, cap) -> seconds - cap)
                .justifyWith((worker, week, seconds, cap, score) -> new MatchJustification(
                        CareConstraint.WEEKLY_HOURS, null, worker, seconds - cap, Unit.SECONDS, null, List.of()))
                .asConstraint(CareConstraint.WEEKLY_HOURS.constraintName());
    }

    // ---- Medium ----

    /** Every elder should be served; the most vulnerable and the most urgent first. */
    Constraint unassignedTask(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(Task::isUnassigned)
                .penalizeConfigurableLong(Task::getUnassignedPenalty)
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.UNASSIGNED_TASK, task,
                        task.getUnassignedPenalty(), Unit.POINTS))
                .asConstraint(CareConstraint.UNASSIGNED_TASK.constraintName());
    }

    /** Off by default; the classic VRPTW objective (fewest vehicles first) switches it on. */
    Constraint workerUsed(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && task.getPrevious() == null)
                .penalizeConfigurableLong(task -> 1)
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.WORKER_USED, task.getWorker(), 1, Unit.COUNT))
                .asConstraint(CareConstraint.WORKER_USED.constraintName());
    }

    // ---- Soft ----

    /** Less time on the road means more time with elders (and hotter meals). */
    Constraint travelTime(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(Task::isAssigned)
                .penalizeConfigurableLong(task -> task.getSchedule().totalTravelSeconds())
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.TRAVEL_TIME, task,
                        task.getSchedule().totalTravelSeconds(), Unit.SECONDS))
                .asConstraint(CareConstraint.TRAVEL_TIME.constraintName());
    }

    /** Idle minutes at a door are paid minutes nobody is served. */
    Constraint waitingTime(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && task.getSchedule().waitingSeconds() > 0)
                .penalizeConfigurableLong(task -> task.getSchedule().waitingSeconds())
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.WAITING_TIME, task,
                        task.getSchedule().waitingSeconds(), Unit.SECONDS))
                .asConstraint(CareConstraint.WAITING_TIME.constraintName());
    }

    /**
     * Paid staff should share the work: the squared working minutes per person grow fastest for whoever carries
     * most, so the sum is lowest when the load is even. Over several days it is each person's work in each 7-day
     * block that is squared (fair over the week, not only each day), shrunk by a working week's five days more so
     * that a minute added to a full week weighs about as much as a minute added to a full day.
     */
    Constraint fairLoad(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && task.getWorker().isPaid())
                .groupBy(CarePlanConstraintProvider::loadOf, task -> task.getWorker().getDay() / 7,
                        ConstraintCollectors.sumLong(task ->
                                (long) task.getServiceSeconds() + task.getSchedule().totalTravelSeconds()))
                .penalizeConfigurableLong((whose, block, seconds) -> (seconds / 60) * (seconds / 60)
                        / (whose instanceof Worker ? FAIRNESS_SCALE : FAIRNESS_SCALE * WEEK_FAIRNESS_DAYS))
                .justifyWith((whose, block, seconds, score) -> whose instanceof Worker worker
                        ? MatchJustification.of(CareConstraint.FAIR_LOAD, worker, seconds, Unit.SECONDS)
                        : new MatchJustification(CareConstraint.FAIR_LOAD, null, (String) whose, seconds, Unit.SECONDS,
                                null, List.of()))
                .asConstraint(CareConstraint.FAIR_LOAD.constraintName());
    }

    /** Whose load a task counts in: the route on a day's plan, the person (all their worker-days) over several. */
    private static Object loadOf(Task task) {
        Worker worker = task.getWorker();
        return worker.getDayFacts() == null ? worker : worker.getPersonId();
    }

    /** Elders do better with a familiar face: send their paired (结对) or preferred worker when possible. */
    Constraint preferredWorker(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.isAssigned() && !task.getPreferredWorkerIds().isEmpty()
                        && !task.getPreferredWorkerIds().contains(task.getWorker().getId()))
                .penalizeConfigurableLong(task -> CONTINUITY_COST)
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.PREFERRED_WORKER, task, 1, Unit.COUNT))
                .asConstraint(CareConstraint.PREFERRED_WORKER.constraintName());
    }

    /**
     * Continuity of care over the days: every worker beyond the first who visits an elder for their care plans costs
     * (the two parts of a two-worker visit count as one, by its lead).
     */
    Constraint continuityOverDays(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.getCareVisit() != null && task.isAssigned() && task.getPart() != 2)
                .groupBy(Task::getElderId, ConstraintCollectors.countDistinct(task -> task.getWorker().getPersonId()))
                .filter((elder, workers) -> workers > 1)
                .penalizeConfigurableLong((elder, workers) -> (workers - 1) * WEEK_CONTINUITY_COST)
                .justifyWith((elder, workers, score) -> new MatchJustification(CareConstraint.CONTINUITY_OVER_DAYS,
                        null, null, workers, Unit.COUNT, elder, List.of()))
                .asConstraint(CareConstraint.CONTINUITY_OVER_DAYS.constraintName());
    }

    /**
     * Re-planning keeps the published plan where it can: every task handed to someone else, or to nobody, costs. A
     * dropped task costs this on top of its unassigned weight, or dropping would be cheaper than moving it. Tasks the
     * construction heuristic has not placed yet (no worker at all) are not judged.
     */
    Constraint changedWorker(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.wasPublished() && task.getWorker() != null
                        && !task.getPublishedWorkerId().equals(task.getWorker().getId()))
                .penalizeConfigurableLong(task -> REASSIGNMENT_COST)
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.CHANGED_WORKER, task, 1, Unit.COUNT,
                        task.getPublishedWorkerId()))
                .asConstraint(CareConstraint.CHANGED_WORKER.constraintName());
    }

    /** ...as does a published task kept by its worker whose start moves by more than the tolerance either way. */
    Constraint changedStartFar(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.wasPublished() && task.getPublishedStart() >= 0 && task.isAssigned()
                        && task.getPublishedWorkerId().equals(task.getWorker().getId())
                        && Math.abs(task.getSchedule().start() - task.getPublishedStart()) > RETIME_TOLERANCE_SECONDS)
                .penalizeConfigurableLong(task -> RETIME_FAR_COST)
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.CHANGED_START_FAR, task,
                        Math.abs(task.getSchedule().start() - task.getPublishedStart()), Unit.SECONDS))
                .asConstraint(CareConstraint.CHANGED_START_FAR.constraintName());
    }

    /** ...and every minute a published visit moves in time costs too (the elder was told when to expect it). */
    Constraint changedStart(ConstraintFactory factory) {
        return factory.forEach(Task.class)
                .filter(task -> task.wasPublished() && task.getPublishedStart() >= 0 && task.isAssigned()
                        && task.getSchedule().start() != task.getPublishedStart())
                .penalizeConfigurableLong(task -> RETIME_COST_PER_SECOND
                        * Math.abs(task.getSchedule().start() - task.getPublishedStart()))
                .justifyWith((task, score) -> MatchJustification.of(CareConstraint.CHANGED_START, task,
                        Math.abs(task.getSchedule().start() - task.getPublishedStart()), Unit.SECONDS))
                .asConstraint(CareConstraint.CHANGED_START.constraintName());
    }
}
