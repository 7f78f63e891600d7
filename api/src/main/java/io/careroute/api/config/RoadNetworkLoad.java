package io.careroute.api.config;

import java.util.Optional;
import java.util.function.Supplier;

import io.careroute.routing.network.RoadNetwork;

/**
 * Where the server's road network stands, for the readiness check: loading, loaded, or failed to load (then the
 * start fails too). Kept apart from the network itself because a network that is still loading or failed has no
 * object to ask.
 */
public final class RoadNetworkLoad {

    public enum State { LOADING, READY, FAILED }

    private volatile State state = State.LOADING;
    private volatile RoadNetwork network;
    private volatile String failure;

    /** Opens the network and records how that went; a failure is rethrown (the server does not start without it). */
    public RoadNetwork open(Supplier<RoadNetwork> opening) {
        try {
            RoadNetwork opened = opening.get();
            network = opened;
            state = State.READY;
            return opened;
        } catch (RuntimeException | Error e) {
            failure = e.getClass().getSimpleName();
            state = State.FAILED;
            throw e;
        }
    }

    public State state() {
        return state;
    }

    /** The loaded network (it may since have been closed at shut-down). */
    public Optional<RoadNetwork> network() {
        return Optional.ofNullable(network);
    }

    /** The kind of the load's failure (an exception's simple name, never its message), or null. */
    public String failure() {
        return failure;
    }
}
