package io.careroute.data.hhcrsp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.careroute.solver.domain.CareConstraint;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.ConstraintWeights;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.TravelMode;
import io.careroute.solver.domain.TravelTimes;
import io.careroute.solver.domain.Worker;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * An HHCRSP instance in careroute's model: every service of a patient is a visit with a soft window end, a double
 * service is a two-worker visit (part 1 the lower service, part 2 the other, a gap of mind..maxd after part 1, or
 * together), qualifications are skills "s0".."s5". The soft level is distance + total tardiness + largest tardiness,
 * the benchmark's objective times 3, in units of 1/{@link #SCALE} minute.
 *
 * <p>Times are fixed point; every leg is rounded <em>up</em> so a schedule that holds in units holds in exact
 * arithmetic; {@link HhcrspSolution} recomputes the objective in double precision.
 */
public final class HhcrspPlanFactory {

    public static final int SCALE = 10_000;

    /** Leaving a service out must cost more than any distance or tardiness could. */
    static final long UNSERVED_PENALTY = 1_000;

    /** No end of day in the benchmark: a shift long enough for any route (about 9 days of minutes). */
    private static final int OPEN_END = Integer.MAX_VALUE / 4;

    private HhcrspPlanFactory() {
    }

    /** The task id of one service of one patient: "n{node}s{service}" (both 0-based as in the text file). */
    public static String taskId(int node, int service) {
        return "n" + node + "s" + service;
    }

    public static CarePlan create(HhcrspInstance instance) {
        List<Worker> workers = new ArrayList<>();
        for (int v = 0; v < instance.caregivers(); v++) {
            Set<String> skills = new HashSet<>();
            for (int s = 0; s < instance.services(); s++) {
                if (instance.isQualified(v, s)) {
                    skills.add(skill(s));
                }
            }
            workers.add(Worker.withId(caregiverId(v)).mode(TravelMode.CAR).shift(0, OPEN_END)
                    .startsAt(0).endsAt(0).skills(skills).build());
        }
        workers.add(Worker.unassignedHolder());

        List<Task> tasks = new ArrayList<>();
        for (int i = 1; i <= instance.patients(); i++) {
            int[] services = instance.servicesOf(i);
            int start = toUnits(instance.windowStart()[i]);
            int end = toUnits(instance.windowEnd()[i]);
            if (services.length == 1) {
                tasks.add(visit(instance, i, services[0], start, end).build());
                continue;
            }
            String visitId = "n" + i;
            Task lead = visit(instance, i, services[0], start, end).partOf(visitId, 1).build();
            Task second = visit(instance, i, services[1], start, end).partOf(visitId, 2)
                    .afterPartner(toUnits(instance.minGap()[i]), toUnits(instance.maxGap()[i])).build();
            Task.pair(lead, second);
            tasks.add(lead);
            tasks.add(second);
        }
        CarePlan plan = new CarePlan(instance.name(), new Distances(instance), workers, tasks);
        plan.setWeights(new ConstraintWeights()
                .with(CareConstraint.WAITING_TIME, HardMediumSoftLongScore.ZERO)
                .with(CareConstraint.FAIR_LOAD, HardMediumSoftLongScore.ZERO));
        return plan;
    }

    private static Task.Builder visit(HhcrspInstance instance, int node, int service, int start, int end) {
        return Task.visit(taskId(node, service)).elder("n" + node).at(node)
                .serviceSeconds(toUnits(processing(instance, node, service)))
                .window(start, end).softWindowEnd(true)
                .requiredSkills(Set.of(skill(service))).unassignedPenalty(UNSERVED_PENALTY);
    }

    /** The model has one duration per task: refuse an instance where it depends on the caregiver. */
    static double processing(HhcrspInstance instance, int node, int service) {
        double[][] byCaregiver = instance.processing()[node];
        for (int v = 1; v < byCaregiver.length; v++) {
            if (byCaregiver[v][service] != byCaregiver[0][service]) {
                throw HhcrspReader.error(instance.name() + " block p row " + (node * instance.caregivers() + v + 1),
                        "processing time differs by caregiver (" + byCaregiver[0][service] + " vs " + byCaregiver[v][service]
                                + "); careroute needs one duration per service");
            }
        }
        return byCaregiver[0][service];
    }

    static String skill(int service) {
        return "s" + service;
    }

    public static String caregiverId(int caregiver) {
        return "C" + caregiver;
    }

    public static int toUnits(double minutes) {
        return (int) Math.round(minutes * SCALE);
    }

    /** Travel = distance, rounded up to the unit so that feasibility in units is feasibility in exact numbers. */
    static final class Distances implements TravelTimes {
        private final int size;
        private final int[] units;

        Distances(HhcrspInstance instance) {
            this.size = instance.nodes();
            this.units = new int[size * size];
            for (int from = 0; from < size; from++) {
                for (int to = 0; to < size; to++) {
                    units[from * size + to] = (int) Math.ceil(instance.distance()[from][to] * SCALE - 1e-9);
                }
            }
        }

        @Override
        public int seconds(TravelMode mode, int fromPlace, int toPlace) {
            return units[fromPlace * size + toPlace];
        }

        @Override
        public int metres(TravelMode mode, int fromPlace, int toPlace) {
            return units[fromPlace * size + toPlace];
        }

        @Override
        public int proximity(int fromPlace, int toPlace) {
            return units[fromPlace * size + toPlace];
        }
    }
}
