package io.careroute.data.check;

import java.util.List;

import io.careroute.data.plan.PlanDocument;

/**
 * {@code check.json}: a hand-edited plan recomputed from its problem and scored with the solver's own constraints
 * (docs/INTERFACES.md, "Checking a plan someone edited"). {@code workers} are the recomputed routes, stop by stop as
 * in plan.json; {@code tasks}, {@code totals} and {@code constraints} are plan.json's too (added fields).
 *
 * @param violations        every match of a hard or medium rule, worst first within a rule (soft costs such as
 *                          travel are in {@code constraints}, not here)
 * @param independentChecks what the independent plan verifier ({@code planning.check.PlanVerifier}, which neither
 *                          scores nor schedules with the solver's code) finds wrong in the recomputed routes: empty
 *                          unless the plan breaks a hard rule, or the two disagree (a defect to report); ids and
 *                          figures only, in English
 */
public record CheckDocument(boolean feasible, String score, List<Violation> violations,
                            List<PlanDocument.WorkerRoute> workers, List<PlanDocument.TaskOutcome> tasks,
                            PlanDocument.PlanTotals totals, List<PlanDocument.ConstraintLine> constraints,
                            List<String> independentChecks) {

    /**
     * One broken rule at one task or worker.
     *
     * @param constraint the rule's name as in plan.json's {@code constraints} ("Time window")
     * @param level      HARD or MEDIUM
     * @param amount     how far it is broken, in {@code unit} (SECONDS, METRES, BOXES, COUNT, POINTS)
     * @param message    the sentence in the asked language
     */
    public record Violation(String constraint, String level, String taskId, String workerId, long amount, String unit,
                            String message) {
    }
}
