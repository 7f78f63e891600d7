package io.careroute.data.problem;

import java.util.EnumMap;
import java.util.Map;

import io.careroute.solver.domain.CareConstraint;
import io.careroute.solver.domain.ConstraintWeights;

/**
 * The weights a plan is scored with: every constraint's, and the cost of leaving an elder of each priority class
 * unserved. A deployment sets them once (application.yml); a problem's own {@code weights} override constraint
 * weights for that plan and its re-plans.
 */
public record PlanWeights(ConstraintWeights constraints, Map<PriorityClass, Integer> priorities) {

    public static final PlanWeights DEFAULT = new PlanWeights(new ConstraintWeights(), defaultPriorities());

    public PlanWeights {
        constraints = constraints.copy();
        EnumMap<PriorityClass, Integer> all = defaultPriorities();
        priorities.forEach((priorityClass, weight) -> {
            if (weight == null || weight < 0) {
                throw new IllegalArgumentException("priority weight of " + priorityClass + " must be 0 or more, not " + weight);
            }
            all.put(priorityClass, weight);
        });
        priorities = Map.copyOf(all);
    }

    public int priority(PriorityClass priorityClass) {
        return priorities.get(priorityClass);
    }

    /**
     * These weights with the problem's own on top. The problem has been validated ({@link ProblemValidator}), so
     * its keys and values are known to be good.
     */
    public ConstraintWeights constraintsFor(ProblemDocument problem) {
        ConstraintWeights weights = constraints.copy();
        problem.weightsOrEmpty().forEach((key, value) -> {
            CareConstraint constraint = CareConstraint.byConfigKey(key);
            weights.with(constraint, constraint.parseWeight(value));
        });
        return weights;
    }

    private static EnumMap<PriorityClass, Integer> defaultPriorities() {
        EnumMap<PriorityClass, Integer> defaults = new EnumMap<>(PriorityClass.class);
        for (PriorityClass priorityClass : PriorityClass.values()) {
            defaults.put(priorityClass, priorityClass.weight());
        }
        return defaults;
    }
}
