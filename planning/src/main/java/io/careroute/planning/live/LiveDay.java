package io.careroute.planning.live;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;

import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.replan.EventsDocument;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.solve.Replanner;
import io.careroute.solver.domain.CarePlan;

/**
 * The rest of a published day as what was recorded tells it, without solving: the same preparation as a same-day
 * re-plan (what was recorded is frozen, each worker goes on from their last recorded stop as much later as they ran
 * behind), the published order of what is left put back in place ({@code WarmStart}, inside
 * {@link Replanner#prepare}) and timed by the solver's own scheduling, then scored by its constraints. So an
 * expected arrival here is the one a re-plan would start from, and a stop flagged here is one the re-plan's score
 * would charge: there is no second arrival calculator.
 *
 * <p>The re-plan freezes every stop that started before its {@code at}; here {@code at} is just before the day's
 * first departure, so only the recorded stops (and the rest of a meal trip under way: its boxes are on the bike)
 * are frozen and every other stop is timed again.
 */
public final class LiveDay {

    private final Replanner replanner;
    private final CarePlanner planner;

    public LiveDay(Replanner replanner, CarePlanner planner) {
        this.replanner = Objects.requireNonNull(replanner);
        this.planner = Objects.requireNonNull(planner);
    }

    /**
     * The day as it goes.
     *
     * @param plan   the whole day's plan: the frozen stops as published, every other stop timed from the records
     * @param frozen the tasks frozen as published: the recorded ones, the rest of a meal trip under way, and the
     *               stops before a worker's last recorded one (skipped or not recorded)
     */
    public record Followed(PlanDocument plan, Set<String> frozen) {
    }

    /**
     * @param recorded the records as re-plan events (DONE per recorded stop, DELAY per late worker); its {@code at}
     *                 is ignored
     */
    public Followed follow(ProblemDocument problem, PlanDocument published, EventsDocument recorded,
                               Messages messages) {
        EventsDocument events = new EventsDocument(beforeFirstDeparture(published), recorded.eventsOrEmpty());
        Replanner.Prepared prepared = replanner.prepare(problem, published, events, messages);
        CarePlan open = prepared.open().plan();
        planner.score(open);
        return new Followed(replanner.result(prepared, open).plan(), Set.copyOf(prepared.replan().frozenTaskIds()));
    }

    /** A second before anyone sets off (a stop "started" before {@code at} would be frozen as published). */
    static OffsetDateTime beforeFirstDeparture(PlanDocument published) {
        OffsetDateTime first = null;
        for (PlanDocument.WorkerRoute route : published.workers()) {
            OffsetDateTime departure = route.departure() != null ? route.departure()
                    : route.shift() != null ? route.shift().start() : null;
            if (departure != null && (first == null || departure.isBefore(first))) {
                first = departure;
            }
        }
        if (first == null) {
            throw new IllegalArgumentException("a published plan without any route");
        }
        return first.minusSeconds(1);
    }
}
