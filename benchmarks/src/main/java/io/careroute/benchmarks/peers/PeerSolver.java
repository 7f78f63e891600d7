package io.careroute.benchmarks.peers;

import java.time.Duration;
import java.util.function.Consumer;

import io.careroute.data.vrptw.VrptwInstance;

/**
 * Another VRPTW solver measured beside careroute in the benchmark suite (jsprit, OR-Tools): same instance, same
 * wall-clock budget, one thread, its own best-known way of minimising vehicles, then distance.
 */
public interface PeerSolver {

    /** As {@code --peers} names it and the report lists it: {@code jsprit}, {@code ortools}. */
    String name();

    /** One line for {@code --list} and the report: library, version, algorithm. */
    String description();

    /**
     * Anything that can fail before a run (a native library to load), done once before the suite solves anything, so a
     * solver that cannot run here stops the run at once rather than after careroute's runs.
     *
     * @throws IllegalStateException saying why the solver cannot run on this machine
     */
    default void prepare() {
    }

    /** The settings that decide the search, for the report's configuration section. */
    String settings(VrptwInstance instance, long seed);

    /**
     * Solves once on the calling thread. The budget counts from the start of the search, construction included (as
     * careroute's time limit does), not the building of the model.
     *
     * @param progressSeconds at most how often {@code progress} is called; 0 for never
     * @param progress        called with a line about the best so far
     */
    PeerRun solve(VrptwInstance instance, Duration budget, long seed, double progressSeconds, Consumer<String> progress);
}
