package io.careroute.solver.domain;

import java.util.ArrayList;
import java.util.List;


/**
 * Computes the schedule of one task from the one before it: the single definition of "what happens when"
 * that the shadow-variable listener, the plan output and the explanations all share.
 *
 * <p><b>Trips are implicit.</b> The solver only orders tasks; a kitchen stop is inserted before a delivery
 * when the worker is not already carrying that batch, when the boxes would not fit, or when the meal would be
 * handed over later than the still-hot limit on the current trip. A trip leaves the kitchen as late as its first
 * hand-over allows, so meals wait in the kitchen, not at a door. This greedy split makes multi-trip routes,
 * per-trip capacity and the hot-food clock come out of the ordering alone, without extra planning variables.
 */
public final class RouteScheduler {

    private RouteScheduler() {
    }

    /**
     * @param previous the task before {@code task} on the same route, or null if it is the first
     * @param before   the schedule of {@code previous} (null if it is the first)
     * @param last     {@code task} ends the route (then the return leg is filled in)
     */
    public static ScheduledStop schedule(Worker worker, Task previous, ScheduledStop before, Task task, boolean last,
            TravelTimes travel) {
        return schedule(worker, previous, before, task, last, travel, -1, false);
    }

    /**
     * @param notBefore service starts no earlier than this (the partner's arrival at a two-worker visit), or -1
     * @param deadlock  marks a two-worker part that could not be synchronised (see {@link ScheduledStop})
     */
    public static ScheduledStop schedule(Worker worker, Task previous, ScheduledStop before, Task task, boolean last,
            TravelTimes travel, int notBefore, boolean deadlock) {
        int fromPlace = previous == null ? worker.getStartPlace() : previous.getPlace();
        int readyAt = before == null ? worker.shiftStart() : before.end();

        boolean viaKitchen = false;
        int kitchenArrival = -1;
        int kitchenDeparture = -1;
        int travelSeconds;
        int travelMetres;
        int arrival;
        ServiceSlot slot;
        int tripDeparture = -1;
        int tripLoad = 0;

        if (task.isDelivery()) {
            MealBatch batch = task.getBatch();
            int hotLimit = batch.kitchen().maxSecondsFromKitchen();
            int directSeconds = travel.seconds(worker.getMode(), fromPlace, task.getPlace());
            ServiceSlot direct = null;
            boolean sameBatch = before != null && previous != null && previous.isDelivery() && previous.getBatch() == batch;
            if (sameBatch && worker.isSingleTrip()) {
                direct = slot(readyAt + directSeconds, task, worker);   // no reloading: overload breaks capacity
            } else if (sameBatch && before.tripLoad() + task.getBoxes() <= worker.getCapacityBoxes()) {
                direct = slot(readyAt + directSeconds, task, worker);
                if (direct.start() - before.tripDeparture() > hotLimit) {
                    direct = null;   // the meal would go cold: better fetch a fresh one
                }
            }
            if (direct != null) {
                travelSeconds = directSeconds;
                travelMetres = travel.metres(worker.getMode(), fromPlace, task.getPlace());
                arrival = readyAt + directSeconds;
                slot = direct;
                tripDeparture = before.tripDeparture();
                tripLoad = before.tripLoad() + task.getBoxes();
            } else {
                viaKitchen = true;
                int kitchenPlace = batch.kitchen().place();
                int toKitchen = travel.seconds(worker.getMode(), fromPlace, kitchenPlace);
                int toDoor = travel.seconds(worker.getMode(), kitchenPlace, task.getPlace());
                kitchenArrival = readyAt + toKitchen;
                int earliestDeparture = Math.max(kitchenArrival, batch.readySeconds()) + batch.kitchen().loadingSeconds();
                slot = slot(earliestDeparture + toDoor, task, worker);
                // Wait at the kitchen rather than at the door: leaving later keeps the meal hot and changes no later time.
                kitchenDeparture = Math.max(earliestDeparture, slot.start() - toDoor);
                travelSeconds = toKitchen + toDoor;
                travelMetres = travel.metres(worker.getMode(), fromPlace, kitchenPlace)
                        + travel.metres(worker.getMode(), kitchenPlace, task.getPlace());
                arrival = kitchenDeparture + toDoor;
                tripDeparture = kitchenDeparture;
                tripLoad = task.getBoxes();
            }
        } else {
            travelSeconds = travel.seconds(worker.getMode(), fromPlace, task.getPlace());
            travelMetres = travel.metres(worker.getMode(), fromPlace, task.getPlace());
            arrival = readyAt + travelSeconds;
            slot = slot(Math.max(arrival, notBefore), task, worker);
            if (before == null) {
                // The first visit of the day: leave home in time for it rather than wait at the door.
                arrival = Math.max(arrival, slot.start());
            }
        }
        int end = slot.start() + task.getServiceSeconds();
        int routeDeparture;
        if (before != null) {
            routeDeparture = before.routeDeparture();
        } else if (viaKitchen) {
            routeDeparture = worker.shiftStart();
        } else {
            routeDeparture = arrival - travelSeconds;
        }

        int returnSeconds = 0;
        int returnMetres = 0;
        int routeEnd = -1;
        if (last) {
            returnSeconds = travel.seconds(worker.getMode(), task.getPlace(), worker.getEndPlace());
            returnMetres = travel.metres(worker.getMode(), task.getPlace(), worker.getEndPlace());
            routeEnd = end + returnSeconds;
        }
        return new ScheduledStop(viaKitchen, kitchenArrival, kitchenDeparture, travelSeconds, travelMetres,
                arrival, slot.start(), end, slot.lateSeconds(), slot.outsideShiftSeconds(),
                tripDeparture, tripLoad, returnSeconds, returnMetres, routeEnd, routeDeparture, deadlock);
    }

