package io.careroute.solver.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;


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

    private static final class Walk {
        private final List<Worker> workers;
        private final TravelTimes travel;
        private final int[] head;
        private final ScheduledStop[] last;
        private final Map<Worker, Integer> index = new IdentityHashMap<>();
        private final Map<Task, ScheduledStop> stops = new IdentityHashMap<>();

        Walk(List<Worker> workers, TravelTimes travel) {
            this.workers = workers;
            this.travel = travel;
            this.head = new int[workers.size()];
            this.last = new ScheduledStop[workers.size()];
            for (int r = 0; r < workers.size(); r++) {
                index.put(workers.get(r), r);
            }
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
