package io.careroute.data.vrptw;

import java.util.ArrayList;
import java.util.List;

import io.careroute.solver.domain.CareConstraint;
import io.careroute.solver.domain.ConstraintWeights;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Kitchen;
import io.careroute.solver.domain.MealBatch;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.TravelMode;
import io.careroute.solver.domain.Worker;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * A VRPTW instance in careroute's model: the depot is a kitchen, customers are deliveries, vehicles are
 * single-trip carriers. The objective is hierarchical: every customer served, then fewest vehicles (both on the
 * medium level, a customer outweighing any fleet), then least distance.
 */
public final class VrptwPlanFactory {

    /** Leaving a customer out must cost more than any number of extra vehicles. */
    static final long UNSERVED_CUSTOMER_PENALTY = 10_000;

    private VrptwPlanFactory() {
    }

    public static CarePlan create(VrptwInstance instance) {
        VrptwInstance.Customer depot = instance.depot();
        Kitchen depotKitchen = new Kitchen("DEPOT", 0, 0, Integer.MAX_VALUE / 4);
        MealBatch load = new MealBatch("LOAD", depotKitchen, EuclideanTravelTimes.toUnits(depot.ready()));
        int horizonStart = EuclideanTravelTimes.toUnits(depot.ready());
        int horizonEnd = EuclideanTravelTimes.toUnits(depot.due());

        List<Worker> vehicles = new ArrayList<>();
        for (int v = 1; v <= instance.vehicles(); v++) {
            vehicles.add(Worker.withId("V" + v).mode(TravelMode.CAR).capacityBoxes(instance.capacity())
                    .shift(horizonStart, horizonEnd).startsAt(0).endsAt(0).singleTrip(true).build());
        }
        vehicles.add(Worker.unassignedHolder());

        List<Task> customers = new ArrayList<>();
        for (VrptwInstance.Customer c : instance.customers().subList(1, instance.customers().size())) {
            customers.add(Task.delivery(Integer.toString(c.id())).at(c.id()).batch(load).boxes(c.demand())
                    .serviceSeconds(EuclideanTravelTimes.toUnits(c.service()))
                    .window(EuclideanTravelTimes.toUnits(c.ready()), EuclideanTravelTimes.toUnits(c.due()))
                    .unassignedPenalty(UNSERVED_CUSTOMER_PENALTY).build());
        }
        CarePlan plan = new CarePlan(instance.name(), new EuclideanTravelTimes(instance), vehicles, customers);
        plan.setWeights(new ConstraintWeights()
                .with(CareConstraint.WORKER_USED, HardMediumSoftLongScore.ONE_MEDIUM)
                .with(CareConstraint.WAITING_TIME, HardMediumSoftLongScore.ZERO)
                .with(CareConstraint.FAIR_LOAD, HardMediumSoftLongScore.ZERO));
        return plan;
    }
}
