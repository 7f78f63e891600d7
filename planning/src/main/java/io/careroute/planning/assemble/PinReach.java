package io.careroute.planning.assemble;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.KitchenDoc;
import io.careroute.data.problem.PinDoc;
import io.careroute.data.problem.PlaceCatalogue;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.WindowDoc;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.routing.matrix.TravelMatrix;
import io.careroute.routing.network.PlaceSet;
import io.careroute.solver.domain.TravelMode;

/**
 * Refuses a pinned start the worker cannot make on the real roads, before anything is planned: the worker leaves
 * the start place at the beginning of the shift ({@code RouteScheduler}'s rule), and each pinned stop of the route
 * ("these first, in this order": positions 1..k) follows from the one before it with its service time and the road
 * between them; a meal first fetches its batch at the kitchen once it is ready. Where a pinned start comes earlier
 * than that, no search could keep the pin, so it is named ({@code pins[2].start}) with the times that rule it out.
 *
 * <p>Only the few routes the pinned stops need are computed (one small matrix per worker), never the problem's
 * whole matrix: the check runs on the request, before a plan is queued. The times found are lower bounds (stops
 * the search adds come after the pinned ones), so a pin that passes may still be late only by the search's choice.
 * Expects a problem that passed {@code ProblemValidator} (so each worker's pinned positions are 1..k) and places
 * that are all on the network.
 */
final class PinReach {

    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    private final ProblemDocument problem;
    private final PlaceCatalogue places;
    private final Map<TravelMode, PlaceSet> placeSets;
    private final ZoneId zone;
    private final Map<String, DeliveryDoc> deliveries = new HashMap<>();
    private final Map<String, VisitDoc> visits = new HashMap<>();
    private final List<InputError> errors = new ArrayList<>();

    private PinReach(ProblemDocument problem, PlaceCatalogue places, Map<TravelMode, PlaceSet> placeSets) {
        this.problem = problem;
        this.places = places;
        this.placeSets = placeSets;
        this.zone = ZoneId.of(problem.timeZoneOrDefault());
        problem.deliveriesOrEmpty().forEach(d -> deliveries.put(d.id(), d));
        problem.visitsOrEmpty().forEach(v -> visits.put(v.id(), v));
    }

    /** Every pinned start that cannot be reached, by field ({@code pins[i].start}), worker by worker. */
    static List<InputError> check(ProblemDocument problem, PlaceCatalogue places, Map<TravelMode, PlaceSet> placeSets) {
        PinReach reach = new PinReach(problem, places, placeSets);
        // worker id -> pin index by position: only routes with a pinned start need any road
        Map<String, Map<Integer, Integer>> routes = new LinkedHashMap<>();
        List<PinDoc> pins = problem.pinsOrEmpty();
        for (int i = 0; i < pins.size(); i++) {
            if (pins.get(i).position() != null) {
                routes.computeIfAbsent(pins.get(i).workerId(), w -> new HashMap<>()).put(pins.get(i).position(), i);
            }
        }
        for (WorkerDoc worker : problem.workersOrEmpty()) {
            Map<Integer, Integer> route = routes.get(worker.id());
            if (route != null && route.values().stream().anyMatch(i -> pins.get(i).start() != null)) {
                List<Integer> ordered = route.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(Map.Entry::getValue).toList();
                reach.route(worker, ordered);
            }
        }
        return reach.errors;
    }

    /**
     * Why a visit pinned to a worker (a slot taken on the phone: the re-plan's {@code NEW_VISIT} with
     * {@code pinnedWorkerId}) cannot be reached in any of its windows: the worker, free where they are when their
     * shift (re)starts, gets to the elder's door only after the last window has closed. Null when a window is
     * reachable, or when the worker or the visit is not in the problem.
     */
    static Text windowsOutOfReach(ProblemDocument problem, PlaceCatalogue places, Map<TravelMode, PlaceSet> placeSets,
                                  String visitId, String workerId) {
        WorkerDoc worker = problem.workersOrEmpty().stream().filter(w -> workerId.equals(w.id())).findFirst().orElse(null);
        VisitDoc visit = problem.visitsOrEmpty().stream().filter(v -> visitId.equals(v.id())).findFirst().orElse(null);
        if (worker == null || visit == null || visit.windowsOrEmpty().isEmpty() || worker.shiftsOrEmpty().isEmpty()) {
            return null;
        }
        PinReach reach = new PinReach(problem, places, placeSets);
        TravelMatrix road = placeSets.get(worker.mode()).matrix(
                new int[] {places.workerStart(workerId), places.elder(visit.elderId())});
        long free = worker.shiftsOrEmpty().stream().mapToLong(w -> w.start().toEpochSecond()).min().orElseThrow();
        long closes = visit.windowsOrEmpty().stream().mapToLong(w -> w.end().toEpochSecond()).max().orElseThrow();
        if (!road.reachable(0, 1)) {
            return Text.of("error.pinStartNoRoute", workerId, visitId);
        }
        long arrival = free + road.seconds(0, 1);
        if (arrival <= closes) {
            return null;
        }
        return Text.of("error.pinWindowOutOfReach", workerId, visitId, reach.hhmm(free), minutes(road.seconds(0, 1)),
                reach.earliest(arrival), reach.hhmm(closes));
    }

