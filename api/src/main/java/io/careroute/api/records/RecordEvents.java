package io.careroute.api.records;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.careroute.api.store.ServiceRecord;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.replan.EventsDocument;
import io.careroute.data.replan.EventsDocument.Event;
import io.careroute.data.replan.EventsDocument.Type;

/**
 * What the records of a day tell the same-day re-plan, as the events it already understands (events.json): a
 * {@code DONE} for every stop checked in or out (a stop under way is frozen like one finished: the worker is at that
 * door), and per worker a {@code DELAY} of the minutes their last recorded stop ran behind the plan (its check-out
 * after its planned end, or its check-in after its planned start while still there). The re-plan then freezes each
 * worker's route up to their last recorded stop and lets them go on from there that much later.
 *
 * <p>A DELAY is added by the re-plan after the worker's last frozen stop; when {@code at} is later than the planned
 * start of stops after the last recorded one, those are frozen too (they "started" by the plan) and the delay counts
 * from them: records kept up to date keep the two together.
 */
public final class RecordEvents {

    /** The largest DELAY events.json accepts. */
    static final int MAX_DELAY_MINUTES = 24 * 60;

    private RecordEvents() {
    }

    /** @param records the current records of the plan's day (any version of the lineage) */
    public static EventsDocument of(PlanDocument plan, List<ServiceRecord> records, OffsetDateTime at) {
        Map<String, ServiceRecord> byTask = new HashMap<>();
        records.forEach(r -> byTask.put(r.subject().taskId(), r));
        List<Event> events = new ArrayList<>();
        List<Event> delays = new ArrayList<>();
        for (PlanDocument.WorkerRoute route : plan.workers() == null ? List.<PlanDocument.WorkerRoute>of() : plan.workers()) {
            Long lateSeconds = null;
            for (PlanDocument.Stop stop : route.stops()) {
                ServiceRecord record = stop.taskId() == null ? null : byTask.get(stop.taskId());
                if (record == null || record.facts().checkIn() == null) {
                    continue;
                }
                events.add(new Event(Type.DONE, null, null, null, stop.taskId(), null));
                Instant actual = record.facts().checkOut() != null ? record.facts().checkOut() : record.facts().checkIn();
                OffsetDateTime planned = record.facts().checkOut() != null ? stop.end() : stop.start();
                lateSeconds = planned == null ? null : Duration.between(planned.toInstant(), actual).getSeconds();
            }
            if (lateSeconds != null && lateSeconds >= 60) {
                int minutes = (int) Math.min(MAX_DELAY_MINUTES, lateSeconds / 60);
                delays.add(new Event(Type.DELAY, null, route.id(), null, null, minutes));
            }
        }
        events.addAll(delays);
        return new EventsDocument(at, events);
    }
}
