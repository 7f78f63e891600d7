package io.careroute.data.plan;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument.Stop;
import io.careroute.data.plan.PlanDocument.TaskOutcome;
import io.careroute.data.plan.PlanDocument.WorkerRoute;

/** The plan as a person reads it on a terminal: per worker the ordered stops with times and load, then totals. */
public final class PlanTextReport {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private PlanTextReport() {
    }

    /** The task column's width for ids up to 10 characters (O01, V03, CP1@...: wider ids widen it). */
    private static final int TASK_COLUMN = 11;

    public static String render(PlanDocument plan, String date, Messages m) {
        StringBuilder out = new StringBuilder();
        var t = plan.totals();
        out.append(m.get("report.title", date, plan.timeZone(), plan.coordinateSystem())).append('\n');
        out.append(m.get("report.score", plan.score(), m.get(plan.feasible() ? "report.feasible" : "report.infeasible"))).append('\n');
        out.append(m.get("report.totals", t.tasks(), t.deliveries(), t.visits(), t.assigned(), t.unassigned(), t.workersUsed(),
                km(t.travelMetres()), duration(t.travelSeconds(), m), duration(t.waitingSeconds(), m))).append("\n\n");
        // The task column fits the longest id: a register's day names its tasks S-O01@2026-11-24, CP-V02@2026-11-24.
        int taskWidth = Math.max(TASK_COLUMN, plan.tasks().stream().mapToInt(task -> task.id().length() + 1).max().orElse(0));
        String header = m.get("report.header").replaceFirst("^(\\S+\\s+\\S+\\s+\\S+)", "$1"
                + " ".repeat(taskWidth - TASK_COLUMN));
        String row = "    %-5d %-5s %-" + taskWidth + "s %-7s %-7s %-7s %-8s %s%n";
        for (WorkerRoute route : plan.workers()) {
            String mode = m.get("mode." + route.mode().name());
            String shift = clock(route.shift().start()) + "–" + clock(route.shift().end());
            if (route.stops().isEmpty()) {
                out.append(m.get("report.idle", route.id(), mode, shift)).append("\n\n");
                continue;
            }
            var rt = route.totals();
            out.append(m.get("report.worker", route.id(), mode,
                    route.capacity() > 0 ? m.get("report.capacity", route.capacity()) : "", shift, rt.tasks(), rt.trips(),
                    km(rt.travelMetres()), duration(rt.travelSeconds(), m))).append('\n');
            out.append("    ").append(header).append('\n');
            int n = 1;
            for (Stop stop : route.stops()) {
                String what = stop.taskId() != null ? stop.taskId() : stop.kitchenId() != null ? stop.kitchenId() : "";
                out.append(String.format(row, n++,
                        m.get("report.kind." + stop.kind().name()), what, clock(stop.arrival()), clock(stop.start()),
                        clock(stop.end()), duration(stop.travelSecondsFromPrevious(), m), stop.loadAfter()));
            }
            out.append('\n');
        }
        List<TaskOutcome> unassigned = plan.tasks().stream().filter(task -> task.assignedTo() == null).toList();
        if (unassigned.isEmpty()) {
            out.append(m.get("report.allAssigned")).append('\n');
        } else {
            out.append(m.get("report.unassigned", unassigned.size())).append('\n');
            java.util.Set<String> unassignedIds = new java.util.HashSet<>();
            unassigned.forEach(task -> unassignedIds.add(task.id()));
            for (TaskOutcome task : unassigned) {
                if (task.part() != null && task.part() == 2 && unassignedIds.contains(task.visitId())) {
                    continue;   // told once, with the first part
                }
                String second = task.part() != null && task.part() == 1
                        ? unassigned.stream().filter(o -> task.id().equals(o.visitId()) && o.part() != null && o.part() == 2)
                                .map(TaskOutcome::id).findFirst().orElse(null) : null;
                out.append("  ").append(task.id()).append(" (").append(task.kind()).append(")")
                        .append(second == null ? "" : m.get("report.twoWorkerPart", second)).append(": ")
                        .append(task.unassignedReason()).append('\n');
            }
        }
        out.append('\n').append(m.get("report.breakdown")).append('\n');
        for (PlanDocument.ConstraintLine line : plan.constraints()) {
            if (line.score() != 0) {
                out.append(String.format("  %-26s %-6s %12d  (%d)  %s%n", line.name(), line.level(), line.score(),
                        line.matches(), causes(line.taskIds(), m)));
                if (!"SOFT".equals(line.level()) && line.details() != null) {
                    // Hard and medium breaks are what a dispatcher acts on: say what they are, worst first.
                    line.details().stream().limit(DETAILS_SHOWN)
                            .forEach(d -> out.append("      ").append(d.text()).append('\n'));
                }
            }
        }
        return out.toString();
    }

    /** The tasks (or, for fairness, the workers) a constraint's penalty comes from; a long list is cut short. */
    static String causes(List<String> ids, Messages m) {
        if (ids == null || ids.isEmpty()) {
            return "";
        }
        String shown = String.join(", ", ids.subList(0, Math.min(CAUSES_SHOWN, ids.size())));
        return ids.size() <= CAUSES_SHOWN ? shown : m.get("report.causesMore", shown, ids.size() - CAUSES_SHOWN);
    }

    private static final int CAUSES_SHOWN = 8;
    private static final int DETAILS_SHOWN = 5;

    private static String clock(OffsetDateTime time) {
        return time == null ? "" : CLOCK.format(time);
    }

    private static String km(long metres) {
        return String.format("%.1f km", metres / 1000.0);
    }

    static String duration(long seconds, Messages m) {
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 60) {
            return minutes + " min";
        }
        return (minutes / 60) + " h " + (minutes % 60) + " min";
    }
}
