package io.careroute.data.week;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.KitchenDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.WindowDoc;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.data.registry.CarePlanDoc;
import io.careroute.data.registry.MealSubscription;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryElder;
import io.careroute.data.registry.RegistryKitchen;
import io.careroute.data.registry.RegistryWorker;
import io.careroute.data.registry.TimeOfDayWindow;
import io.careroute.data.registry.WeekDay;

/**
 * Unfolds a (validated) register over a horizon into one problem ({@link HorizonProblem}): the register says what
 * is owed each weekday, the horizon problem what is to be done on each date. Pure: no roads, no solver.
 */
public final class WeekExpansion {

    private final RegistryDocument registry;
    private final WeekRequest request;
    private final ZoneId zone;
    /** The first day re-planned (0 for a week planned afresh). */
    private final int firstDay;
    private final WeekReplan replan;
    /** In a re-plan, per care plan the dates of the visits made before the re-planned dates. */
    private final Map<String, List<LocalDate>> doneDates = new HashMap<>();

    private WeekExpansion(RegistryDocument registry, WeekRequest request, WeekReplan replan) {
        this.registry = registry;
        this.request = request;
        this.zone = ZoneId.of(registry.timeZoneOrDefault());
        this.replan = replan;
        this.firstDay = replan == null ? 0
                : (int) Math.max(0, Math.min(request.days(), ChronoUnit.DAYS.between(request.from(), replan.since())));
    }

    public static HorizonProblem expand(RegistryDocument registry, WeekRequest request) {
        return new WeekExpansion(registry, request, null).expand();
    }

    /**
     * The rest of a published week from {@code replan.since()}, under the register as it is now: dates before are
     * done (their care visits and hours counted, nothing of them planned again), dates from then on planned with the
     * published routes to start from and every change charged.
     */
    public static HorizonProblem expand(RegistryDocument registry, WeekRequest request, WeekReplan replan) {
        return new WeekExpansion(registry, request, replan).expand();
    }

