package io.careroute.data.check;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemJson;

/**
 * A plan someone edited by hand, as the order of tasks per worker: what {@code careroute check} and
 * {@code POST /api/v1/plans/{id}/check} take. Times are not part of it: the check recomputes them. Two shapes are read:
 * <ul>
 *   <li>the short one, {@code {"workers": [{"id": "W1", "taskIds": ["O3", "V7"]}], "unassigned": ["V9"]}};</li>
 *   <li>plan.json itself (a worker's order is its stops' {@code taskId}s; kitchen and end stops are recomputed, so
 *       they are skipped; a task is left unassigned by its {@code tasks[]} entry with {@code assignedTo: null}).</li>
 * </ul>
 * Every task id keeps the JSON path it was read from, so a wrong one is named where the user wrote it.
 *
 * @param planShape true when read from plan.json (its paths are {@code workers[i].stops[s].taskId})
 */
public record EditedPlan(List<WorkerOrder> workers, List<Placed> unassigned, boolean planShape) {

    /** A task id where it was written. */
    public record Placed(String taskId, String field) {
    }

    /** One worker's tasks in order; {@code field} is the path of the worker's entry ({@code workers[2]}). */
    public record WorkerOrder(String id, String field, List<Placed> tasks) {
    }

    /** The JSON as written; every list may be absent. */
    record Json(List<WorkerJson> workers, List<String> unassigned, List<TaskJson> tasks) {
    }

    record WorkerJson(String id, List<String> taskIds, List<StopJson> stops) {
    }

    record StopJson(String kind, String taskId) {
    }

    record TaskJson(String id, String assignedTo) {
    }

    /**
     * Reads either shape.
     *
     * @throws InvalidInputException for JSON that is not one (naming the field), or without {@code workers}
     */
    public static EditedPlan read(byte[] json) {
        if (json == null || json.length == 0) {
            throw new InvalidInputException(List.of(new InputError("$", Text.of("error.emptyBody"))));
        }
        Json read = ProblemJson.read(new ByteArrayInputStream(json), Json.class);
        if (read.workers() == null) {
            throw new InvalidInputException(List.of(new InputError("workers", Text.of("error.required"))));
        }
        boolean planShape = read.workers().stream().anyMatch(w -> w != null && w.stops() != null);
        List<WorkerOrder> workers = new ArrayList<>();
        for (int w = 0; w < read.workers().size(); w++) {
            WorkerJson worker = read.workers().get(w);
            String at = "workers[" + w + "]";
            List<Placed> tasks = new ArrayList<>();
            if (worker == null) {
                workers.add(new WorkerOrder(null, at, tasks));
                continue;
            }
            if (planShape) {
                List<StopJson> stops = worker.stops() == null ? List.of() : worker.stops();
                for (int s = 0; s < stops.size(); s++) {
                    StopJson stop = stops.get(s);
                    boolean task = stop != null && ("DELIVERY".equals(stop.kind()) || "VISIT".equals(stop.kind())
                            || stop.kind() == null && stop.taskId() != null);
                    if (task) {   // kitchen and end stops follow from the tasks: recomputed, not read
                        tasks.add(new Placed(stop.taskId(), at + ".stops[" + s + "].taskId"));
                    }
                }
            } else {
                List<String> ids = worker.taskIds() == null ? List.of() : worker.taskIds();
                for (int t = 0; t < ids.size(); t++) {
                    tasks.add(new Placed(ids.get(t), at + ".taskIds[" + t + "]"));
                }
            }
            workers.add(new WorkerOrder(worker.id(), at, tasks));
        }
        List<Placed> unassigned = new ArrayList<>();
        if (planShape) {
            List<TaskJson> tasks = read.tasks() == null ? List.of() : read.tasks();
            for (int t = 0; t < tasks.size(); t++) {
                TaskJson task = tasks.get(t);
                if (task != null && task.assignedTo() == null) {
                    unassigned.add(new Placed(task.id(), "tasks[" + t + "].id"));
                }
            }
        } else if (read.unassigned() != null) {
            for (int u = 0; u < read.unassigned().size(); u++) {
                unassigned.add(new Placed(read.unassigned().get(u), "unassigned[" + u + "]"));
            }
        }
        return new EditedPlan(List.copyOf(workers), List.copyOf(unassigned), planShape);
    }
}
