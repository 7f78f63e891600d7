package io.careroute.benchmarks.records;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.careroute.api.store.NewPlan;
import io.careroute.api.store.PlanStore;
import io.careroute.api.store.Publications;
import io.careroute.api.store.RecordAction;
import io.careroute.api.store.RecordChange;
import io.careroute.api.store.RecordFacts;
import io.careroute.api.store.RecordOutcome;
import io.careroute.api.store.RecordStore;
import io.careroute.api.store.RecordSubject;
import io.careroute.api.store.RegistryStore;
import io.careroute.api.store.ServiceRecord;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanDocument.Stop;
import io.careroute.data.plan.PlanDocument.StopKind;
import io.careroute.data.plan.PlanDocument.TaskOutcome;
import io.careroute.data.plan.PlanDocument.WorkerRoute;
import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.PriorityClass;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.VisitType;
import io.careroute.data.problem.WindowDoc;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.data.problem.WorkerRole;
import io.careroute.data.registry.CarePlanDoc;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryElder;
import io.careroute.data.registry.WeekDay;
import io.careroute.solver.domain.TaskKind;

/**
 * A month of a 400-elder district as the store holds it after the field recorded it, seeded (same seed, same rows):
 * every working day one published plan with a lunch for each of the 400 elders (20 carriers, half of them volunteers)
 * and the day's care visits (120 elders on a care plan of one visit each working day, 15 care workers, 8 each);
 * every stop checked in and checked out (95 % done, 3 % nobody home, 2 % to follow up), 3 % of the records corrected
 * once by a dispatcher. Plans are written as a solved plan looks (stops, times, travel), without solving: the
 * benchmark times reading them, not planning them.
 */
final class DistrictMonth {

    static final String ORG = "default";
    static final int ELDERS = 400;
    static final int CARRIERS = 20;
    static final int CARE_WORKERS = 15;
    static final int CARE_ELDERS = 120;
    static final ZoneOffset CST = ZoneOffset.ofHours(8);

    private final Random random = new Random(20261117L);
    private int records;

