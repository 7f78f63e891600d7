package io.careroute.data.vrptw;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;

/** The routes of a solved instance (customer ids in visiting order, depot omitted) and their true distance. */
public record VrptwSolution(VrptwInstance instance, List<List<Integer>> routes) {

    public static VrptwSolution of(VrptwInstance instance, CarePlan solved) {
        List<List<Integer>> routes = new ArrayList<>();
        for (Worker vehicle : solved.getWorkers()) {
            if (!vehicle.isUnassignedHolder() && !vehicle.getTasks().isEmpty()) {
                routes.add(vehicle.getTasks().stream().map(Task::getPlace).toList());
            }
        }
        return new VrptwSolution(instance, routes);
    }

    public int vehicles() {
        return routes.size();
    }

    /** Total distance in double precision, recomputed from the coordinates. */
    public double distance() {
        double total = 0;
        for (List<Integer> route : routes) {
            int at = 0;
            for (int customer : route) {
                total += instance.distance(at, customer);
                at = customer;
            }
            total += instance.distance(at, 0);
        }
        return total;
    }

    public int served() {
        return routes.stream().mapToInt(List::size).sum();
    }

    /** The "Route N: ids" format that ../shared/tools/vrptw_check.py reads. */
    public String format() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < routes.size(); i++) {
            out.append("Route ").append(i + 1).append(": ")
                    .append(routes.get(i).stream().map(String::valueOf).collect(Collectors.joining(" "))).append('\n');
        }
        return out.toString();
    }

    public void write(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, format());
    }
}
