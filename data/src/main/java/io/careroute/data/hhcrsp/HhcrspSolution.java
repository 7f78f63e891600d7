package io.careroute.data.hhcrsp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;

/**
 * A solution of an HHCRSP instance: per caregiver the services in route order with their start and end (minutes).
 * The figures (D, T, Tmax, objective) are recomputed here from the instance in double precision, not taken from the
 * solver's score, and {@link #violations} checks the rules on the same routes.
 */
public record HhcrspSolution(HhcrspInstance instance, List<List<Stop>> routes) {

    /** One service: patient node, service column (0-based as in the text file), start and end in minutes. */
    public record Stop(int node, int service, double start, double end) {
    }

    /** Reads the routes off a solved plan; a task left unassigned is simply absent (see {@link #served}). */
    public static HhcrspSolution of(HhcrspInstance instance, CarePlan solved) {
        List<List<Stop>> routes = new ArrayList<>();
        for (int v = 0; v < instance.caregivers(); v++) {
            String id = HhcrspPlanFactory.caregiverId(v);
            Worker worker = solved.getWorkers().stream().filter(w -> id.equals(w.getId())).findFirst().orElseThrow();
            List<Stop> route = new ArrayList<>();
            for (Task task : worker.getTasks()) {
                int node = task.getPlace();
                int service = Integer.parseInt(task.getId().substring(task.getId().indexOf('s') + 1));
                double start = task.getSchedule().start() / (double) HhcrspPlanFactory.SCALE;
                route.add(new Stop(node, service, start, start + HhcrspPlanFactory.processing(instance, node, service)));
            }
            routes.add(route);
        }
        return new HhcrspSolution(instance, routes);
    }

    /** Services performed (a double-service patient counts twice). */
    public int served() {
        return routes.stream().mapToInt(List::size).sum();
    }

    /** Services required. */
    public int required() {
        int count = 0;
        for (int i = 1; i <= instance.patients(); i++) {
            count += instance.servicesOf(i).length;
        }
        return count;
    }

    /** D: depot, the services in order, depot; an unused caregiver travels nothing. */
    public double distance() {
        double total = 0;
        for (List<Stop> route : routes) {
            int at = 0;
            for (Stop stop : route) {
                total += instance.distance()[at][stop.node()];
                at = stop.node();
            }
            total += instance.distance()[at][0];
        }
        return total;
    }

    private double tardiness(Stop stop) {
        return Math.max(0, stop.start() - instance.windowEnd()[stop.node()]);
    }

    /** T: the sum of every service's start past its window end. */
    public double totalTardiness() {
        return routes.stream().flatMap(List::stream).mapToDouble(this::tardiness).sum();
    }

    /** Tmax: the largest of those. */
    public double maxTardiness() {
        return routes.stream().flatMap(List::stream).mapToDouble(this::tardiness).max().orElse(0);
    }

    /** The benchmark's objective (D + T + Tmax) / 3. */
    public double objective() {
        return (distance() + totalTardiness() + maxTardiness()) / 3;
    }

    /**
     * The rules the published evaluator checks, broken here: every service once by a qualified caregiver, travel
     * and processing times kept, no start before the window, double services together or within their gap.
     */
    public List<String> violations() {
        final double eps = 1e-3;
        List<String> broken = new ArrayList<>();
        Map<String, Stop> byService = new LinkedHashMap<>();
        for (int v = 0; v < routes.size(); v++) {
            int at = 0;
            double free = 0;
            for (Stop stop : routes.get(v)) {
                String key = stop.node() + "/" + stop.service();
                if (byService.put(key, stop) != null) {
                    broken.add("service " + key + " given twice");
                }
                if (!instance.isQualified(v, stop.service()) || instance.requires()[stop.node()][stop.service()] != 1) {
                    broken.add("caregiver " + v + " gives service " + key + " without the qualification or the need");
                }
                if (stop.start() + eps < free + instance.distance()[at][stop.node()]) {
                    broken.add("caregiver " + v + " starts " + key + " before arriving");
                }
                if (stop.start() + eps < instance.windowStart()[stop.node()]) {
                    broken.add("service " + key + " starts before its window");
                }
                free = stop.end();
                at = stop.node();
            }
        }
        for (int i = 1; i <= instance.patients(); i++) {
            int[] services = instance.servicesOf(i);
            for (int s : services) {
                if (!byService.containsKey(i + "/" + s)) {
                    broken.add("service " + i + "/" + s + " not given");
                }
            }
            if (services.length == 2 && byService.containsKey(i + "/" + services[0]) && byService.containsKey(i + "/" + services[1])) {
                double gap = byService.get(i + "/" + services[1]).start() - byService.get(i + "/" + services[0]).start();
                if (gap + eps < instance.minGap()[i] || gap - eps > instance.maxGap()[i]) {
                    broken.add("double service of patient " + i + " starts " + gap + " apart, allowed "
                            + instance.minGap()[i] + ".." + instance.maxGap()[i]);
                }
            }
        }
        return broken;
    }

    /**
     * The evaluator's JSON: one route per caregiver (cK = caregiver K-1), each service as patient pK (node K),
     * service sK (column K-1), arrival_time = service start, departure_time = its end.
     */
    public void writeJson(Path file) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int v = 0; v < routes.size(); v++) {
            List<Map<String, Object>> locations = new ArrayList<>();
            for (Stop stop : routes.get(v)) {
                Map<String, Object> location = new LinkedHashMap<>();
                location.put("patient_id", "p" + stop.node());
                location.put("service_id", "s" + (stop.service() + 1));
                location.put("arrival_time", stop.start());
                location.put("departure_time", stop.end());
                locations.add(location);
            }
            Map<String, Object> route = new LinkedHashMap<>();
            route.put("caregiver_id", "c" + (v + 1));
            route.put("locations", locations);
            out.add(route);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), Map.of("routes", out));
    }
}
