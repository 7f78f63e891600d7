package io.careroute.data.problem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Gender;
import io.careroute.solver.domain.Kitchen;
import io.careroute.solver.domain.MealBatch;
import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.TimeWindow;
import io.careroute.solver.domain.TravelTimes;
import io.careroute.solver.domain.Worker;

/**
 * Turns a validated problem document into the solver's model: seconds of the day, place indices, skills valid on
 * the plan date, and the medium-level weight of leaving each task unserved.
 */
public final class CarePlanFactory {

    /** A missed meal weighs three routine visits: for many elders it is the hot meal of the day. */
    static final int DELIVERY_WEIGHT = 30;
    static final int VISIT_WEIGHT_PER_PRIORITY = 10;
    static final int URGENT_FACTOR = 10;

    private CarePlanFactory() {
    }

    public static CarePlan create(ProblemDocument problem, PlaceCatalogue places, TravelTimes travel) {
        return create(problem, places, travel, Map.of());
    }

    /**
     * @param published in a re-plan, where and when the published plan had each open task (changes cost)
     */
    public static CarePlan create(ProblemDocument problem, PlaceCatalogue places, TravelTimes travel,
                                  Map<String, PublishedTask> published) {
        return create(problem, places, travel, published, PlanWeights.DEFAULT);
    }

    /**
     * @param published in a re-plan, where and when the published plan had each open task (changes cost)
     * @param weights   the deployment's weights (the problem's own constraint weights go on top)
     */
    public static CarePlan create(ProblemDocument problem, PlaceCatalogue places, TravelTimes travel,
                                  Map<String, PublishedTask> published, PlanWeights weights) {
        PlanDay day = PlanDay.of(problem);
        Map<String, ElderDoc> elders = new HashMap<>();
        problem.eldersOrEmpty().forEach(e -> elders.put(e.id(), e));
        Map<String, MealBatch> batches = batches(problem, places, day);

        List<Worker> workers = new ArrayList<>();
        for (WorkerDoc w : problem.workersOrEmpty()) {
            workers.add(worker(w, places, day));
        }
        workers.add(Worker.unassignedHolder());

        Map<String, PinDoc> pins = new HashMap<>();
        problem.pinsOrEmpty().forEach(pin -> pins.put(pin.taskId(), pin));
        List<Task> tasks = new ArrayList<>();
        for (DeliveryDoc d : problem.deliveriesOrEmpty()) {
            ElderDoc elder = elders.get(d.elderId());
            String batchId = d.batchId() != null ? d.batchId()
                    : problem.kitchensOrEmpty().stream().filter(k -> k.id().equals(d.kitchenId())).findFirst()
                            .orElseThrow().batchesOrEmpty().get(0).id();
            tasks.add(pinned(Task.delivery(d.id()).refusedWorkers(new HashSet<>(elder.refusedWorkersOrEmpty()))
                    .elder(elder.id())
                    .at(places.elder(elder.id()))
                    .batch(batches.get(d.kitchenId() + "\u0000" + batchId))
                    .boxes(d.boxesOrOne())
                    .serviceSeconds(d.handoverMinutesOrDefault() * 60)
                    .windows(windows(d.windowsOrEmpty(), day))
                    .unassignedPenalty((long) weights.priority(elder.priorityClassOrDefault()) * DELIVERY_WEIGHT)
                    .published(publishedWorker(published, d.id()), publishedStart(published, d.id(), day)),
                    pins.get(d.id()), day).build());
        }
        for (VisitDoc v : problem.visitsOrEmpty()) {
            ElderDoc elder = elders.get(v.elderId());
            long penalty = (long) weights.priority(elder.priorityClassOrDefault()) * VISIT_WEIGHT_PER_PRIORITY * v.priorityOrDefault()
                    * (v.isUrgent() ? URGENT_FACTOR : 1);
            if (!v.needsTwoWorkers()) {
                tasks.add(pinned(visit(v.id(), v, elder, places, day, published).pinnedTo(v.pinnedWorkerId()),
                        pins.get(v.id()), day).unassignedPenalty(penalty).build());
                continue;
            }
            // Two parts, one per worker, each carrying half the cost of leaving the visit unserved. A pin names
            // the lead worker; the second is chosen by the solver.
            String secondId = VisitDoc.secondPartId(v.id());
            Task lead = pinned(visit(v.id(), v, elder, places, day, published).partOf(v.id(), 1).pinnedTo(v.pinnedWorkerId()),
                            pins.get(v.id()), day)
                    .unassignedPenalty((penalty + 1) / 2).build();
            Task second = visit(secondId, v, elder, places, day, published).partOf(v.id(), 2)
                    .unassignedPenalty((penalty + 1) / 2).build();
            Task.pair(lead, second);
            tasks.add(lead);
            tasks.add(second);
        }
        CarePlan plan = new CarePlan(problem.date() + "", travel, workers, tasks);
        plan.setWeights(weights.constraintsFor(problem));
        return plan;
    }

