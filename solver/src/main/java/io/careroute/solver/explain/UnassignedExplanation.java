package io.careroute.solver.explain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Why a task stayed unassigned: for every worker, the first hard rule that blocks them. */
public record UnassignedExplanation(String taskId, List<WorkerBlock> blocks) {

    /** Workers grouped by blocker, in blocker order: "W1, W2: missing skill; W3: cannot reach in window". */
    public Map<Blocker, List<String>> workersByBlocker() {
        Map<Blocker, List<String>> grouped = new TreeMap<>();
        for (WorkerBlock block : blocks) {
            grouped.computeIfAbsent(block.blocker(), b -> new java.util.ArrayList<>()).add(block.workerId());
        }
        return grouped;
    }
}
