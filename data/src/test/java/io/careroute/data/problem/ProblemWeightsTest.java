package io.careroute.data.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.careroute.data.i18n.Messages;
import io.careroute.solver.domain.CareConstraint;
import io.careroute.solver.domain.ConstraintWeights;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** A problem's own {@code weights}: checked field by field, then laid over the deployment's. */
class ProblemWeightsTest {

    private static final String PROBLEM = """
            {"date": "2026-11-24",
             "workers": [{"id": "W1", "mode": "FOOT", "start": {"lat": 31.23, "lon": 121.47},
                          "shifts": [{"start": "2026-11-24T10:15:00+08:00", "end": "2026-11-24T13:15:00+08:00"}]}],
             "weights": WEIGHTS}
            """;

    private static ProblemDocument read(String weights) {
        return ProblemJson.read(PROBLEM.replace("WEIGHTS", weights).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void numbersAndNamedLevelsAreAccepted() {
        ProblemDocument problem = read("{\"travel-time\": 0, \"waiting-time\": \"2\", \"fair-load\": \"1medium\"}");
        assertThat(ProblemValidator.check(problem)).isEmpty();

        ConstraintWeights weights = PlanWeights.DEFAULT.constraintsFor(problem);
        assertThat(weights.weight(CareConstraint.TRAVEL_TIME)).isEqualTo(HardMediumSoftLongScore.ZERO);
        assertThat(weights.weight(CareConstraint.WAITING_TIME)).isEqualTo(HardMediumSoftLongScore.ofSoft(2));
        assertThat(weights.weight(CareConstraint.FAIR_LOAD)).isEqualTo(HardMediumSoftLongScore.ONE_MEDIUM);
        assertThat(weights.weight(CareConstraint.TIME_WINDOW)).isEqualTo(HardMediumSoftLongScore.ONE_HARD);
    }

    @Test
    void aMisspeltConstraintOrABadWeightIsNamedByItsField() {
        List<InputError> errors = ProblemValidator.check(read("{\"time-wndow\": 2, \"travel-time\": \"lots\"}"));
        assertThat(errors).extracting(InputError::field)
                .containsExactlyInAnyOrder("weights.time-wndow", "weights.travel-time");
        assertThat(errors).filteredOn(e -> e.field().equals("weights.time-wndow")).singleElement()
                .satisfies(e -> assertThat(e.reason(Messages.english())).startsWith("unknown constraint; known: box-capacity, time-window"));
        assertThat(errors).extracting(e -> e.field() + ": " + e.reason(Messages.english()))
                .anySatisfy(line -> assertThat(line).startsWith("weights.time-wndow: unknown constraint; known: "));
    }

    @Test
    void theDeploymentsPriorityWeightsAndTheProblemsOwnWeightsBothCount() {
        PlanWeights deployment = new PlanWeights(new ConstraintWeights().with(CareConstraint.WAITING_TIME,
                HardMediumSoftLongScore.ZERO), Map.of(PriorityClass.REGULAR, 7));
        assertThat(deployment.priority(PriorityClass.REGULAR)).isEqualTo(7);
        assertThat(deployment.priority(PriorityClass.DISABLED)).isEqualTo(PriorityClass.DISABLED.weight());

        ConstraintWeights weights = deployment.constraintsFor(read("{\"travel-time\": 3}"));
        assertThat(weights.weight(CareConstraint.WAITING_TIME)).isEqualTo(HardMediumSoftLongScore.ZERO);
        assertThat(weights.weight(CareConstraint.TRAVEL_TIME)).isEqualTo(HardMediumSoftLongScore.ofSoft(3));
        // A request never changes the deployment's weights.
        assertThat(deployment.constraints().weight(CareConstraint.TRAVEL_TIME)).isEqualTo(HardMediumSoftLongScore.ONE_SOFT);
    }

    @Test
    void aProblemWithoutWeightsIsWrittenAsBefore() {
        String json = new String(ProblemJson.write(new ProblemDocument(null, null, null, null, null, null, null, null)),
                StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("weights");
    }
}