    /** Writes the month and the register; answers the number of record versions written. */
    int write(YearMonth month, PlanStore plans, Publications publications, RecordStore store, RegistryStore registry) {
        registry.append(ORG, null, register(month), "system");
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            writeDay(day, plans, publications, store);
        }
        return records;
    }

    private void writeDay(LocalDate day, PlanStore plans, Publications publications, RecordStore store) {
        List<ElderDoc> elders = new ArrayList<>();
        for (int e = 0; e < ELDERS; e++) {
            elders.add(new ElderDoc(elderId(e), new LocationDoc(31.27 + e * 1e-4, 121.52 + e * 1e-4), "老人" + e,
                    "139" + String.format("%08d", e), "杨浦区某路 " + e + " 号", classOf(e), null, null, null));
        }
        List<WorkerDoc> workers = new ArrayList<>();
        List<WorkerRoute> routes = new ArrayList<>();
        List<TaskOutcome> tasks = new ArrayList<>();
        List<DeliveryDoc> deliveries = new ArrayList<>();
        List<VisitDoc> visits = new ArrayList<>();
        String planId = "plan-" + day;
        for (int c = 0; c < CARRIERS; c++) {
            String id = String.format("W%02d", c + 1);
            workers.add(new WorkerDoc(id, c % 2 == 0 ? WorkerRole.VOLUNTEER : WorkerRole.PROPERTY_STAFF, null, null,
                    null, null, null, 20, null, null, null, null));
            List<Stop> stops = new ArrayList<>();
            stops.add(new Stop(StopKind.KITCHEN, null, "K1", null, 300, 900, at(day, 10, 30), at(day, 10, 30),
                    at(day, 10, 40), 0, 20));
            for (int i = 0; i < ELDERS / CARRIERS; i++) {
                int e = c * (ELDERS / CARRIERS) + i;
                String task = "S" + e + "@" + day;
                WindowDoc window = new WindowDoc(at(day, 11, 0), at(day, 12, 0));
                OffsetDateTime start = at(day, 10, 50).plusMinutes(3L * i);
                deliveries.add(new DeliveryDoc(task, elderId(e), "K1", "K1-LUNCH", 1, List.of(window), 2));
                tasks.add(new TaskOutcome(task, TaskKind.DELIVERY, elderId(e), List.of(window), 120, 1, "K1", 45, id,
                        null, null));
                stops.add(new Stop(StopKind.DELIVERY, task, null, null, 60, 150, start, start, start.plusMinutes(2), 0,
                        19 - i));
            }
            routes.add(new WorkerRoute(id, null, 20, null, null, at(day, 10, 25), stops, null));
        }
        for (int w = 0; w < CARE_WORKERS; w++) {
            String id = String.format("C%02d", w + 1);
            workers.add(new WorkerDoc(id, WorkerRole.CARE_WORKER, null, null, null, null, null, null, null, null,
                    null, null));
            List<Stop> stops = new ArrayList<>();
            for (int i = 0; i < CARE_ELDERS / CARE_WORKERS; i++) {
                int e = w * (CARE_ELDERS / CARE_WORKERS) + i;
                String task = "CP" + e + "@" + day;
                WindowDoc window = new WindowDoc(at(day, 8, 0), at(day, 17, 0));
                OffsetDateTime start = at(day, 8, 30).plusMinutes(65L * i);
                visits.add(new VisitDoc(task, elderId(e), VisitType.CHECK_IN, null, 60, List.of(window), 3, false, 1,
                        null));
                tasks.add(new TaskOutcome(task, TaskKind.VISIT, elderId(e), List.of(window), 3600, null, null, null,
                        id, null, null));
                stops.add(new Stop(StopKind.VISIT, task, null, null, 300, 800, start, start, start.plusMinutes(60), 0,
                        0));
            }
            routes.add(new WorkerRoute(id, null, 0, null, null, at(day, 8, 20), stops, null));
        }
        ProblemDocument problem = new ProblemDocument(day, "Asia/Shanghai", null, List.of(), elders, workers,
                deliveries, visits);
        PlanDocument plan = new PlanDocument("0hard/0medium/-1soft", true, "Asia/Shanghai", null,
                new PlanDocument.PlanTotals(tasks.size(), tasks.size(), 0, deliveries.size(), visits.size(),
                        routes.size(), 0, 0, 0), routes, tasks, List.of());
        Instant created = day.minusDays(1).atTime(18, 0).toInstant(CST);
        // The task order as a solve saves it (read back with the plan), each route's task ids.
        Map<String, List<String>> order = new java.util.LinkedHashMap<>();
        routes.forEach(r -> order.put(r.id(), r.stops().stream().map(Stop::taskId)
                .filter(java.util.Objects::nonNull).toList()));
        plans.createSolved(new NewPlan(planId, planId + "-problem", problem, planId, null, "zh",
                Duration.ofSeconds(30), tasks.size(), created, null, ORG), plan, order, Map.of());
        publications.publish(planId, planId, created.plusSeconds(600));
        for (WorkerRoute route : routes) {
            for (Stop stop : route.stops()) {
                if (stop.taskId() != null) {
                    record(store, planId, day, route.id(), stop);
                }
            }
        }
    }

    private void record(RecordStore store, String planId, LocalDate day, String worker, Stop stop) {
        boolean visit = stop.kind() == StopKind.VISIT;
        // S17@date is elder 17's meal, CP17@date elder 17's care visit.
        int elder = Integer.parseInt(stop.taskId().substring(visit ? 2 : 1, stop.taskId().indexOf('@')));
        RecordSubject subject = new RecordSubject(planId, stop.taskId(), planId, 1, day, worker, elderId(elder),
                visit ? "VISIT" : "DELIVERY", visit ? "CHECK_IN" : null);
        String id = "r-" + stop.taskId();
        Instant in = stop.start().toInstant().plusSeconds(60L * (random.nextInt(26) - 5));
        int minutes = visit ? 50 + random.nextInt(20) : 1 + random.nextInt(3);
        int roll = random.nextInt(100);
        RecordOutcome outcome = roll < 95 ? RecordOutcome.DONE : roll < 98 ? RecordOutcome.NOT_HOME : RecordOutcome.FOLLOW_UP;
        Instant out = in.plusSeconds(60L * minutes);
        store.append(new ServiceRecord(id, 1, ORG, subject, new RecordFacts(in, null, null, null, null, null),
                new RecordChange(RecordAction.CHECK_IN, in, "account:w", "k-in-" + stop.taskId(), null)));
        store.append(new ServiceRecord(id, 2, ORG, subject, new RecordFacts(in, out, minutes, outcome, null, null),
                new RecordChange(RecordAction.CHECK_OUT, out, "account:w", "k-out-" + stop.taskId(), null)));
        records += 2;
        if (random.nextInt(100) < 3) {
            store.append(new ServiceRecord(id, 3, ORG, subject,
                    new RecordFacts(in, out.plusSeconds(600), minutes + 10, outcome, null, null),
                    new RecordChange(RecordAction.CORRECTION, out.plusSeconds(3600), "account:d", null, "补录")));
            records++;
        }
    }

    private RegistryDocument register(YearMonth month) {
        List<RegistryElder> elders = new ArrayList<>();
        List<CarePlanDoc> carePlans = new ArrayList<>();
        for (int e = 0; e < ELDERS; e++) {
            List<PriorityClass> classes = e % 7 == 0 ? List.of(PriorityClass.DISABLED, PriorityClass.ALONE)
                    : List.of(classOf(e));
            elders.add(new RegistryElder(elderId(e), null, null, null, null, null, classes, null, null, null, null,
                    null));
            if (e < CARE_ELDERS) {
                carePlans.add(new CarePlanDoc("CP" + e, elderId(e), VisitType.CHECK_IN, null, 60, 5, 1,
                        List.of(WeekDay.MON, WeekDay.TUE, WeekDay.WED, WeekDay.THU, WeekDay.FRI),
                        null, 1, 3, month.atDay(1).minusMonths(1), null));
            }
        }
        return new RegistryDocument("Asia/Shanghai", null, List.of(), elders, List.of(), List.of(), carePlans);
    }

    private static PriorityClass classOf(int e) {
        return switch (e % 5) {
            case 0 -> PriorityClass.DISABLED;
            case 1 -> PriorityClass.VERY_OLD;
            case 2 -> PriorityClass.ALONE;
            case 3 -> PriorityClass.EMPTY_NEST;
            default -> PriorityClass.REGULAR;
        };
    }

    private static String elderId(int e) {
        return String.format("E%03d", e);
    }

    private static OffsetDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atOffset(CST);
    }
}
