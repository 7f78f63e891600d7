package io.careroute.solver.moves;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Kitchen;
import io.careroute.solver.domain.MealBatch;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.fleet.FleetInstance;

/**
 * A plan the flat-array searches of {@code io.careroute.solver.fleet} can take, in their terms: task i of the plan is
 * customer i+1, the depot customer 0. Only a plain VRPTW qualifies: deliveries of one batch from one kitchen with one
 * hard window each, identical single-trip vehicles starting and ending there, nothing pinned, paired, published,
 * preferred or restricted to some workers, a still-hot limit that cannot bind. Those searches know no other rule.
 */
final class PlainFleet {

    final FleetInstance instance;
    final List<Worker> vehicles;
    final List<Task> tasks;

    private PlainFleet(FleetInstance instance, List<Worker> vehicles, List<Task> tasks) {
        this.instance = instance;
        this.vehicles = vehicles;
        this.tasks = tasks;
    }

    /** Null unless the plan is a plain VRPTW with every task on a vehicle's route. */
    static PlainFleet of(CarePlan plan) {
        List<Worker> vehicles = plan.getWorkers().stream().filter(w -> !w.isUnassignedHolder()).toList();
        List<Task> tasks = plan.getTasks();
        if (vehicles.isEmpty() || tasks.isEmpty()
                || tasks.stream().anyMatch(t -> t.getWorker() == null || t.getWorker().isUnassignedHolder())) {
            return null;
        }
        Worker first = vehicles.get(0);
        MealBatch batch = tasks.get(0).getBatch();
        if (batch == null) {
            return null;
        }
        Kitchen depot = batch.kitchen();
        int[] shift = first.getShiftBounds();
        for (Worker v : vehicles) {
            if (!v.isSingleTrip() || v.getMode() != first.getMode() || v.getCapacityBoxes() != first.getCapacityBoxes()
                    || v.getShiftBounds().length != 2 || v.getShiftBounds()[0] != shift[0] || v.getShiftBounds()[1] != shift[1]
                    || v.getStartPlace() != depot.place() || v.getEndPlace() != depot.place()
                    || v.getPinnedCount() > 0 || v.getMaxWorkSeconds() > 0 || v.getMaxMetresFromHome() > 0
                    || v.getDayFacts() != null) {
                return null;
            }
        }
        if (depot.maxSecondsFromKitchen() < shift[1] - shift[0]) {
            return null;
        }
        for (Task t : tasks) {
            if (!t.isDelivery() || t.getBatch() != batch || t.getWindowBounds().length != 2 || t.hasSoftWindowEnd()
                    || t.getPartner() != null || t.getPinnedWorkerId() != null || !t.getRequiredSkills().isEmpty()
                    || t.getRequiredGender() != null || !t.getRefusedWorkerIds().isEmpty()
                    || !t.getPreferredWorkerIds().isEmpty() || t.wasPublished()) {
                return null;
            }
        }
        int size = tasks.size() + 1;
        int[] places = new int[size];
        int[] ready = new int[size];
        int[] due = new int[size];
        int[] service = new int[size];
        int[] demand = new int[size];
        places[0] = depot.place();
        ready[0] = Math.max(shift[0], batch.readySeconds()) + depot.loadingSeconds();
        due[0] = shift[1];
        for (int i = 1; i < size; i++) {
            Task t = tasks.get(i - 1);
            places[i] = t.getPlace();
            ready[i] = t.getWindowBounds()[0];
            due[i] = t.getWindowBounds()[1];
            service[i] = t.getServiceSeconds();
            demand[i] = t.getBoxes();
        }
        int[] time = new int[size * size];
        int[] distance = new int[size * size];
        for (int a = 0; a < size; a++) {
            for (int b = 0; b < size; b++) {
                time[a * size + b] = plan.getTravelTimes().seconds(first.getMode(), places[a], places[b]);
                distance[a * size + b] = plan.getTravelTimes().metres(first.getMode(), places[a], places[b]);
                if (time[a * size + b] < 0 || distance[a * size + b] < 0) {
                    return null;   // a pair with no route (a matrix's -1): FleetInstance takes only real times,
                                   // so the fleet phase is skipped, as for any plan it does not fit
                }
            }
        }
        return new PlainFleet(new FleetInstance(time, distance, ready, due, service, demand, first.getCapacityBoxes()),
                vehicles, tasks);
    }

    /** The working routes as customer arrays, empty routes left out. */
    List<int[]> routes() {
        Map<Task, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            index.put(tasks.get(i), i + 1);
        }
        List<int[]> routes = new ArrayList<>();
        for (Worker v : vehicles) {
            if (!v.getTasks().isEmpty()) {
                routes.add(v.getTasks().stream().mapToInt(index::get).toArray());
            }
        }
        return routes;
    }

    /** Customer arrays as the vehicles' task lists, in vehicle order; vehicles beyond the routes get none. */
    List<List<Task>> asTaskLists(List<int[]> routes) {
        List<List<Task>> lists = new ArrayList<>(vehicles.size());
        for (int i = 0; i < vehicles.size(); i++) {
            List<Task> route = new ArrayList<>();
            if (i < routes.size()) {
                for (int customer : routes.get(i)) {
                    route.add(tasks.get(customer - 1));
                }
            }
            lists.add(route);
        }
        return lists;
    }
}
