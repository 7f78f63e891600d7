package io.careroute.solver.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.careroute.solver.solve.CarePlanSolverConfig;
import io.careroute.solver.solve.SolverSettings;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.domain.constraintweight.ConstraintWeight;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

/** {@link CareConstraint} is the one list of constraints: the weights and the provider must match it one for one. */
class CareConstraintTest {

    @Test
    void everyConstraintHasExactlyOneWeightGetterAndEveryGetterAConstraint() throws Exception {
        Map<String, Integer> annotated = new HashMap<>();
        ConstraintWeights defaults = new ConstraintWeights();
        for (Method getter : ConstraintWeights.class.getDeclaredMethods()) {
            ConstraintWeight weight = getter.getAnnotation(ConstraintWeight.class);
            if (weight != null) {
                annotated.merge(weight.value(), 1, Integer::sum);
                CareConstraint constraint = CareConstraint.byName(weight.value());
                // The getter reads its own constraint's weight, not a neighbour's (a copy-paste slip).
                assertThat(getter.invoke(defaults.copy().with(constraint, HardMediumSoftLongScore.ofHard(99))))
                        .as(getter.getName()).isEqualTo(HardMediumSoftLongScore.ofHard(99));
            }
        }
        assertThat(annotated.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(CareConstraint.values()).map(CareConstraint::constraintName).toList());
        assertThat(annotated.values()).allMatch(count -> count == 1);
    }

    @Test
    void theProviderDefinesExactlyTheListedConstraints() throws Exception {
        var factory = (DefaultSolverFactory<CarePlan>) SolverFactory.<CarePlan>create(
                CarePlanSolverConfig.create(SolverSettings.ofSeconds(1)));
        Object scoreDirectorFactory = factory.getScoreDirectorFactory();
        Constraint[] constraints = (Constraint[]) scoreDirectorFactory.getClass().getMethod("getConstraints")
                .invoke(scoreDirectorFactory);
        Set<String> names = Arrays.stream(constraints).map(Constraint::getConstraintName).collect(Collectors.toSet());
        assertThat(names).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(CareConstraint.values()).map(CareConstraint::constraintName).toList());
    }

    @Test
    void defaultsAreTheWeightsPlansWereScoredWithBefore() {
        ConstraintWeights defaults = new ConstraintWeights();
        assertThat(defaults.weight(CareConstraint.TIME_WINDOW)).isEqualTo(HardMediumSoftLongScore.ONE_HARD);
        assertThat(defaults.weight(CareConstraint.UNASSIGNED_TASK)).isEqualTo(HardMediumSoftLongScore.ONE_MEDIUM);
        assertThat(defaults.weight(CareConstraint.CHANGED_WORKER)).isEqualTo(HardMediumSoftLongScore.ONE_MEDIUM);
        assertThat(defaults.weight(CareConstraint.WORKER_USED)).isEqualTo(HardMediumSoftLongScore.ZERO);
        assertThat(defaults.weight(CareConstraint.TRAVEL_TIME)).isEqualTo(HardMediumSoftLongScore.ONE_SOFT);
        assertThat(defaults.weight(CareConstraint.CHANGED_START)).isEqualTo(HardMediumSoftLongScore.ONE_SOFT);
    }

    @Test
    void configKeysAndNamesAreUnique() {
        assertThat(Arrays.stream(CareConstraint.values()).map(CareConstraint::configKey).distinct().count())
                .isEqualTo(CareConstraint.values().length);
        assertThat(CareConstraint.byConfigKey("time-window")).isEqualTo(CareConstraint.TIME_WINDOW);
        assertThat(CareConstraint.byConfigKey("time-wndow")).isNull();
    }

    @Test
    void weightsAreReadOnTheirOwnLevelOrTheNamedOne() {
        assertThat(CareConstraint.TRAVEL_TIME.parseWeight("2")).isEqualTo(HardMediumSoftLongScore.ofSoft(2));
        assertThat(CareConstraint.TRAVEL_TIME.parseWeight("0")).isEqualTo(HardMediumSoftLongScore.ZERO);
        assertThat(CareConstraint.TIME_WINDOW.parseWeight("3medium")).isEqualTo(HardMediumSoftLongScore.ofMedium(3));
        assertThat(CareConstraint.TIME_WINDOW.parseWeight(" 1HARD ")).isEqualTo(HardMediumSoftLongScore.ONE_HARD);
        assertThatThrownBy(() -> CareConstraint.TIME_WINDOW.parseWeight("lots")).hasMessageContaining("'lots'");
        assertThatThrownBy(() -> CareConstraint.TIME_WINDOW.parseWeight("-1")).hasMessageContaining("negative");
    }

    @Test
    void ofAndWithReplaceSingleWeights() {
        ConstraintWeights weights = ConstraintWeights.of(Map.of(CareConstraint.TRAVEL_TIME, HardMediumSoftLongScore.ZERO));
        assertThat(weights.getTravelTime()).isEqualTo(HardMediumSoftLongScore.ZERO);
        assertThat(weights.getWaitingTime()).isEqualTo(HardMediumSoftLongScore.ONE_SOFT);
        assertThat(weights.copy()).isEqualTo(weights).isNotSameAs(weights);
        assertThatThrownBy(() -> weights.with("Tme window", HardMediumSoftLongScore.ONE_HARD))
                .hasMessageContaining("Tme window");
    }
}
