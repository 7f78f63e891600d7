package io.careroute.solver.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.MatchJustification;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatch;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolutionUpdatePolicy;
import org.optaplanner.core.api.solver.SolverFactory;

/** The score of a solved plan, constraint by constraint, with the tasks behind each penalty. */
public final class ScoreBreakdown {

    /** Readable lines per constraint: the worst ones say enough, and travel alone would list every stop. */
    public static final int MAX_JUSTIFICATIONS = 20;

    private final SolutionManager<CarePlan, HardMediumSoftLongScore> solutionManager;

    public ScoreBreakdown() {
        SolverFactory<CarePlan> factory = SolverFactory.create(CarePlanSolverConfig.create(SolverSettings.ofSeconds(1)));
        this.solutionManager = SolutionManager.create(factory);
    }

    /**
     * Sets the plan's score from its current shadow variables (a plan whose routes were put in place, not solved:
     * a day cut out of a planned week).
     */
    public void score(CarePlan plan) {
        if (plan.getTasks().isEmpty()) {
            plan.setScore(HardMediumSoftLongScore.ZERO);   // see explain: nothing to score, and OptaPlanner refuses it
            return;
        }
        solutionManager.update(plan, SolutionUpdatePolicy.UPDATE_SCORE_ONLY);
    }

    /**
     * The tasks and workers behind every match that costs on the hard level, from the plan's current shadow variables
     * (a warm start's repair: see WarmStart.releaseBroken, which gets this as a function: the replan package may not
     * depend on this one, which depends on the solver configuration, which depends on it).
     */
    public List<Object> hardBreakers(CarePlan plan) {
        if (plan.getTasks().isEmpty()) {
            return List.of();
        }
        var explanation = solutionManager.explain(plan, SolutionUpdatePolicy.UPDATE_SCORE_ONLY);
        List<Object> breakers = new ArrayList<>();
        for (ConstraintMatchTotal<HardMediumSoftLongScore> total : explanation.getConstraintMatchTotalMap().values()) {
            for (ConstraintMatch<HardMediumSoftLongScore> match : total.getConstraintMatchSet()) {
                if (match.getScore().hardScore() < 0) {
                    breakers.addAll(match.getIndictedObjectList());
                }
            }
        }
        return breakers;
    }

    /** Recomputes the score from the plan's current shadow variables (it does not re-run listeners). */
    public List<ConstraintScore> explain(CarePlan plan) {
        return explain(plan, MAX_JUSTIFICATIONS);
    }

    /** As {@link #explain(CarePlan)}, keeping up to {@code maxJustifications} matches per constraint (a check keeps all). */
    public List<ConstraintScore> explain(CarePlan plan, int maxJustifications) {
        if (plan.getTasks().isEmpty()) {
            // A plan without tasks (a re-plan after the day's last start) breaks no rule; OptaPlanner refuses to look
            // at it at all (an empty value range).
            return List.of();
        }
        var explanation = solutionManager.explain(plan, SolutionUpdatePolicy.UPDATE_SCORE_ONLY);
        List<ConstraintScore> scores = new ArrayList<>();
        for (ConstraintMatchTotal<HardMediumSoftLongScore> total : explanation.getConstraintMatchTotalMap().values()) {
            HardMediumSoftLongScore score = total.getScore();
            List<String> taskIds = new ArrayList<>();
            List<MatchJustification> justifications = new ArrayList<>();
            for (ConstraintMatch<HardMediumSoftLongScore> match : total.getConstraintMatchSet()) {
                if (match.getJustification() instanceof MatchJustification justification) {
                    justifications.add(justification);
                }
                for (Object indicted : match.getIndictedObjectList()) {
                    if (indicted instanceof Task task) {
                        taskIds.add(task.getId());
                    } else if (indicted instanceof Worker worker) {
                        taskIds.add(worker.getId());
                    }
                }
            }
            taskIds.sort(Comparator.naturalOrder());
            justifications.sort(Comparator.naturalOrder());
            scores.add(new ConstraintScore(total.getConstraintName(), score.hardScore(), score.mediumScore(),
                    score.softScore(), total.getConstraintMatchCount(), taskIds,
                    List.copyOf(justifications.subList(0, Math.min(maxJustifications, justifications.size())))));
        }
        scores.sort(Comparator.comparingLong(ConstraintScore::hard)
                .thenComparingLong(ConstraintScore::medium)
                .thenComparingLong(ConstraintScore::soft)
                .thenComparing(ConstraintScore::name));
        return scores;
    }
}
