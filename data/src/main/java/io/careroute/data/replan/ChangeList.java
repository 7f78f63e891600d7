package io.careroute.data.replan;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanDocument.Stop;
import io.careroute.data.plan.PlanDocument.StopKind;
import io.careroute.data.plan.PlanDocument.WorkerRoute;

/**
 * Compares a published plan with its re-plan and lists exactly the tasks whose worker, position in the route or
 * start time changed — what has to be sent to workers — plus tasks added, removed and newly unassigned.
 */
public final class ChangeList {

    private ChangeList() {
    }

    record Placement(String worker, int position, OffsetDateTime start) {
    }

    public static List<Change> between(PlanDocument published, PlanDocument replanned) {
        java.util.Set<String> common = new java.util.HashSet<>();
        published.tasks().forEach(t -> common.add(t.id()));
        java.util.Set<String> replannedIds = new java.util.HashSet<>();
        replanned.tasks().forEach(t -> replannedIds.add(t.id()));
        common.retainAll(replannedIds);
        Map<String, Placement> before = placements(published, common);
        Map<String, Placement> after = placements(replanned, common);
        List<Change> changes = new ArrayList<>();
        for (PlanDocument.TaskOutcome task : published.tasks()) {
            String id = task.id();
            Placement old = before.get(id);
            boolean stillThere = replanned.tasks().stream().anyMatch(t -> t.id().equals(id));
            Placement now = after.get(id);
            if (!stillThere) {
                changes.add(new Change(id, Change.Kind.REMOVED, worker(old), null, start(old), null));
            } else if (old != null && now == null) {
                changes.add(new Change(id, Change.Kind.UNASSIGNED, old.worker(), null, old.start(), null));
            } else if (now != null && (old == null || !old.worker().equals(now.worker()))) {
                changes.add(new Change(id, Change.Kind.MOVED, worker(old), now.worker(), start(old), now.start()));
            } else if (now != null && (old.position() != now.position() || !Objects.equals(old.start(), now.start()))) {
                changes.add(new Change(id, Change.Kind.RETIMED, old.worker(), now.worker(), old.start(), now.start()));
            }
        }
        for (PlanDocument.TaskOutcome task : replanned.tasks()) {
            if (published.tasks().stream().noneMatch(t -> t.id().equals(task.id()))) {
                Placement now = after.get(task.id());
                changes.add(new Change(task.id(), now == null ? Change.Kind.UNASSIGNED : Change.Kind.ADDED, null,
                        worker(now), null, start(now)));
            }
        }
        return changes;
    }

    /**
     * Where each assigned task sits: worker, position among that worker's tasks that both plans share (so a new
     * visit slotted in does not count as reordering the others), service start.
     */
    private static Map<String, Placement> placements(PlanDocument plan, java.util.Set<String> common) {
        Map<String, Placement> placements = new LinkedHashMap<>();
        for (WorkerRoute route : plan.workers()) {
            int position = 0;
            for (Stop stop : route.stops()) {
                if (stop.kind() == StopKind.DELIVERY || stop.kind() == StopKind.VISIT) {
                    placements.put(stop.taskId(), new Placement(route.id(), common.contains(stop.taskId()) ? position++ : -1,
                            stop.start()));
                }
            }
        }
        return placements;
    }

    private static String worker(Placement placement) {
        return placement == null ? null : placement.worker();
    }

    private static OffsetDateTime start(Placement placement) {
        return placement == null ? null : placement.start();
    }
}
