package io.careroute.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Small problems cut from the server's demo street ({@code GET /api/v1/demo/problem}), so they lie on whatever road
 * network the server has: problem {@code n} keeps a window of the deliveries and of the visits, shifted with
 * {@code n}, the elders they name, and every kitchen and worker. Few tasks, so a solve ends in its time limit and
 * the queue, not the solver, is what the load meets.
 */
final class SmallProblems {

    private final ObjectMapper json = new ObjectMapper();
    private final ObjectNode demo;
    private final int deliveries;
    private final int visits;

    SmallProblems(byte[] demoProblem, int tasks) {
        try {
            this.demo = (ObjectNode) json.readTree(demoProblem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int available = demo.path("deliveries").size() + demo.path("visits").size();
        if (tasks < 1 || tasks > available) {
            throw new IllegalArgumentException("--tasks: between 1 and " + available + " (the demo street's tasks)");
        }
        this.visits = Math.min(demo.path("visits").size(), tasks / 3);
        this.deliveries = tasks - visits;
    }

    byte[] problem(long n) {
        ObjectNode problem = demo.deepCopy();
        Set<String> elders = new HashSet<>();
        problem.set("deliveries", window((ArrayNode) demo.path("deliveries"), deliveries, n, elders));
        problem.set("visits", window((ArrayNode) demo.path("visits"), visits, n, elders));
        ArrayNode kept = json.createArrayNode();
        for (JsonNode elder : demo.path("elders")) {
            if (elders.contains(elder.path("id").asText())) {
                kept.add(elder);
            }
        }
        problem.set("elders", kept);
        try {
            return json.writeValueAsBytes(problem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ArrayNode window(ArrayNode all, int size, long n, Set<String> elders) {
        ArrayNode window = json.createArrayNode();
        if (all.isEmpty()) {
            return window;
        }
        int from = (int) Math.floorMod(n * 7, all.size());
        for (int i = 0; i < size; i++) {
            JsonNode task = all.get((from + i) % all.size());
            window.add(task);
            elders.add(task.path("elderId").asText());
        }
        return window;
    }
}