    private static Task.Builder visit(String taskId, VisitDoc v, ElderDoc elder, PlaceCatalogue places, PlanDay day,
                                      Map<String, PublishedTask> published) {
        return Task.visit(taskId)
                .refusedWorkers(new HashSet<>(elder.refusedWorkersOrEmpty()))
                .preferredWorkers(new HashSet<>(elder.preferredWorkersOrEmpty()))
                .requiredGender(v.type().isPersonalCare() && elder.requiredWorkerGender() != null
                        ? Gender.valueOf(elder.requiredWorkerGender()) : null)
                .elder(elder.id())
                .at(places.elder(elder.id()))
                .serviceSeconds(v.durationMinutes() * 60)
                .windows(windows(v.windowsOrEmpty(), day))
                .requiredSkills(Set.copyOf(v.requiredSkillsOrEmpty()))
                .published(publishedWorker(published, taskId), publishedStart(published, taskId, day));
    }

    /**
     * A pin of problem.json's {@code pins} (validated: {@code PinChecks}): the worker, the place in the route, and a
     * pinned start as a window of one instant (the worker may arrive earlier and wait, never start later).
     */
    private static Task.Builder pinned(Task.Builder builder, PinDoc pin, PlanDay day) {
        if (pin == null) {
            return builder;
        }
        builder.pinnedTo(pin.workerId());
        if (pin.position() != null) {
            builder.pinnedAt(pin.position());
        }
        if (pin.start() != null) {
            int start = day.toSeconds(pin.start());
            builder.window(start, start);
        }
        return builder;
    }

    private static String publishedWorker(Map<String, PublishedTask> published, String taskId) {
        PublishedTask p = published.get(taskId);
        return p == null ? null : p.workerId();
    }

    private static int publishedStart(Map<String, PublishedTask> published, String taskId, PlanDay day) {
        PublishedTask p = published.get(taskId);
        return p == null || p.start() == null ? -1 : day.toSeconds(p.start());
    }

    private static Map<String, MealBatch> batches(ProblemDocument problem, PlaceCatalogue places, PlanDay day) {
        Map<String, MealBatch> batches = new HashMap<>();
        for (KitchenDoc k : problem.kitchensOrEmpty()) {
            Kitchen kitchen = new Kitchen(k.id(), places.kitchen(k.id()), k.loadingMinutesOrDefault() * 60,
                    k.maxMinutesFromKitchenOrDefault() * 60);
            for (KitchenDoc.BatchDoc b : k.batchesOrEmpty()) {
                batches.put(k.id() + "\u0000" + b.id(), new MealBatch(b.id(), kitchen, day.toSeconds(b.readyAt())));
            }
        }
        return batches;
    }

    private static Worker worker(WorkerDoc w, PlaceCatalogue places, PlanDay day) {
        return Worker.withId(w.id())
                .mode(w.mode())
                .capacityBoxes(w.capacityBoxesOrZero())
                .shifts(windows(w.shiftsOrEmpty(), day))
                .startsAt(places.workerStart(w.id()))
                .endsAt(places.workerEnd(w.id()))
                .skills(validSkills(w, day.date()))
                .gender(w.gender() == null ? null : Gender.valueOf(w.gender()))
                .paid(w.role() != WorkerRole.VOLUNTEER)
                .maxWorkSeconds(w.maxHoursPerDay() == null ? 0 : (int) Math.round(w.maxHoursPerDay() * 3600))
                .maxMetresFromHome(w.maxKmFromHome() == null ? 0 : (int) Math.round(w.maxKmFromHome() * 1000))
                .build();
    }

    /** Skills whose certificate is still valid on the plan date; an expired certificate does not qualify. */
    static Set<String> validSkills(WorkerDoc w, LocalDate date) {
        Set<String> skills = new HashSet<>();
        for (WorkerDoc.SkillDoc skill : w.skillsOrEmpty()) {
            if (skill.validOn(date)) {
                skills.add(skill.skill());
            }
        }
        return skills;
    }

    private static List<TimeWindow> windows(List<WindowDoc> windows, PlanDay day) {
        return windows.stream().map(w -> new TimeWindow(day.toSeconds(w.start()), day.toSeconds(w.end()))).toList();
    }
}