    /** Walks one worker's pinned stops in order, keeping the earliest each can start. */
    private void route(WorkerDoc worker, List<Integer> pinIndices) {
        List<PinDoc> pins = pinIndices.stream().map(problem.pinsOrEmpty()::get).toList();
        Route road = new Route(worker, pins);
        long shiftStart = worker.shiftsOrEmpty().stream().mapToLong(s -> s.start().toEpochSecond()).min().orElseThrow();
        long ready = shiftStart;
        int from = 0;   // the worker's start place, row 0 of the route's matrix
        PinDoc previous = null;
        for (int k = 0; k < pins.size(); k++) {
            PinDoc pin = pins.get(k);
            String at = "pins[" + pinIndices.get(k) + "].start";
            int door = road.doorRow(k);
            DeliveryDoc delivery = deliveries.get(pin.taskId());
            int kitchen = delivery == null ? -1 : road.kitchenRow(k);
            boolean sameTrip = delivery != null && previous != null && deliveries.containsKey(previous.taskId())
                    && sameBatch(deliveries.get(previous.taskId()), delivery);
            boolean routed = delivery == null || sameTrip ? road.reachable(from, door)
                    : road.reachable(from, kitchen) && road.reachable(kitchen, door);
            if (!routed) {
                if (pin.start() != null) {
                    errors.add(new InputError(at, Text.of("error.pinStartNoRoute", worker.id(), pin.taskId())));
                }
                return;   // nothing after a leg without roads can be bounded
            }
            long arrival;
            Text why;
            if (delivery == null || sameTrip) {
                int travel = road.seconds(from, door);
                arrival = ready + travel;
                why = leg(worker, pin, previous, ready, shiftStart, travel, arrival);
                if (sameTrip) {
                    // Already carrying the batch: straight to the door, but never before the meal left the kitchen.
                    long leftKitchen = batchReady(delivery) + kitchenLoading(delivery) * 60L;
                    long viaBatch = leftKitchen + road.seconds(kitchen, door);
                    if (viaBatch > arrival) {
                        arrival = viaBatch;
                        why = meal(pin, delivery, leftKitchen, road.seconds(kitchen, door), arrival);
                    }
                }
            } else {
                // The kitchen first (RouteScheduler: the batch once ready, plus loading), then the door.
                long atKitchen = ready + road.seconds(from, kitchen);
                long leftKitchen = Math.max(atKitchen, batchReady(delivery)) + kitchenLoading(delivery) * 60L;
                arrival = leftKitchen + road.seconds(kitchen, door);
                why = meal(pin, delivery, leftKitchen, road.seconds(kitchen, door), arrival);
            }
            long start;
            if (pin.start() != null) {
                start = pin.start().toEpochSecond();
                if (start < arrival) {
                    errors.add(new InputError(at, why));
                }
            } else {
                start = earliestInWindow(arrival, delivery != null ? delivery.windowsOrEmpty()
                        : visits.get(pin.taskId()).windowsOrEmpty());
            }
            ready = Math.max(start, arrival) + serviceSeconds(pin);
            from = door;
            previous = pin;
        }
    }

    /** Why the stop cannot start in time, from the shift's start or from the pinned stop before it. */
    private Text leg(WorkerDoc worker, PinDoc pin, PinDoc previous, long ready, long shiftStart, int travel, long arrival) {
        if (previous == null) {
            return Text.of("error.pinStartUnreachable", worker.id(), pin.taskId(), hhmm(pin.start()), hhmm(shiftStart),
                    minutes(travel), earliest(arrival));
        }
        return Text.of("error.pinStartTooSoon", pin.taskId(), hhmm(pin.start()), earliest(arrival), previous.taskId(),
                earliest(ready), minutes(travel));
    }

