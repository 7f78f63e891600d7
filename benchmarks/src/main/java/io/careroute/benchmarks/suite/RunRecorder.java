package io.careroute.benchmarks.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.careroute.solver.domain.CarePlan;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.impl.localsearch.scope.LocalSearchPhaseScope;
import org.optaplanner.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import org.optaplanner.core.impl.phase.scope.AbstractPhaseScope;
import org.optaplanner.core.impl.phase.scope.AbstractStepScope;
import org.optaplanner.core.impl.solver.DefaultSolver;

/**
 * Listens to one solve: every new best solution (time, local-search step, score), the local-search steps and score
 * calculations, and a progress callback every few seconds. OptaPlanner's internal phase listener is used because the
 * public event API carries no step index or phase statistics.
 */
final class RunRecorder extends PhaseLifecycleListenerAdapter<CarePlan> {

    private final List<ScorePoint> timeline = new ArrayList<>();
    private final long progressEveryNanos;
    private final Consumer<String> progress;
    private final long started = System.nanoTime();
    private long lastProgress = started;
    private boolean inLocalSearch;
    private long currentStep = -1;
    private long localSearchSteps;
    private long localSearchCalculations;
    private long localSearchSpeed;
    private volatile HardMediumSoftLongScore best;
    private long phaseStartNanos;
    private long phaseStartCalculations;

    /** @param progress called with the elapsed seconds' description of the best so far, at most every {@code everySeconds} */
    RunRecorder(DefaultSolver<CarePlan> solver, double everySeconds, Consumer<String> progress) {
        this(solver, everySeconds, progress, true);
    }

    /**
     * @param ownBests whether {@code solver}'s new bests are the run's; false for a portfolio, whose bests come from
     *                 any member through {@link #portfolioBest}
     */
    RunRecorder(DefaultSolver<CarePlan> solver, double everySeconds, Consumer<String> progress, boolean ownBests) {
        this.progressEveryNanos = (long) (everySeconds * 1e9);
        this.progress = progress;
        solver.addPhaseLifecycleListener(this);
        if (ownBests) {
            solver.addEventListener(event -> newBest((HardMediumSoftLongScore) event.getNewBestScore(),
                    inLocalSearch ? currentStep : -1));
        }
    }

    /** A portfolio's new best, from any member: its step is no one step of this recorder's solver, so none is kept. */
    synchronized void portfolioBest(HardMediumSoftLongScore score) {
        newBest(score, -1);
    }

    private synchronized void newBest(HardMediumSoftLongScore score, long step) {
        if (!score.isSolutionInitialized()) {
            return;
        }
        best = score;
        timeline.add(new ScorePoint((System.nanoTime() - started) / 1_000_000, step,
                score.hardScore(), score.mediumScore(), score.softScore()));
    }

    @Override
    public void phaseStarted(AbstractPhaseScope<CarePlan> phaseScope) {
        inLocalSearch = phaseScope instanceof LocalSearchPhaseScope;
        phaseStartNanos = System.nanoTime();
        phaseStartCalculations = phaseScope.getScoreDirector().getCalculationCount();
    }

    @Override
    public void stepStarted(AbstractStepScope<CarePlan> stepScope) {
        currentStep = stepScope.getStepIndex();
    }

    @Override
    public void stepEnded(AbstractStepScope<CarePlan> stepScope) {
        long now = System.nanoTime();
        if (progressEveryNanos > 0 && now - lastProgress >= progressEveryNanos) {
            lastProgress = now;
            progress.accept(String.format(java.util.Locale.ROOT, "%.0f s, %s step %,d, best %s", (now - started) / 1e9,
                    inLocalSearch ? "local search" : "construction", stepScope.getStepIndex() + 1L, best == null ? "-" : best));
        }
    }

    @Override
    public void phaseEnded(AbstractPhaseScope<CarePlan> phaseScope) {
        if (phaseScope instanceof LocalSearchPhaseScope) {
            // OptaPlanner fills in the phase's own counters only after its listeners ran: count here instead.
            long calculations = phaseScope.getScoreDirector().getCalculationCount() - phaseStartCalculations;
            double seconds = Math.max(1e-3, (System.nanoTime() - phaseStartNanos) / 1e9);
            localSearchSteps += phaseScope.getLastCompletedStepScope().getStepIndex() + 1L;
            localSearchCalculations += calculations;
            localSearchSpeed = Math.round(calculations / seconds);
        }
        inLocalSearch = false;
    }

    synchronized List<ScorePoint> timeline() {
        return List.copyOf(timeline);
    }

    long localSearchSteps() {
        return localSearchSteps;
    }

    long localSearchCalculations() {
        return localSearchCalculations;
    }

    long localSearchSpeed() {
        return localSearchSpeed;
    }
}