    private static ServiceSlot slot(int arrival, Task task, Worker worker) {
        return ServiceSlot.earliest(arrival, task.getServiceSeconds(), task.getWindowBounds(), worker.getShiftBounds());
    }

    /**
     * Schedules a whole route in order, without touching the tasks' shadow variables, as if it stood alone (a
     * two-worker part does not wait for its partner: see {@link LinkedRoutes} for that).
     */
    public static List<ScheduledStop> simulate(Worker worker, List<Task> route, TravelTimes travel) {
        List<ScheduledStop> stops = new ArrayList<>(route.size());
        Task previous = null;
        ScheduledStop before = null;
        for (int i = 0; i < route.size(); i++) {
            Task task = route.get(i);
            before = schedule(worker, previous, before, task, i == route.size() - 1, travel);
            stops.add(before);
            previous = task;
        }
        return stops;
    }

    /** When service can start: the earliest second inside a window whose whole service fits in a shift. */
    record ServiceSlot(int start, int lateSeconds, int outsideShiftSeconds) {

        private static final int NONE = Integer.MAX_VALUE;

        /**
         * The innermost call of every move evaluation. Kept small so that the JIT inlines it into the scheduler (and
         * the slot never reaches the heap); the rare case of no feasible slot is a separate method.
         */
        static ServiceSlot earliest(int arrival, int serviceSeconds, int[] windows, int[] shifts) {
            int best = earliestStart(arrival, serviceSeconds, windows, shifts);
            return best != NONE ? new ServiceSlot(best, 0, 0) : breaking(arrival, serviceSeconds, windows, shifts);
        }

        /** The earliest feasible start, or {@link #NONE}; indexed loops, and a window that cannot do better is skipped. */
        private static int earliestStart(int arrival, int serviceSeconds, int[] windows, int[] shifts) {
            int best = NONE;
            for (int w = 0; w < windows.length; w += 2) {
                int windowEnd = windows[w + 1];
                int from = Math.max(arrival, windows[w]);
                if (from > windowEnd || from >= best) {
                    continue;
                }
                for (int s = 0; s < shifts.length; s += 2) {
                    int start = Math.max(from, shifts[s]);
                    if (start <= windowEnd && start + serviceSeconds <= shifts[s + 1] && start < best) {
                        best = start;
                    }
                }
            }
            return best;
        }

        /** No feasible slot: serve as early as the windows allow and report how far it breaks them. */
        private static ServiceSlot breaking(int arrival, int serviceSeconds, int[] windows, int[] shifts) {
            int start = arrival;
            int late = arrival - windows[windows.length - 1];
            for (int w = 0; w < windows.length; w += 2) {
                if (arrival <= windows[w + 1]) {
                    start = Math.max(arrival, windows[w]);
                    late = 0;
                    break;
                }
            }
            return new ServiceSlot(start, Math.max(0, late), outsideShifts(start, start + serviceSeconds, shifts));
        }

        private static int outsideShifts(int from, int to, int[] shifts) {
            int inside = 0;
            boolean withinOne = false;
            for (int s = 0; s < shifts.length; s += 2) {
                inside += Math.max(0, Math.min(to, shifts[s + 1]) - Math.max(from, shifts[s]));
                withinOne |= from >= shifts[s] && from <= shifts[s + 1];
            }
            // A zero-length service outside every shift still counts as one second out of shift.
            return to == from && !withinOne ? 1 : (to - from) - inside;
        }
    }
}
