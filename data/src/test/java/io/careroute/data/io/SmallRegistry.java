package io.careroute.data.io;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import io.careroute.data.problem.CoordinateSystemName;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.PriorityClass;
import io.careroute.data.problem.VisitType;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.data.problem.WorkerRole;
import io.careroute.data.registry.CarePlanDoc;
import io.careroute.data.registry.MealSubscription;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryElder;
import io.careroute.data.registry.RegistryKitchen;
import io.careroute.data.registry.RegistryWorker;
import io.careroute.data.registry.TimeOfDayWindow;
import io.careroute.data.registry.WeekDay;
import io.careroute.solver.domain.TravelMode;

/**
 * A small register that uses every field a centre fills in (GCJ-02 points, several classes, a paired worker, leave,
 * skipped dates, certificates, weekly and contract hours, a two-worker bath), in the shapes a workbook reads back
 * exactly (a list is absent or has items). Invented people.
 */
final class SmallRegistry {

    static final String NAME = "王秀英";
    static final String PHONE = "13800000001";
    static final String ADDRESS = "黄浦区福州路 100 弄 3 号";
    static final List<WeekDay> WEEKDAYS = List.of(WeekDay.MON, WeekDay.TUE, WeekDay.WED, WeekDay.THU, WeekDay.FRI);

    private SmallRegistry() {
    }

    static RegistryDocument document() {
        RegistryKitchen kitchen = new RegistryKitchen("K1", new LocationDoc(31.2304, 121.4737), 5, 45, List.of(
                new RegistryKitchen.Batch("K1-LUNCH", LocalTime.of(10, 40), 100, WEEKDAYS),
                new RegistryKitchen.Batch("K1-DINNER", LocalTime.of(16, 30, 15), null,
                        List.of(WeekDay.FRI, WeekDay.SAT, WeekDay.SUN, WeekDay.MON))));
        RegistryElder wang = new RegistryElder("E1", new LocationDoc(31.23351, 121.47128), NAME, PHONE, ADDRESS, null,
                List.of(PriorityClass.DISABLED, PriorityClass.ALONE), 4, "F", List.of("C2"), "C1", List.of("V1"));
        RegistryElder li = new RegistryElder("E2", new LocationDoc(31.2351, 121.4699), "李建国", null, null, null,
                List.of(PriorityClass.VERY_OLD), null, null, null, null, null);
        RegistryWorker carer = new RegistryWorker("C1", WorkerRole.CARE_WORKER, TravelMode.EBIKE, "F",
                new LocationDoc(31.2320, 121.4720), new LocationDoc(31.2321, 121.4721),
                List.of(new RegistryWorker.WeeklyShift(WEEKDAYS, LocalTime.of(8, 0), LocalTime.of(12, 0)),
                        new RegistryWorker.WeeklyShift(List.of(WeekDay.TUE, WeekDay.THU), LocalTime.of(13, 0),
                                LocalTime.of(17, 0))),
                List.of(new RegistryWorker.Absence(OffsetDateTime.parse("2026-12-02T00:00:00+08:00"),
                                OffsetDateTime.parse("2026-12-04T00:00:00+08:00")),
                        new RegistryWorker.Absence(OffsetDateTime.parse("2026-12-07T09:30:00+08:00"),
                                OffsetDateTime.parse("2026-12-07T11:00:00Z"))),
                0, List.of(new WorkerDoc.SkillDoc("BATHING", LocalDate.of(2027, 6, 30)),
                        new WorkerDoc.SkillDoc("CLEANING", null)), 35.5, null, null, 40.0, null);
        RegistryWorker second = new RegistryWorker("C2", WorkerRole.CARE_WORKER, TravelMode.FOOT, "F",
                new LocationDoc(31.2320, 121.4720), null,
                List.of(new RegistryWorker.WeeklyShift(List.of(WeekDay.FRI), LocalTime.of(8, 0), LocalTime.of(12, 0))),
                null, null, List.of(new WorkerDoc.SkillDoc("BATHING", LocalDate.of(2027, 1, 31))), 30.0, null, null,
                20.0, null);
        RegistryWorker volunteer = new RegistryWorker("V1", WorkerRole.VOLUNTEER, TravelMode.FOOT, "M",
                new LocationDoc(31.2340, 121.4710), null,
                List.of(new RegistryWorker.WeeklyShift(List.of(WeekDay.TUE, WeekDay.THU), LocalTime.of(9, 0),
                        LocalTime.of(11, 30))), null, 4, null, 0.0, 2.5, 5.0, null, 1.5);
        MealSubscription lunch = new MealSubscription("S1", "E1", "K1", "K1-LUNCH", 2, WEEKDAYS,
                new TimeOfDayWindow(LocalTime.of(11, 0), LocalTime.of(12, 0)), 3, LocalDate.of(2026, 11, 1),
                LocalDate.of(2027, 3, 31), List.of(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 5)));
        MealSubscription dinner = new MealSubscription("S2", "E2", "K1", "K1-DINNER", null, List.of(WeekDay.FRI),
                new TimeOfDayWindow(LocalTime.of(17, 0), LocalTime.of(18, 0)), null, null, null, null);
        CarePlanDoc checkIn = new CarePlanDoc("CP1", "E1", VisitType.CHECK_IN, null, 30, 2, 2, WEEKDAYS,
                new TimeOfDayWindow(LocalTime.of(9, 0), LocalTime.of(11, 30)), null, 3, LocalDate.of(2026, 11, 1), null);
        CarePlanDoc bath = new CarePlanDoc("CP2", "E1", VisitType.BATHING, List.of("BATHING"), 90, 1, null,
                List.of(WeekDay.FRI), new TimeOfDayWindow(LocalTime.of(9, 0), LocalTime.of(12, 0)), 2, 4, null,
                LocalDate.of(2027, 6, 30));
        CarePlanDoc cleaning = new CarePlanDoc("CP3", "E2", VisitType.CLEANING, null, 60, 1, null, null,
                new TimeOfDayWindow(LocalTime.of(14, 0), LocalTime.of(16, 0)), 1, null, null, null);
        return new RegistryDocument("Asia/Shanghai", CoordinateSystemName.GCJ02, List.of(kitchen), List.of(wang, li),
                List.of(carer, second, volunteer), List.of(lunch, dinner), List.of(checkIn, bath, cleaning));
    }
}
