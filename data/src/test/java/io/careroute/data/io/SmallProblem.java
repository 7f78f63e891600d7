package io.careroute.data.io;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.careroute.data.problem.CoordinateSystemName;
import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.KitchenDoc;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.PriorityClass;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.VisitType;
import io.careroute.data.problem.WindowDoc;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.data.problem.WorkerRole;
import io.careroute.solver.domain.TravelMode;

/**
 * A small, valid problem built by hand that uses every column of the workbook layout: two meal batches, elders
 * with and without preferences, a volunteer without an end place, a care worker with split shifts and a
 * certificate, and a visit window that runs past midnight. Blank cells read back as absent values, so lists
 * that are not given are null here, not empty.
 */
final class SmallProblem {

    static final String NAME = "王秀英";
    static final String PHONE = "13800000001";
    static final String ADDRESS = "黄浦区福州路 101 弄 3 号";
    static final double HOME_LAT = 31.23456;

    private SmallProblem() {
    }

    static OffsetDateTime at(String time) {
        return OffsetDateTime.parse("2026-11-24T" + time + "+08:00");
    }

    static WindowDoc window(String start, String end) {
        return new WindowDoc(at(start), at(end));
    }

    static ProblemDocument document() {
        LocationDoc kitchen = new LocationDoc(31.2304, 121.4737);
        return new ProblemDocument(LocalDate.of(2026, 11, 24), "Asia/Shanghai", CoordinateSystemName.GCJ02,
                List.of(new KitchenDoc("K1", kitchen, 5, 45, List.of(
                        new KitchenDoc.BatchDoc("K1-LUNCH", at("10:45:00"), 3),
                        new KitchenDoc.BatchDoc("K1-DINNER", at("16:30:00"), 1)))),
                List.of(new ElderDoc("E1", new LocationDoc(HOME_LAT, 121.47501), NAME, PHONE, ADDRESS,
                                PriorityClass.DISABLED, "F", List.of("W1"), List.of("C1")),
                        new ElderDoc("E2", new LocationDoc(31.2311, 121.4702), "李建国", "021-63210000", "黄浦区汉口路 8 号",
                                PriorityClass.ALONE, null, null, null),
                        new ElderDoc("E3", new LocationDoc(31.229, 121.476), "张美华", "13900000003", "黄浦区九江路 77 号",
                                PriorityClass.REGULAR, null, null, null)),
                List.of(new WorkerDoc("W1", WorkerRole.PROPERTY_STAFF, TravelMode.EBIKE, "F", kitchen, kitchen,
                                List.of(window("10:15:00", "13:15:00")), 12, null, 28.0, null, null),
                        new WorkerDoc("W2", WorkerRole.VOLUNTEER, TravelMode.FOOT, "M", new LocationDoc(31.235, 121.47), null,
                                List.of(window("10:30:00", "12:30:00")), 6, null, 0.0, 3.0, 2.5),
                        new WorkerDoc("C1", WorkerRole.CARE_WORKER, TravelMode.FOOT, "M", new LocationDoc(31.233, 121.472),
                                new LocationDoc(31.233, 121.472),
                                List.of(window("08:00:00", "12:00:00"), window("13:00:00", "17:00:00")), 0,
                                List.of(new WorkerDoc.SkillDoc("BATHING", LocalDate.of(2027, 6, 30)),
                                        new WorkerDoc.SkillDoc("CLEANING", null)), 35.0, null, null)),
                List.of(new DeliveryDoc("O1", "E1", "K1", "K1-LUNCH", 1, List.of(window("11:00:00", "12:00:00")), 2),
                        new DeliveryDoc("O2", "E2", "K1", "K1-LUNCH", 2, List.of(window("11:15:30", "12:15:00")), null),
                        new DeliveryDoc("O3", "E3", "K1", "K1-DINNER", 1, List.of(window("17:00:00", "18:00:00")), 2)),
                List.of(new VisitDoc("V1", "E1", VisitType.BATHING, List.of("BATHING"), 90,
                                List.of(window("09:00:00", "11:00:00"), window("14:00:00", "16:00:00")), 3, false, 1, "C1"),
                        new VisitDoc("V2", "E3", VisitType.CHECK_IN, null, 30,
                                List.of(new WindowDoc(at("23:30:00"), OffsetDateTime.parse("2026-11-25T00:30:00+08:00"))),
                                5, true, null, null)));
    }
}
