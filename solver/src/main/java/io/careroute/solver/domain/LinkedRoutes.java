package io.careroute.solver.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;


/**
 * Schedules routes that are tied together by two-worker visits. Both workers of such a visit start it together,
 * so the first to arrive waits for the other; that wait shifts the rest of their route, which may hold the next
 * two-worker visit with a third worker, and so on. The routes linked this way are scheduled as one system.
 *
 * <p>The walk goes through all routes in step: each route advances until it reaches a two-worker part whose
 * partner is not yet at the head of its own route; when both parts of a visit are at the head of their routes
 * they are scheduled together, at the later of the two earliest starts (repeated if a shift break pushes one
 * of them later). This is a topological order of "happens before", so the schedule is unique and does not depend
 * on which route is looked at first — which the incremental score calculation relies on. If the walk gets
 * stuck, two routes wait for each other (worker A does visit X then Y, worker B does Y then X): the remaining
 * parts are scheduled alone and marked {@link ScheduledStop#partnerDeadlock()}, a hard-rule break.
 */
public final class LinkedRoutes {

    /** Numbers the walks of {@link #reschedule}, so that a stop's mark of being kept belongs to one walk only. */
    private static final AtomicLong WALKS = new AtomicLong();

    /** Re-synchronising a two-worker start more often than this means the shifts leave no common slot. */
    private static final int MAX_SYNC_ROUNDS = 4;

    private LinkedRoutes() {
    }

    /** The given workers and every worker linked to them through a two-worker visit, directly or not. */
    public static List<Worker> component(List<Worker> seeds) {
        Set<Worker> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Worker> queue = new ArrayDeque<>();
        List<Worker> component = new ArrayList<>();
        for (Worker seed : seeds) {
            if (seed != null && !seed.isUnassignedHolder() && seen.add(seed)) {
                queue.add(seed);
            }
        }
        while (!queue.isEmpty()) {
            Worker worker = queue.poll();
            component.add(worker);
            for (Task task : worker.getTasks()) {
                if (task.isSynchronisedWithPartner() && seen.add(task.getPartner().getWorker())) {
                    queue.add(task.getPartner().getWorker());
                }
            }
        }
        return component;
    }

    /**
     * Schedules every task of the given routes, which must be closed under partner links ({@link #component}).
     * Reads the routes and the tasks' worker only, never their current schedule.
     */
    public static Map<Task, ScheduledStop> schedule(List<Worker> workers, TravelTimes travel) {
        return new Walk(workers, travel).run();
    }

    /**
     * The same schedule as {@link #schedule}, computing only what changed: each route's stops keep their schedule up to
     * the first whose inputs changed since it was scheduled (a different worker, stop before it, schedule of that stop
     * or end of route: {@link Task#isScheduledFrom}), and a two-worker part keeps it only while its partner does too.
     * The walk then starts from those points. Only the stops it scheduled are in the map; the others keep theirs.
     *
     * <p>Why this equals the whole walk: a stop's schedule is a function of the stop before it and, for a synchronised
     * part, of the stop before its partner; a kept stop was computed from the same objects, so it has the same value.
     * A route with a partner deadlock is walked whole (the stops after a stuck part are scheduled alone, which is not
     * that function), and so is the component when the partial walk gets stuck. On the home-care benchmark's larger
     * instances, where two-worker visits tie every route to every other, rescheduling all of them cost most of a move.
     */
    public static Map<Task, ScheduledStop> reschedule(List<Worker> workers, TravelTimes travel) {
        Walk walk = new Walk(workers, travel);
        if (!walk.startAtFirstChanges()) {
            return new Walk(workers, travel).run();
        }
        Map<Task, ScheduledStop> stops = walk.run();
        return walk.stuck ? new Walk(workers, travel).run() : stops;
    }

    private static final class Walk {
        private final List<Worker> workers;
        private final TravelTimes travel;
        private final int[] head;
        private final ScheduledStop[] last;
        private final Map<Worker, Integer> index;
        /** Sized for every stop at once: growing it cost a tenth of the solver's time on the benchmark's largest days. */
        private final Map<Task, ScheduledStop> stops;

        Walk(List<Worker> workers, TravelTimes travel) {
            this.workers = workers;
            this.travel = travel;
            this.head = new int[workers.size()];
            this.last = new ScheduledStop[workers.size()];
            this.index = new IdentityHashMap<>(workers.size());
            int tasks = 0;
            for (Worker worker : workers) {
                tasks += worker.getTasks().size();
            }
            this.stops = new IdentityHashMap<>(tasks);
            for (int r = 0; r < workers.size(); r++) {
                index.put(workers.get(r), r);
            }
        }

        /** Set when a part was left waiting for a partner that never came to the head of its route. */
        private boolean stuck;

