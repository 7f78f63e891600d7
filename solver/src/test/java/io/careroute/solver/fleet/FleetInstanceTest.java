package io.careroute.solver.fleet;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A fleet instance refuses what its route checks cannot take, naming it. */
class FleetInstanceTest {

    private static final int[] READY = {0, 0};
    private static final int[] DUE = {100, 100};
    private static final int[] DEMAND = {0, 1};

    @Test
    void aNegativeTravelTimeIsRefusedNamingThePair() {
        int[] time = {0, 5, -1, 0};   // from 1 to 0: a matrix's "no route"
        assertThatThrownBy(() -> new FleetInstance(time, time, READY, DUE, new int[] {0, 5}, DEMAND, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the travel time from 1 to 0 is negative: -1");
    }

    @Test
    void aNegativeServiceTimeIsRefusedNamingThePlace() {
        int[] time = {0, 5, 5, 0};
        assertThatThrownBy(() -> new FleetInstance(time, time, READY, DUE, new int[] {0, -2}, DEMAND, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the service time at 1 is negative: -2");
    }
}
