package io.careroute.api.records;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.careroute.api.access.Caller;
import io.careroute.api.jobs.JobNotFoundException;
import io.careroute.api.jobs.PlanJobs;
import io.careroute.api.jobs.PlanStateException;
import io.careroute.api.store.Publications;
import io.careroute.api.store.RecordStamps;
import io.careroute.api.store.RecordStore;
import io.careroute.api.store.ServiceRecord;
import io.careroute.api.store.StoredPlan;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.WindowDoc;
import io.careroute.data.replan.EventsDocument;
import io.careroute.planning.live.LiveDay;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.solve.Replanner;
import org.springframework.stereotype.Service;

/**
 * The console's live view of a day (issue 17.3): the plan's routes with the expected arrivals of the stops still to
 * come, recomputed from the day's records by {@link LiveDay} (the re-plan's own preparation and the solver's own
 * scheduling, nothing solved), and each stop that will miss its window or the still-hot limit flagged. It is
 * recomputed only when a record of the day changes ({@link RecordStamps}); until then the last answer per plan is
 * kept, so the console may poll every second. Any instance answers: the stamp is read from the database.
 *
 * <p>What the scheduler does not time again is shifted by the worker's delay: the rest of a meal trip under way is
 * frozen as published (its boxes are on the bike), so its stops come as much later as the worker runs behind, and
 * its still-hot clock runs on from the trip's published departure (a delay on the way is what makes food cold).
 * Expected arrivals move with the records, not with the clock: a worker who records nothing is expected as planned.
 *
 * <p>A worker so far behind that their last shift is over before they are free again has no open part in the re-plan's
 * preparation ({@code ReplanPreparation} reopens only a worker with shift time left), so the rest of their route is
 * not timed again: it is shifted by their delay like a frozen trip, and flagged as ending after the shift. Without
 * that, those stops showed as on time, the worst case of all unflagged.
 */
@Service
public class LiveDays {

    private static final int KEPT = 64;

