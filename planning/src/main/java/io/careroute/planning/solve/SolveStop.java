package io.careroute.planning.solve;

/**
 * Lets another thread end a solve early; the solve then returns its best solution so far.
 * <ul>
 *   <li>Not before every task has a place (a worker or the unassigned holder): a stop during the construction
 *       heuristic waits for it to end, so a stopped plan is a whole plan, never a half-built one.</li>
 *   <li>A request made before the solver starts is not lost: OptaPlanner clears {@code terminateEarly} when
 *       solving starts, so the request is repeated at every new best solution and by {@link #repeat()}, which a
 *       watcher may call now and then ({@code PortfolioSolve} itself also ends a member that begins after it was
 *       ended).</li>
 * </ul>
 */
public final class SolveStop {

    private volatile Runnable terminator;
    private volatile boolean requested;
    private volatile boolean constructed;

    public void request() {
        requested = true;
        repeat();
    }

    public boolean requested() {
        return requested;
    }

    /** Passes a standing request on to the solver, if one is running and has placed every task. */
    public void repeat() {
        Runnable running = terminator;
        if (requested && constructed && running != null) {
            running.run();
        }
    }

    /** @param terminator ends the running solve early (every solver of a portfolio) */
    void attach(Runnable terminator, boolean constructed) {
        this.constructed = constructed;
        this.terminator = terminator;
        repeat();
    }

    /** The solver has a solution with every task placed: from now on it may stop. */
    void constructed() {
        constructed = true;
    }

    void detach() {
        this.terminator = null;
    }
}