    private HorizonProblem expand() {
        Map<String, List<PublishedWeek.Stop>> doneVisits = new LinkedHashMap<>();
        Map<String, Map<Integer, Integer>> worked = new HashMap<>();
        if (replan != null) {
            for (PublishedWeek.Stop stop : replan.published().stops()) {
                String carePlan = PublishedWeek.carePlanOf(stop.taskId());
                if (stop.date().isBefore(replan.since()) && carePlan != null
                        && !stop.taskId().endsWith(VisitDoc.SECOND_PART_SUFFIX)) {
                    doneVisits.computeIfAbsent(carePlan, k -> new ArrayList<>()).add(stop);
                    doneDates.computeIfAbsent(carePlan, k -> new ArrayList<>()).add(stop.date());
                }
            }
            for (int day = 0; day < firstDay; day++) {
                int block = day / 7;
                replan.published().workedOn(request.date(day)).forEach((worker, time) -> worked
                        .computeIfAbsent(worker, k -> new HashMap<>()).merge(block, (int) time.toSeconds(), Integer::sum));
            }
        }
        Map<String, WorkerDay> workerDays = new LinkedHashMap<>();
        List<WorkerDoc> workers = new ArrayList<>();
        Map<String, List<String>> daysOfWorker = new LinkedHashMap<>();
        List<Integer> workerOrigin = new ArrayList<>();
        for (int w = 0; w < registry.workersOrEmpty().size(); w++) {
            RegistryWorker worker = registry.workersOrEmpty().get(w);
            daysOfWorker.put(worker.id(), new ArrayList<>());
            for (int day = firstDay; day < request.days(); day++) {
                LocalDate date = request.date(day);
                List<WindowDoc> shifts = Availability.shifts(worker, date, zone);
                if (shifts.isEmpty()) {
                    continue;
                }
                String id = WorkerDay.idOf(worker.id(), date);
                workerDays.put(id, new WorkerDay(id, worker.id(), date, day));
                daysOfWorker.get(worker.id()).add(id);
                workerOrigin.add(w);
                workers.add(new WorkerDoc(id, worker.role(), worker.mode(), worker.gender(), worker.start(),
                        worker.end(), shifts, worker.capacityBoxes(), skillsValidOn(worker, date),
                        worker.costPerHour(), worker.maxHoursPerDay(), worker.maxKmFromHome()));
            }
        }
        List<ElderDoc> elders = new ArrayList<>();
        for (RegistryElder elder : registry.eldersOrEmpty()) {
            ElderDoc day = elder.toDay();
            // Preferences and refusals name workers; the model's routes are worker-days: every day of each.
            elders.add(new ElderDoc(day.id(), day.location(), day.name(), day.phone(), day.address(),
                    day.priorityClass(), day.requiredWorkerGender(),
                    nullIfEmpty(everyDayOf(day.preferredWorkersOrEmpty(), daysOfWorker)),
                    nullIfEmpty(everyDayOf(day.refusedWorkersOrEmpty(), daysOfWorker))));
        }
        List<KitchenDoc> kitchens = new ArrayList<>();
        List<List<Integer>> batchOrigin = new ArrayList<>();
        for (RegistryKitchen kitchen : registry.kitchensOrEmpty()) {
            List<KitchenDoc.BatchDoc> batches = new ArrayList<>();
            List<Integer> origin = new ArrayList<>();
            batchOrigin.add(origin);
            for (int day = firstDay; day < request.days(); day++) {
                LocalDate date = request.date(day);
                for (int b = 0; b < kitchen.batchesOrEmpty().size(); b++) {
                    RegistryKitchen.Batch batch = kitchen.batchesOrEmpty().get(b);
                    if (batch.daysOrEmpty().contains(WeekDay.of(date))) {
                        origin.add(b);
                        batches.add(new KitchenDoc.BatchDoc(batchOn(batch.id(), date), at(date, batch.readyTime()),
                                batch.boxes()));
                    }
                }
            }
            kitchens.add(new KitchenDoc(kitchen.id(), kitchen.location(), kitchen.loadingMinutes(),
                    kitchen.maxMinutesFromKitchen(), batches));
        }
        List<DeliveryDoc> deliveries = new ArrayList<>();
        List<Integer> deliveryOrigin = new ArrayList<>();
        for (int day = firstDay; day < request.days(); day++) {
            LocalDate date = request.date(day);
            for (int i = 0; i < registry.mealSubscriptionsOrEmpty().size(); i++) {
                MealSubscription s = registry.mealSubscriptionsOrEmpty().get(i);
                if (s.owedOn(date)) {
                    deliveryOrigin.add(i);
                    deliveries.add(new DeliveryDoc(s.id() + "@" + date, s.elderId(), s.kitchenId(),
                            batchOn(batchOf(s), date), s.boxes(), List.of(window(date, s.window())),
                            s.handoverMinutes()));
                }
            }
        }
        Map<String, CareVisit> careVisits = new LinkedHashMap<>();
        Map<String, Integer> owed = new LinkedHashMap<>();
        List<VisitDoc> visits = new ArrayList<>();
        List<Integer> visitOrigin = new ArrayList<>();
        for (int p = 0; p < registry.carePlansOrEmpty().size(); p++) {
            CarePlanDoc plan = registry.carePlansOrEmpty().get(p);
            int total = 0;
            for (int block = 0; block * 7 < request.days(); block++) {
                List<LocalDate> dates = allowedDates(plan, block);
                int owedInBlock = CareFrequency.owedInBlock(plan, blockDates(block));
                total += owedInBlock;
                int blockNumber = block;
                long madeInBlock = doneDates.getOrDefault(plan.id(), List.of()).stream()
                        .filter(d -> ChronoUnit.DAYS.between(request.from(), d) / 7 == blockNumber).count();
                int due = (int) Math.max(0, owedInBlock - madeInBlock);
                // What the block's days and spacing cannot hold is not asked of the solver: week.json says why.
                int fit = Math.min(due, CareFrequency.mostThatFit(dates, plan.minDaysApartOrDefault()));
                for (int n = 1; n <= fit; n++) {
                    String id = plan.id() + ":w" + (block + 1) + ":" + n;
                    careVisits.put(id, new CareVisit(id, plan.id(), plan.elderId(), block, n, dates));
                    visitOrigin.add(p);
                    visits.add(new VisitDoc(id, plan.elderId(), plan.type(), plan.requiredSkills(),
                            plan.durationMinutes(), dates.stream().map(d -> window(d, plan.window())).toList(),
                            plan.priority(), false, plan.workersNeeded(), null));
                }
            }
            owed.put(plan.id(), total);
        }
        ProblemDocument problem = new ProblemDocument(request.from(), registry.timeZoneOrDefault(),
                registry.coordinateSystem(), kitchens, elders, workers, deliveries, visits);
        HorizonProblem.Published published = replan == null ? HorizonProblem.Published.none(request.from())
                : PublishedStarts.of(request.from(), replan, doneVisits, worked, workerDays, careVisits, deliveries);
        return new HorizonProblem(request, registry, problem, workerDays, careVisits, owed,
                new HorizonProblem.Origins(workerOrigin, deliveryOrigin, visitOrigin, batchOrigin), published);
    }

