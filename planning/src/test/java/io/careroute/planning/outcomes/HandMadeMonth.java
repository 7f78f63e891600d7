package io.careroute.planning.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanDocument.Stop;
import io.careroute.data.plan.PlanDocument.StopKind;
import io.careroute.data.plan.PlanDocument.TaskOutcome;
import io.careroute.data.plan.PlanDocument.WorkerRoute;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.PriorityClass;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitType;
import io.careroute.data.problem.WindowDoc;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.data.problem.WorkerRole;
import io.careroute.data.registry.CarePlanDoc;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryElder;
import io.careroute.solver.domain.TaskKind;

/**
 * A small month by hand, whose figures are worked out on paper in {@link OutcomeFiguresTest}: three elders (E1 失能 and
 * 独居, E2 regular, E3 高龄), a care worker C1 and a volunteer V1 who brings meals, care plans CP1 (E1, twice a week) and
 * CP2 (E2, once a week), over 2026-11-02..15 (14 days) of which three days were planned: two recorded, one not.
 */
final class HandMadeMonth {

    static final LocalDate FROM = LocalDate.of(2026, 11, 2);
    static final LocalDate TO = LocalDate.of(2026, 11, 15);
    static final ZoneOffset CST = ZoneOffset.ofHours(8);

    private HandMadeMonth() {
    }

    static RegistryDocument register() {
        return new RegistryDocument("Asia/Shanghai", null, List.of(),
                List.of(elder("E1", PriorityClass.DISABLED, PriorityClass.ALONE), elder("E2", PriorityClass.REGULAR),
                        elder("E3", PriorityClass.VERY_OLD)),
                List.of(), List.of(),
                List.of(carePlan("CP1", "E1", 2), carePlan("CP2", "E2", 1)));
    }

    static List<OutcomeDay> days() {
        return List.of(day1(), day2(), day3());
    }

    /** Mon 2 Nov, recorded: meals M1 (E3, hot, on time) and M2 (E2, 70 min from the kitchen, 20 min late); CP1 done
     *  by C1; CP2 nobody home. */
    static OutcomeDay day1() {
        LocalDate d = LocalDate.of(2026, 11, 2);
        Day day = new Day(d);
        day.kitchen("V1", "10:40");
        day.meal("V1", "M1", "E3", "11:00", 600, 120);
        day.meal("V1", "M2", "E2", "11:30", 300, 120);
        day.visit("C1", "CP1@" + d, "E1", "09:00", "11:00", "09:00", 900, 3600);
        day.visit("C1", "CP2@" + d, "E2", "10:00", "12:00", "10:30", 600, 1800);
        return day.done(List.of(
                record("M1", "V1", d, "11:05", 5, "DONE"),
                record("M2", "V1", d, "11:50", 2, "DONE"),
                record("CP1@" + d, "C1", d, "09:10", 60, "DONE"),
                record("CP2@" + d, "C1", d, "10:35", 5, "NOT_HOME")));
    }

    /** Wed 4 Nov, recorded: M1 nobody home; CP1 done by the volunteer instead of C1, at 11:20 (window ends 11:00). */
    static OutcomeDay day2() {
        LocalDate d = LocalDate.of(2026, 11, 4);
        Day day = new Day(d);
        day.kitchen("V1", "10:40");
        day.meal("V1", "M1", "E3", "11:00", 600, 120);
        day.visit("C1", "CP1@" + d, "E1", "09:00", "11:00", "09:00", 900, 3600);
        return day.done(List.of(
                record("M1", "V1", d, "11:02", 1, "NOT_HOME"),
                record("CP1@" + d, "V1", d, "11:20", 30, "DONE")));
    }

    /** Fri 6 Nov, nothing recorded (counted as planned): CP1 at 09:30; CP2 unassigned; M1 at 11:40, 60 min out. */
    static OutcomeDay day3() {
        LocalDate d = LocalDate.of(2026, 11, 6);
        Day day = new Day(d);
        day.visit("C1", "CP1@" + d, "E1", "09:00", "11:00", "09:30", 900, 3600);
        day.kitchen("V1", "10:40");
        day.meal("V1", "M1", "E3", "11:40", 600, 120);
        day.unassignedVisit("CP2@" + d, "E2", "10:00", "12:00", 1800);
        return day.done(List.of());
    }

