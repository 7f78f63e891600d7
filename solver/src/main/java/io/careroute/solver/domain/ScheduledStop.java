package io.careroute.solver.domain;

/**
 * When and how a worker serves one task, derived from the route before it (a shadow variable).
 *
 * <p>A delivery that starts a new trip is reached <em>via the kitchen</em>: the worker travels to the
 * kitchen, waits for the batch, loads and leaves ({@code kitchen*} fields), then rides to the door.
 * All times are seconds since midnight of the plan date; -1 marks a field that does not apply.
 *
 * @param viaKitchen            a kitchen stop (reload) comes right before this task
 * @param kitchenArrival        arrival at the kitchen, or -1
 * @param kitchenDeparture      departure from the kitchen after loading, or -1
 * @param travelSeconds         travel from the previous place (start, previous task or, via the kitchen, both legs)
 * @param travelMetres          distance of the same legs
 * @param arrival               arrival at the door
 * @param start                 service start (after any wait for the window or the shift)
 * @param end                   service end; the worker leaves at once
 * @param lateSeconds           how far the start lies after the window end (0 when on time)
 * @param outsideShiftSeconds   how much of the service lies outside the worker's shifts
 * @param tripDeparture         departure from the kitchen of the trip that carries this delivery, or -1 for a visit
 * @param tripLoad              boxes loaded so far on this trip up to and including this delivery (0 for a visit)
 * @param returnTravelSeconds   for the last task of a route: travel to the worker's end place, else 0
 * @param returnTravelMetres    its distance, else 0
 * @param routeEnd              for the last task: arrival at the end place, else -1
 * @param routeDeparture        when the worker leaves the start place (the same on every stop of a route)
 * @param partnerDeadlock       a part of a two-worker visit that cannot start with its partner: the two routes
 *                              wait for each other (each reaches its part only after the other's), so it was
 *                              scheduled alone
 */
public record ScheduledStop(
        boolean viaKitchen,
        int kitchenArrival,
        int kitchenDeparture,
        int travelSeconds,
        int travelMetres,
        int arrival,
        int start,
        int end,
        int lateSeconds,
        int outsideShiftSeconds,
        int tripDeparture,
        int tripLoad,
        int returnTravelSeconds,
        int returnTravelMetres,
        int routeEnd,
        int routeDeparture,
        boolean partnerDeadlock) {

    /** Time from leaving the kitchen to handing the meal over (the "still hot" clock), or 0 for a visit. */
    public int secondsFromKitchen() {
        return tripDeparture < 0 ? 0 : start - tripDeparture;
    }

    public int waitingSeconds() {
        return start - arrival;
    }

    public int totalTravelSeconds() {
        return travelSeconds + returnTravelSeconds;
    }

    /** For the last stop: the route's length in time, from leaving the start place to arriving at the end place. */
    public int routeSeconds() {
        return routeEnd - routeDeparture;
    }

    public int totalTravelMetres() {
        return travelMetres + returnTravelMetres;
    }
}
