package io.careroute.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.careroute.api.jobs.SolveJobEngine.Outcome;
import org.junit.jupiter.api.Test;

/** One urgent place of an instance is kept for other organisations; with one place there is nothing to keep. */
class UrgentSharesTest {

    final Map<String, String> owners = Map.of("n1", "noisy", "n2", "noisy", "q1", "quiet");

    @Test
    void withTwoPlacesAnOrganisationRunsOnOneAndTheOtherIsKept() {
        UrgentShares shares = new UrgentShares(2);
        AtomicReference<Outcome> second = new AtomicReference<>();
        AtomicReference<Outcome> quiet = new AtomicReference<>();
        // While the noisy organisation's first re-plan runs, its second is deferred and the quiet one's runs.
        Outcome first = shares.run("n1", this::owner, id -> {
            second.set(shares.run("n2", this::owner, other -> Outcome.DONE));
            quiet.set(shares.run("q1", this::owner, other -> Outcome.DONE));
            return Outcome.DONE;
        });
        assertThat(first).isEqualTo(Outcome.DONE);
        assertThat(second.get()).isEqualTo(Outcome.DEFER);
        assertThat(quiet.get()).isEqualTo(Outcome.DONE);
        // Its place given back, the deferred one runs.
        assertThat(shares.run("n2", this::owner, id -> Outcome.DONE)).isEqualTo(Outcome.DONE);
    }

    @Test
    void withOnePlaceTheOrganisationMayTakeIt() {
        UrgentShares shares = new UrgentShares(1);
        assertThat(shares.run("n1", this::owner, id -> Outcome.DONE)).isEqualTo(Outcome.DONE);
        assertThat(shares.take("noisy")).isTrue();
        assertThat(shares.take("quiet")).isTrue();   // one place each here; the engine has only one thread anyway
    }

    @Test
    void aDatabaseAwayRetriesAndAnUnknownPlanGoesToTheRunner() {
        UrgentShares shares = new UrgentShares(2);
        assertThat(shares.run("n1", id -> {
            throw new IllegalStateException("database away");
        }, id -> Outcome.DONE)).isEqualTo(Outcome.RETRY);
        assertThat(shares.run("gone", id -> Optional.empty(), id -> Outcome.DONE)).isEqualTo(Outcome.DONE);
    }

    private Optional<String> owner(String id) {
        return Optional.ofNullable(owners.get(id));
    }
}