    // ---------------------------------------------------------------------------------------------------------------

    static final class Day {
        final LocalDate date;
        final List<TaskOutcome> tasks = new ArrayList<>();
        final java.util.Map<String, List<Stop>> routes = new java.util.LinkedHashMap<>();

        Day(LocalDate date) {
            this.date = date;
        }

        OffsetDateTime at(String hhmm) {
            return date.atTime(java.time.LocalTime.parse(hhmm)).atOffset(CST);
        }

        void kitchen(String worker, String end) {
            routes.computeIfAbsent(worker, k -> new ArrayList<>()).add(new Stop(StopKind.KITCHEN, null, "K1", null,
                    0, 0, at(end).minusMinutes(5), at(end).minusMinutes(5), at(end), 0, 0));
        }

        void meal(String worker, String id, String elder, String start, int travel, int duration) {
            WindowDoc window = new WindowDoc(at("11:00"), at("12:00"));
            tasks.add(new TaskOutcome(id, TaskKind.DELIVERY, elder, List.of(window), duration, 1, "K1", 45, worker,
                    null, null));
            stop(worker, StopKind.DELIVERY, id, start, travel, duration);
        }

        void visit(String worker, String id, String elder, String from, String to, String start, int travel,
                   int duration) {
            tasks.add(new TaskOutcome(id, TaskKind.VISIT, elder, List.of(new WindowDoc(at(from), at(to))), duration,
                    null, null, null, worker, null, null));
            stop(worker, StopKind.VISIT, id, start, travel, duration);
        }

        void unassignedVisit(String id, String elder, String from, String to, int duration) {
            tasks.add(new TaskOutcome(id, TaskKind.VISIT, elder, List.of(new WindowDoc(at(from), at(to))), duration,
                    null, null, null, null, "nobody", null));
        }

        private void stop(String worker, StopKind kind, String id, String start, int travel, int duration) {
            routes.computeIfAbsent(worker, k -> new ArrayList<>()).add(new Stop(kind, id, null, null, travel, 0,
                    at(start), at(start), at(start).plusSeconds(duration), 0, 0));
        }

        OutcomeDay done(List<DoneStop> records) {
            List<WorkerRoute> workers = routes.entrySet().stream().map(e -> new WorkerRoute(e.getKey(), null, 0, null,
                    null, null, e.getValue(), null)).toList();
            PlanDocument plan = new PlanDocument("0hard/0medium/0soft", true, "Asia/Shanghai", null, null, workers,
                    tasks, List.of());
            ProblemDocument problem = new ProblemDocument(date, "Asia/Shanghai", null, List.of(),
                    List.of(new ElderDoc("E1", null, null, null, null, PriorityClass.DISABLED, null, null, null),
                            new ElderDoc("E2", null, null, null, null, PriorityClass.REGULAR, null, null, null),
                            new ElderDoc("E3", null, null, null, null, PriorityClass.VERY_OLD, null, null, null)),
                    List.of(worker("C1", WorkerRole.CARE_WORKER), worker("V1", WorkerRole.VOLUNTEER)), List.of(),
                    List.of());
            return new OutcomeDay(problem, plan, records);
        }
    }

    static WorkerDoc worker(String id, WorkerRole role) {
        return new WorkerDoc(id, role, null, null, null, null, null, null, null, null, null, null);
    }

    static DoneStop record(String task, String worker, LocalDate date, String checkIn, int minutes, String outcome) {
        Instant in = date.atTime(java.time.LocalTime.parse(checkIn)).atOffset(CST).toInstant();
        return new DoneStop(task, worker, in, in.plusSeconds(minutes * 60L), minutes, outcome);
    }

    static RegistryElder elder(String id, PriorityClass... classes) {
        return new RegistryElder(id, null, null, null, null, null, List.of(classes), null, null, null, null, null);
    }

    static CarePlanDoc carePlan(String id, String elder, int timesPerWeek) {
        return new CarePlanDoc(id, elder, VisitType.CHECK_IN, null, 60, timesPerWeek, 2, null, null, 1, 3,
                LocalDate.of(2026, 11, 1), null);
    }
}
