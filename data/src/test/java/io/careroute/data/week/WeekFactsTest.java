package io.careroute.data.week;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.careroute.data.problem.WorkerRole;
import io.careroute.data.registry.RegistryWorker;
import io.careroute.solver.domain.TravelMode;
import org.junit.jupiter.api.Test;

/** The weekly cap a worker-day carries into the solver: a volunteer's hours, a paid worker's contract hours. */
class WeekFactsTest {

    @Test
    void theWeeklyCapIsTheLowerOfAVolunteersHoursAndTheContractHours() {
        assertThat(WeekFacts.weeklyCap(worker(null, null))).isNull();
        assertThat(WeekFacts.weeklyCap(worker(5.0, null))).isEqualTo(5.0);
        assertThat(WeekFacts.weeklyCap(worker(null, 40.0))).isEqualTo(40.0);
        assertThat(WeekFacts.weeklyCap(worker(45.0, 40.0))).isEqualTo(40.0);
        assertThat(WeekFacts.weeklyCap(worker(20.0, 40.0))).isEqualTo(20.0);
    }

    private static RegistryWorker worker(Double maxHoursPerWeek, Double contractHoursPerWeek) {
        return new RegistryWorker("C1", WorkerRole.CARE_WORKER, TravelMode.FOOT, "F", null, null, List.of(), List.of(),
                0, List.of(), null, null, maxHoursPerWeek, contractHoursPerWeek, null);
    }
}