    private final LiveDay liveDay;
    private final PlanJobs jobs;
    private final Publications publications;
    private final RecordStore records;
    private final RecordStamps stamps;
    private final Map<String, LiveView> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LiveView> eldest) {
            return size() > KEPT;
        }
    };

    public LiveDays(Replanner replanner, CarePlanner planner, PlanJobs jobs, Publications publications,
                    RecordStore records, RecordStamps stamps) {
        this.liveDay = new LiveDay(replanner, planner);
        this.jobs = jobs;
        this.publications = publications;
        this.records = records;
        this.stamps = stamps;
    }

    /** What the live view of this plan is now made of: the plan, whether it is published, the day's records. */
    public String stamp(Caller caller, StoredPlan plan) {
        RecordStamps.Stamp stamp = stamps.of(caller.organisationId(), plan.lineageId());
        boolean published = publications.latestOf(plan.id()).isPresent();
        return plan.id() + "-" + (published ? "p" : "d") + "-" + stamp.versions() + "-"
                + (stamp.latest() == null ? 0 : stamp.latest().toEpochMilli());
    }

    /** @throws PlanStateException (409) while the plan has no routes yet */
    public LiveView view(Caller caller, StoredPlan plan, String stamp) {
        synchronized (kept) {
            LiveView last = kept.get(plan.id());
            if (last != null && last.stamp().equals(stamp)) {
                return last;
            }
        }
        LiveView view = compute(caller, plan, stamp);
        synchronized (kept) {
            kept.put(plan.id(), view);
        }
        return view;
    }

    private LiveView compute(Caller caller, StoredPlan plan, String stamp) {
        PlanDocument published = plan.plan();
        if (published == null || published.workers() == null) {
            throw new PlanStateException("status", "api.state.noPlan", plan.status());
        }
        ProblemDocument problem = jobs.problem(plan).orElseThrow(() -> new JobNotFoundException(plan.id()));
        ZoneId zone = ZoneId.of(published.timeZone() == null ? ProblemDocument.DEFAULT_TIME_ZONE : published.timeZone());
        List<ServiceRecord> day = records.list(caller.organisationId(), problem.date(), problem.date(), null).stream()
                .filter(r -> r.subject().lineageId().equals(plan.lineageId())).toList();
        Map<String, ServiceRecord> byTask = new HashMap<>();
        day.forEach(r -> byTask.put(r.subject().taskId(), r));
        EventsDocument recorded = RecordEvents.of(published, day, null);
        Map<String, Integer> delays = new HashMap<>();
        recorded.eventsOrEmpty().stream().filter(e -> e.type() == EventsDocument.Type.DELAY)
                .forEach(e -> delays.put(e.workerId(), e.minutes()));
        LiveDay.Followed followed = byTask.isEmpty() ? new LiveDay.Followed(published, Set.of())
                : liveDay.follow(problem, published, recorded, Messages.chinese());
        Map<String, PlanDocument.TaskOutcome> tasks = new HashMap<>();
        published.tasks().forEach(t -> tasks.put(t.id(), t));
        Map<String, Timed> live = timed(followed.plan());
        Map<String, Timed> planned = timed(published);

        List<LiveRoute> routes = new ArrayList<>();
        List<LiveStop> flagged = new ArrayList<>();
        for (PlanDocument.WorkerRoute route : published.workers()) {
            int delay = delays.getOrDefault(route.id(), 0);
            int lastRecorded = -1;
            for (int i = 0; i < route.stops().size(); i++) {
                ServiceRecord r = byTask.get(route.stops().get(i).taskId());
                if (r != null && r.facts().checkIn() != null) {
                    lastRecorded = i;
                }
            }
            List<LiveStop> stops = new ArrayList<>();
            for (int i = 0; i < route.stops().size(); i++) {
                PlanDocument.Stop stop = route.stops().get(i);
                if (stop.taskId() == null) {
                    continue;
                }
                // Not timed again: frozen as published, or its worker has no shift time left to time it in.
                boolean shifted = followed.frozen().contains(stop.taskId()) || !live.containsKey(stop.taskId());
                LiveStop liveStop = stop(stop, i, lastRecorded, shifted ? delay : 0, byTask.get(stop.taskId()),
                        tasks.get(stop.taskId()), shifted ? planned : live, lastShiftEnd(route), zone);
                stops.add(liveStop);
                if (liveStop.flagged()) {
                    flagged.add(liveStop);
                }
            }
            routes.add(new LiveRoute(route.id(), delay, stops));
        }
        flagged.sort(Comparator.comparingInt(LiveDays::worst).reversed().thenComparing(LiveStop::taskId));
        OffsetDateTime latest = day.stream().map(r -> r.change().at()).max(Comparator.naturalOrder())
                .map(at -> at.atZone(zone).toOffsetDateTime()).orElse(null);
        return new LiveView(plan.id(), problem.date(), stamp.contains("-p-"), stamp, latest, routes,
                flagged.stream().map(LiveStop::taskId).toList());
    }

    /** A task stop's arrival, start, end and the departure of its meal trip (null for a visit), as one plan times them. */
    private record Timed(OffsetDateTime arrival, OffsetDateTime start, OffsetDateTime end, OffsetDateTime tripDeparture) {
    }

    /** When the worker's last shift of the day ends (null when the plan gives none). */
    static OffsetDateTime lastShiftEnd(PlanDocument.WorkerRoute route) {
        OffsetDateTime last = route.shift() == null ? null : route.shift().end();
        for (WindowDoc shift : route.shifts() == null ? List.<WindowDoc>of() : route.shifts()) {
            if (last == null || shift.end().isAfter(last)) {
                last = shift.end();
            }
        }
        return last;
    }

    private static Map<String, Timed> timed(PlanDocument plan) {
        Map<String, Timed> timed = new HashMap<>();
        for (PlanDocument.WorkerRoute route : plan.workers()) {
            OffsetDateTime departure = null;
            for (PlanDocument.Stop stop : route.stops()) {
                if (stop.kind() == PlanDocument.StopKind.KITCHEN) {
                    departure = stop.end();
                } else if (stop.kind() == PlanDocument.StopKind.VISIT) {
                    departure = null;
                }
                if (stop.taskId() != null) {
                    timed.put(stop.taskId(), new Timed(stop.arrival(), stop.start(), stop.end(),
                            stop.kind() == PlanDocument.StopKind.DELIVERY ? departure : null));
                }
            }
        }
        return timed;
    }

    /**
     * @param shiftMinutes the worker's delay for a stop frozen as published (the rest of a trip under way), else 0
     * @param times        the live plan's times when the stop was timed again, the published plan's when frozen
     * @param shiftEnd     the end of the worker's last shift (null: none known)
     */
    private static LiveStop stop(PlanDocument.Stop stop, int index, int lastRecorded, int shiftMinutes,
                                 ServiceRecord record, PlanDocument.TaskOutcome task, Map<String, Timed> times,
                                 OffsetDateTime shiftEnd, ZoneId zone) {
        String kind = stop.kind().name();
        String elderId = task == null ? null : task.elderId();
        if (record != null && record.facts().checkIn() != null) {
            OffsetDateTime in = record.facts().checkIn().atZone(zone).toOffsetDateTime();
            OffsetDateTime out = record.facts().checkOut() == null ? null
                    : record.facts().checkOut().atZone(zone).toOffsetDateTime();
            return new LiveStop(stop.taskId(), kind, elderId, out == null ? "IN" : "DONE", stop.arrival(),
                    stop.start(), in, in, in, out, minutes(stop.start(), in), null, null, null);
        }
        if (index < lastRecorded) {
            return new LiveStop(stop.taskId(), kind, elderId, "SKIPPED", stop.arrival(), stop.start(), null, null,
                    null, null, 0, null, null, null);
        }
        Timed timed = times.get(stop.taskId());
        OffsetDateTime eta = (timed == null ? stop.arrival() : timed.arrival()).plusMinutes(shiftMinutes);
        OffsetDateTime start = (timed == null ? stop.start() : timed.start()).plusMinutes(shiftMinutes);
        OffsetDateTime end = (timed == null ? stop.end() : timed.end()).plusMinutes(shiftMinutes);
        Integer pastShift = shiftEnd == null || end == null || !end.isAfter(shiftEnd) ? null
                : (int) ((Duration.between(shiftEnd, end).getSeconds() + 59) / 60);
        Integer late = task == null ? null : windowLate(task.windows(), start);
        Integer cold = null;
        if (task != null && timed != null && timed.tripDeparture() != null && task.maxMinutesFromKitchen() != null) {
            long over = Duration.between(timed.tripDeparture(), start).getSeconds() - task.maxMinutesFromKitchen() * 60L;
            cold = over > 0 ? (int) ((over + 59) / 60) : null;
        }
        return new LiveStop(stop.taskId(), kind, elderId, "OPEN", stop.arrival(), stop.start(), eta, start, null,
                null, minutes(stop.start(), start), late, cold, pastShift);
    }

    /** Minutes the start is after the window it should fall in (null when inside one, or waiting for one). */
    static Integer windowLate(List<WindowDoc> windows, OffsetDateTime start) {
        if (windows == null || windows.isEmpty() || start == null) {
            return null;
        }
        OffsetDateTime missed = null;
        for (WindowDoc w : windows) {
            if (!start.isBefore(w.start()) && !start.isAfter(w.end())) {
                return null;
            }
            if (w.end().isBefore(start) && (missed == null || w.end().isAfter(missed))) {
                missed = w.end();
            }
        }
        if (missed == null) {
            return null;
        }
        return (int) ((Duration.between(missed, start).getSeconds() + 59) / 60);
    }

    private static int minutes(OffsetDateTime planned, OffsetDateTime actual) {
        return planned == null || actual == null ? 0 : (int) Math.round(Duration.between(planned, actual).getSeconds() / 60.0);
    }

    private static int worst(LiveStop s) {
        return Math.max(Math.max(s.windowLateMinutes() == null ? 0 : s.windowLateMinutes(),
                s.hotFoodMinutes() == null ? 0 : s.hotFoodMinutes()),
                s.shiftOverMinutes() == null ? 0 : s.shiftOverMinutes());
    }
}