        /**
         * Moves every head past the stops whose schedule still holds (see {@link #reschedule}); false when a route
         * holds a stop of a partner deadlock, which only the whole walk reproduces.
         */
        boolean startAtFirstChanges() {
            long walk = WALKS.incrementAndGet();
            for (int r = 0; r < workers.size(); r++) {
                Worker worker = workers.get(r);
                List<Task> route = worker.getTasks();
                int kept = route.size();
                for (int i = 0; i < route.size(); i++) {
                    Task task = route.get(i);
                    ScheduledStop stop = task.getSchedule();
                    if (stop != null && stop.partnerDeadlock()) {
                        return false;   // anywhere on the route, kept or not
                    }
                    if (kept == route.size()) {
                        Task previous = i == 0 ? null : route.get(i - 1);
                        if (stop != null && task.isScheduledFrom(worker, previous, previous == null ? null : previous.getSchedule(),
                                i == route.size() - 1)) {
                            task.markKept(walk, i);
                        } else {
                            kept = i;
                        }
                    }
                }
                head[r] = kept;
            }
            // A part keeps its schedule only if its partner keeps its own: lower heads until both sides agree.
            boolean lowered = true;
            while (lowered) {
                lowered = false;
                for (int r = 0; r < workers.size(); r++) {
                    List<Task> route = workers.get(r).getTasks();
                    for (int i = 0; i < head[r]; i++) {
                        Task task = route.get(i);
                        if (task.isSynchronisedWithPartner()) {
                            Integer p = index.get(task.getPartner().getWorker());
                            int j = task.getPartner().keptPosition(walk);
                            if (p == null || j < 0 || j >= head[p]) {
                                head[r] = i;
                                lowered = true;
                                break;
                            }
                        }
                    }
                }
            }
            for (int r = 0; r < workers.size(); r++) {
                last[r] = head[r] == 0 ? null : workers.get(r).getTasks().get(head[r] - 1).getSchedule();
            }
            return true;
        }

        Map<Task, ScheduledStop> run() {
            boolean progress = true;
            while (progress) {
                progress = false;
                for (int r = 0; r < workers.size(); r++) {
                    progress |= advance(r);
                }
            }
            for (int r = 0; r < workers.size(); r++) {
                List<Task> route = workers.get(r).getTasks();
                stuck |= head[r] < route.size();
                while (head[r] < route.size()) {
                    Task task = route.get(head[r]);
                    place(r, task, schedule(r, task, -1, task.isSynchronisedWithPartner()));
                }
            }
            return stops;
        }

        /** Moves route r forward as far as it can go without waiting for a partner; true if it moved. */
        private boolean advance(int r) {
            List<Task> route = workers.get(r).getTasks();
            boolean moved = false;
            while (head[r] < route.size()) {
                Task task = route.get(head[r]);
                if (!task.isSynchronisedWithPartner()) {
                    place(r, task, schedule(r, task, -1, false));
                    moved = true;
                    continue;
                }
                Task partner = task.getPartner();
                Integer p = index.get(partner.getWorker());
                if (p == null) {
                    throw new IllegalArgumentException("route of " + partner + " is not among the linked routes");
                }
                List<Task> partnerRoute = workers.get(p).getTasks();
                if (head[p] >= partnerRoute.size() || partnerRoute.get(head[p]) != partner) {
                    return moved;
                }
                together(r, task, p, partner);
                moved = true;
            }
            return moved;
        }

        private void together(int r, Task task, int p, Task partner) {
            ScheduledStop mine = schedule(r, task, -1, false);
            ScheduledStop theirs = schedule(p, partner, -1, false);
            // Part 2 starts min..max seconds after part 1 (0..0: together): each waits for the other as needed.
            Task lead = task.getPart() == 1 ? task : partner;
            Task second = lead == task ? partner : task;
            for (int round = 0; round < MAX_SYNC_ROUNDS; round++) {
                int leadStart = (lead == task ? mine : theirs).start();
                int secondStart = (lead == task ? theirs : mine).start();
                if (Task.gapBreak(lead, leadStart, second, secondStart) == 0) {
                    break;
                }
                int leadNotBefore = Math.max(leadStart, secondStart - second.getPartnerGapMax());
                int secondNotBefore = Math.max(secondStart, leadStart + second.getPartnerGapMin());
                mine = schedule(r, task, lead == task ? leadNotBefore : secondNotBefore, false);
                theirs = schedule(p, partner, lead == task ? secondNotBefore : leadNotBefore, false);
            }
            place(r, task, mine);
            place(p, partner, theirs);
        }

        private ScheduledStop schedule(int r, Task task, int notBefore, boolean deadlock) {
            List<Task> route = workers.get(r).getTasks();
            int at = head[r];
            Task previous = at == 0 ? null : route.get(at - 1);
            return RouteScheduler.schedule(workers.get(r), previous, last[r], task, at == route.size() - 1, travel,
                    notBefore, deadlock);
        }

        private void place(int r, Task task, ScheduledStop stop) {
            stops.put(task, stop);
            last[r] = stop;
            head[r]++;
        }
    }
}
