package io.careroute.data.sheets;

import java.time.OffsetDateTime;
import java.util.List;

import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanDocument.RouteTotals;
import io.careroute.data.plan.PlanDocument.Stop;
import io.careroute.data.plan.PlanDocument.StopKind;
import io.careroute.data.plan.PlanDocument.TaskOutcome;
import io.careroute.data.plan.PlanDocument.WorkerRoute;
import io.careroute.data.problem.CoordinateSystemName;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.WindowDoc;
import io.careroute.solver.domain.TaskKind;
import io.careroute.solver.domain.TravelMode;

/**
 * A hand-made plan for the test problem of the import tests (E1 王秀英, E2 李建国, E3 张美华): W1 takes O1 and O2
 * on two trips, C1 bathes E1, W2 has nothing to do, O3 and V2 are unassigned.
 */
final class SmallPlan {

    private static final LocationDoc KITCHEN = new LocationDoc(31.2304, 121.4737);
    private static final LocationDoc HOME = new LocationDoc(31.23, 121.47);

    private SmallPlan() {
    }

    static OffsetDateTime at(String time) {
        return OffsetDateTime.parse("2026-11-24T" + time + ":00+08:00");
    }

    private static Stop stop(StopKind kind, String taskId, String kitchenId, int travelSeconds, int travelMetres,
                             String arrival, String start, String end, int loadAfter) {
        return new Stop(kind, taskId, kitchenId, kind == StopKind.KITCHEN ? KITCHEN : HOME, travelSeconds, travelMetres,
                at(arrival), at(start), at(end), 0, loadAfter);
    }

    static PlanDocument plan() {
        WindowDoc w1Shift = new WindowDoc(at("10:15"), at("13:15"));
        WorkerRoute w1 = new WorkerRoute("W1", TravelMode.EBIKE, 12, w1Shift, List.of(w1Shift), at("10:15"), List.of(
                stop(StopKind.KITCHEN, null, "K1", 0, 0, "10:15", "10:40", "10:45", 1),
                stop(StopKind.DELIVERY, "O1", "K1", 600, 2100, "10:55", "11:00", "11:02", 0),
                stop(StopKind.KITCHEN, null, "K1", 540, 2000, "11:11", "11:11", "11:16", 2),
                stop(StopKind.DELIVERY, "O2", "K1", 420, 1500, "11:23", "11:23", "11:25", 0),
                stop(StopKind.END, null, null, 400, 1450, "11:31", "11:31", "11:31", 0)),
                new RouteTotals(2, 2, 1960, 7050, 300, at("11:31")));
        WindowDoc c1Shift = new WindowDoc(at("08:00"), at("17:00"));
        WorkerRoute c1 = new WorkerRoute("C1", TravelMode.FOOT, 0, c1Shift, List.of(c1Shift), at("08:45"), List.of(
                stop(StopKind.VISIT, "V1", null, 900, 1100, "09:00", "09:00", "10:30", 0),
                stop(StopKind.END, null, null, 900, 1100, "10:45", "10:45", "10:45", 0)),
                new RouteTotals(1, 0, 1800, 2200, 0, at("10:45")));
        WindowDoc w2Shift = new WindowDoc(at("10:30"), at("12:30"));
        WorkerRoute w2 = new WorkerRoute("W2", TravelMode.FOOT, 6, w2Shift, List.of(w2Shift), null, List.of(),
                new RouteTotals(0, 0, 0, 0, 0, null));
        List<TaskOutcome> tasks = List.of(
                outcome("O1", TaskKind.DELIVERY, "E1", 1, "W1", null),
                outcome("O2", TaskKind.DELIVERY, "E2", 2, "W1", null),
                outcome("O3", TaskKind.DELIVERY, "E3", 1, null, "未能安排：W1、W2 的班次内排不下（时间窗 17:00–18:00）"),
                outcome("V1", TaskKind.VISIT, "E1", null, "C1", null),
                outcome("V2", TaskKind.VISIT, "E3", null, null, "未能安排：C1 的班次内排不下（时间窗 23:30–00:30）"));
        return new PlanDocument("0hard/-240medium/-3760soft", true, "Asia/Shanghai", CoordinateSystemName.GCJ02,
                new PlanDocument.PlanTotals(5, 3, 2, 3, 2, 2, 3760, 9250, 300), List.of(w1, c1, w2), tasks, List.of());
    }

    private static TaskOutcome outcome(String id, TaskKind kind, String elder, Integer boxes, String worker, String reason) {
        return new TaskOutcome(id, kind, elder, List.of(), 120, boxes, boxes == null ? null : "K1", boxes == null ? null : 45,
                worker, reason, List.of());
    }
}