    /** Why a meal cannot be handed over in time: when it can leave the kitchen at the earliest, and the way on. */
    private Text meal(PinDoc pin, DeliveryDoc delivery, long leftKitchen, int toDoor, long arrival) {
        return Text.of("error.pinStartMeal", pin.taskId(), delivery.kitchenId(), earliest(leftKitchen),
                hhmm(batchReady(delivery)), kitchenLoading(delivery), minutes(toDoor), earliest(arrival),
                hhmm(pin.start()));
    }

    /** The earliest start at or after arrival inside one of the windows (arrival itself when none is left open). */
    private static long earliestInWindow(long arrival, List<WindowDoc> windows) {
        return windows.stream().filter(w -> w.end().toEpochSecond() >= arrival)
                .mapToLong(w -> Math.max(arrival, w.start().toEpochSecond())).min().orElse(arrival);
    }

    private long serviceSeconds(PinDoc pin) {
        DeliveryDoc delivery = deliveries.get(pin.taskId());
        if (delivery != null) {
            return delivery.handoverMinutesOrDefault() * 60L;
        }
        Integer minutes = visits.get(pin.taskId()).durationMinutes();
        return minutes == null ? 0 : minutes * 60L;
    }

    private KitchenDoc kitchen(DeliveryDoc delivery) {
        return problem.kitchensOrEmpty().stream().filter(k -> k.id().equals(delivery.kitchenId())).findFirst().orElseThrow();
    }

    /** The batch the meal comes from: the named one, else the kitchen's first (as {@code CarePlanFactory} reads it). */
    private KitchenDoc.BatchDoc batch(DeliveryDoc delivery) {
        List<KitchenDoc.BatchDoc> batches = kitchen(delivery).batchesOrEmpty();
        return delivery.batchId() == null ? batches.get(0)
                : batches.stream().filter(b -> b.id().equals(delivery.batchId())).findFirst().orElseThrow();
    }

    private long batchReady(DeliveryDoc delivery) {
        return batch(delivery).readyAt().toEpochSecond();
    }

    private int kitchenLoading(DeliveryDoc delivery) {
        return kitchen(delivery).loadingMinutesOrDefault();
    }

    private boolean sameBatch(DeliveryDoc a, DeliveryDoc b) {
        return a.kitchenId().equals(b.kitchenId()) && batch(a).id().equals(batch(b).id());
    }

    private String hhmm(long epochSecond) {
        return HHMM.format(Instant.ofEpochSecond(epochSecond).atZone(zone));
    }

    private String hhmm(OffsetDateTime time) {
        return time == null ? "" : HHMM.format(time.atZoneSameInstant(zone));
    }

    /** An earliest time shown to the minute it can be kept: rounded up, so it is never earlier than the truth. */
    private String earliest(long epochSecond) {
        return hhmm((epochSecond + 59) / 60 * 60);
    }

    private static long minutes(long seconds) {
        return (seconds + 59) / 60;
    }

    /**
     * The few places one worker's pinned route touches (start, each door, each meal's kitchen) and the roads among
     * them in the worker's mode.
     */
    private final class Route {

        private final List<Integer> rows = new ArrayList<>();
        private final int[] doors;
        private final int[] kitchens;
        private final TravelMatrix matrix;

        Route(WorkerDoc worker, List<PinDoc> pins) {
            rows.add(places.workerStart(worker.id()));
            doors = new int[pins.size()];
            kitchens = new int[pins.size()];
            for (int k = 0; k < pins.size(); k++) {
                DeliveryDoc delivery = deliveries.get(pins.get(k).taskId());
                String elderId = delivery != null ? delivery.elderId() : visits.get(pins.get(k).taskId()).elderId();
                doors[k] = row(places.elder(elderId));
                kitchens[k] = delivery == null ? -1 : row(places.kitchen(delivery.kitchenId()));
            }
            matrix = placeSets.get(worker.mode()).matrix(rows.stream().mapToInt(Integer::intValue).toArray());
        }

        private int row(int place) {
            int row = rows.indexOf(place);
            if (row < 0) {
                rows.add(place);
                row = rows.size() - 1;
            }
            return row;
        }

        int doorRow(int k) {
            return doors[k];
        }

        int kitchenRow(int k) {
            return kitchens[k];
        }

        boolean reachable(int from, int to) {
            return matrix.reachable(from, to);
        }

        int seconds(int from, int to) {
            return matrix.seconds(from, to);
        }
    }
}
