package io.careroute.solver.solve;

import java.util.List;

import io.careroute.solver.constraints.CarePlanConstraintProvider;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.ListSwapMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.SubListChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.SubListSwapMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.LocalSearchType;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/** Builds the OptaPlanner configuration for care plans; the one place solver tuning lives. */
public final class CarePlanSolverConfig {

    private CarePlanSolverConfig() {
    }

    public static SolverConfig create(SolverSettings settings) {
        TerminationConfig termination = new TerminationConfig()
                .withSpentLimit(settings.timeLimit());
        if (settings.unimprovedLimit() != null) {
            termination.setUnimprovedSpentLimit(settings.unimprovedLimit());
        }
        // Moves whole runs of stops as well as single stops: a trip of deliveries often belongs to another carrier whole.
        UnionMoveSelectorConfig moves = new UnionMoveSelectorConfig(List.of(
                new ListChangeMoveSelectorConfig(),
                new ListSwapMoveSelectorConfig(),
                new SubListChangeMoveSelectorConfig().withSelectReversingMoveToo(true),
                new SubListSwapMoveSelectorConfig().withSelectReversingMoveToo(true)));
        return new SolverConfig()
                .withSolutionClass(CarePlan.class)
                .withEntityClasses(Worker.class, Task.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(CarePlanConstraintProvider.class)
                        .withConstraintStreamImplType(ConstraintStreamImplType.BAVET))
                .withRandomSeed(settings.randomSeed())
                .withTerminationConfig(termination)
                .withPhases(new ConstructionHeuristicPhaseConfig(),
                        new LocalSearchPhaseConfig()
                                .withLocalSearchType(LocalSearchType.LATE_ACCEPTANCE)
                                .withMoveSelectorConfig(moves));
    }
}