    private List<LocalDate> blockDates(int block) {
        List<LocalDate> dates = new ArrayList<>();
        for (int day = block * 7; day < Math.min(request.days(), block * 7 + 7); day++) {
            dates.add(request.date(day));
        }
        return dates;
    }

    /**
     * The block's dates on which the care plan may be visited: its days, in force, not yet past in a re-plan, and
     * far enough from the visits already made.
     */
    private List<LocalDate> allowedDates(CarePlanDoc plan, int block) {
        List<LocalDate> dates = new ArrayList<>();
        List<LocalDate> made = doneDates.getOrDefault(plan.id(), List.of());
        for (int day = Math.max(block * 7, firstDay); day < Math.min(request.days(), block * 7 + 7); day++) {
            LocalDate date = request.date(day);
            if (plan.daysOrAll().contains(WeekDay.of(date)) && plan.activeOn(date) && made.stream().allMatch(
                    d -> Math.abs(ChronoUnit.DAYS.between(d, date)) >= plan.minDaysApartOrDefault())) {
                dates.add(date);
            }
        }
        return dates;
    }

    /**
     * The skills whose certificate is valid on the route's own date: the horizon problem is dated its first day, so
     * a certificate that lapses mid-week must leave the later worker-days here (the model checks validity only
     * against the problem's date).
     */
    private static List<WorkerDoc.SkillDoc> skillsValidOn(RegistryWorker worker, LocalDate date) {
        return worker.skills() == null ? null
                : worker.skills().stream().filter(skill -> skill == null || skill.validOn(date)).toList();
    }

    /**
     * The batch a subscription is for: its own, or the kitchen's only one when it names none (the register allows
     * that; the horizon has a batch per date, so the day's "the only batch" no longer picks it).
     */
    private String batchOf(MealSubscription s) {
        return batchOf(registry, s);
    }

    /** {@link #batchOf(MealSubscription)} of any register (a register's single day uses it too). */
    static String batchOf(RegistryDocument registry, MealSubscription s) {
        if (s.batchId() != null) {
            return s.batchId();
        }
        return registry.kitchensOrEmpty().stream().filter(k -> k != null && java.util.Objects.equals(s.kitchenId(), k.id()))
                .findFirst().filter(k -> k.batchesOrEmpty().size() == 1)
                .map(k -> k.batchesOrEmpty().get(0).id()).orElse(null);
    }

    static String batchOn(String batchId, LocalDate date) {
        return batchId + "@" + date;
    }

    private OffsetDateTime at(LocalDate date, java.time.LocalTime time) {
        return date.atTime(time).atZone(zone).toOffsetDateTime();
    }

    private WindowDoc window(LocalDate date, TimeOfDayWindow window) {
        return new WindowDoc(at(date, window.start()), at(date, window.end()));
    }

    private static List<String> everyDayOf(List<String> workerIds, Map<String, List<String>> daysOfWorker) {
        List<String> ids = new ArrayList<>();
        for (String worker : workerIds) {
            ids.addAll(daysOfWorker.getOrDefault(worker, List.of()));
        }
        return ids;
    }

    private static List<String> nullIfEmpty(List<String> ids) {
        return ids.isEmpty() ? null : List.copyOf(ids);
    }
}
