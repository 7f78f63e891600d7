package io.careroute.data.io;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.registry.CarePlanDoc;
import io.careroute.data.registry.MealSubscription;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryElder;
import io.careroute.data.registry.RegistryKitchen;
import io.careroute.data.registry.RegistryWorker;

/**
 * Writes a register as a workbook in the register layout ({@link RegistryTableKind}), so that reading it back gives
 * the same register: the template a centre fills in. Headers and fixed values in the messages' language.
 */
final class RegistryWorkbookWriter {

    private static final Set<String> NUMERIC = Set.of("lat", "lon", "startLat", "startLon", "endLat", "endLon",
            "loadingMinutes", "maxMinutesFromKitchen", "boxes", "careGrade", "capacityBoxes", "costPerHour",
            "maxHoursPerDay", "maxHoursPerWeek", "contractHoursPerWeek", "maxKmFromHome", "handoverMinutes",
            "durationMinutes", "timesPerWeek", "minDaysApart", "workersNeeded", "priority");

    private final Messages messages;
    private final ZoneId zone;
    private final SheetWriter sheets;

    private RegistryWorkbookWriter(ZoneId zone, Messages messages, SheetWriter sheets) {
        this.messages = messages;
        this.zone = zone;
        this.sheets = sheets;
    }

    static void write(RegistryDocument registry, OutputStream out, Messages messages) throws IOException {
        ZoneId zone;
        try {
            zone = ZoneId.of(registry.timeZoneOrDefault());
        } catch (java.time.DateTimeException e) {
            zone = ZoneId.of("Asia/Shanghai");   // an unknown zone is written as given, and refused when read back
        }
        try (SheetWriter sheets = new SheetWriter(messages)) {
            new RegistryWorkbookWriter(zone, messages, sheets).fill(registry);
            sheets.write(out);
        }
    }

    private void fill(RegistryDocument r) {
        sheet(RegistryTableKind.SETTINGS, List.of(Arrays.asList(r.timeZone(), r.coordinateSystem() == null ? null
                : ValueLabels.COORDINATES.write(r.coordinateSystem(), messages))));
        List<List<Object>> kitchens = new ArrayList<>();
        List<List<Object>> batches = new ArrayList<>();
        for (RegistryKitchen k : r.kitchensOrEmpty()) {
            kitchens.add(Arrays.asList(k.id(), lat(k.location()), lon(k.location()), k.loadingMinutes(),
                    k.maxMinutesFromKitchen()));
            for (RegistryKitchen.Batch b : k.batchesOrEmpty()) {
                batches.add(Arrays.asList(k.id(), b.id(), RegistryCellValues.writeClock(b.readyTime()), b.boxes(),
                        RegistryCellValues.writeWeekDays(b.days(), messages)));
            }
        }
        sheet(RegistryTableKind.KITCHENS, kitchens);
        sheet(RegistryTableKind.BATCHES, batches);
        sheet(RegistryTableKind.ELDERS, r.eldersOrEmpty().stream().map(this::elder).toList());
        List<List<Object>> workers = new ArrayList<>();
        List<List<Object>> shifts = new ArrayList<>();
        List<List<Object>> absences = new ArrayList<>();
        for (RegistryWorker w : r.workersOrEmpty()) {
            workers.add(worker(w));
            for (RegistryWorker.WeeklyShift s : w.weeklyShiftsOrEmpty()) {
                shifts.add(Arrays.asList(w.id(), RegistryCellValues.writeWeekDays(s.days(), messages),
                        RegistryCellValues.writeClock(s.start()), RegistryCellValues.writeClock(s.end())));
            }
            for (RegistryWorker.Absence a : w.absencesOrEmpty()) {
                absences.add(Arrays.asList(w.id(), RegistryCellValues.writeMoment(a.start(), zone),
                        RegistryCellValues.writeMoment(a.end(), zone)));
            }
        }
        sheet(RegistryTableKind.WORKERS, workers);
        sheet(RegistryTableKind.WEEKLY_SHIFTS, shifts);
        sheet(RegistryTableKind.ABSENCES, absences);
        sheet(RegistryTableKind.MEAL_SUBSCRIPTIONS, r.mealSubscriptionsOrEmpty().stream().map(this::subscription).toList());
        sheet(RegistryTableKind.CARE_PLANS, r.carePlansOrEmpty().stream().map(this::carePlan).toList());
        sheets.readme("template.registry.readme");
    }

    private List<Object> elder(RegistryElder e) {
        return Arrays.asList(e.id(), e.name(), e.phone(), e.address(), lat(e.location()), lon(e.location()),
                RegistryCellValues.writeLabels(e.classesOrEmpty(), ValueLabels.PRIORITY, messages), e.careGrade(),
                e.requiredWorkerGender() == null ? null : gender(e.requiredWorkerGender()),
                CellValues.writeList(e.preferredWorkers()), e.pairedWorker(), CellValues.writeList(e.refusedWorkers()));
    }

    private List<Object> worker(RegistryWorker w) {
        return Arrays.asList(w.id(), w.role() == null ? null : ValueLabels.ROLE.write(w.role(), messages),
                w.mode() == null ? null : ValueLabels.MODE.write(w.mode(), messages),
                w.gender() == null ? null : gender(w.gender()),
                lat(w.start()), lon(w.start()), lat(w.end()), lon(w.end()), w.capacityBoxes(),
                CellValues.writeSkills(w.skills()), w.costPerHour(), w.maxHoursPerDay(), w.maxHoursPerWeek(),
                w.contractHoursPerWeek(), w.maxKmFromHome());
    }

    private List<Object> subscription(MealSubscription s) {
        return Arrays.asList(s.id(), s.elderId(), s.kitchenId(), s.batchId(), s.boxes(),
                RegistryCellValues.writeWeekDays(s.days(), messages), RegistryCellValues.writeClockWindow(s.window()),
                s.handoverMinutes(), date(s.from()), date(s.until()), RegistryCellValues.writeDates(s.skipDates()));
    }

    private List<Object> carePlan(CarePlanDoc p) {
        return Arrays.asList(p.id(), p.elderId(), p.type() == null ? null : ValueLabels.VISIT_TYPE.write(p.type(), messages),
                CellValues.writeList(p.requiredSkills()), p.durationMinutes(), p.timesPerWeek(), p.minDaysApart(),
                RegistryCellValues.writeWeekDays(p.days(), messages), RegistryCellValues.writeClockWindow(p.window()),
                p.workersNeeded(), p.priority(), date(p.from()), date(p.until()));
    }

    /** A gender the validator would refuse is written as given, so that the error can be found in the sheet. */
    private String gender(String code) {
        try {
            return ValueLabels.GENDER.write(ValueLabels.GENDER.parse(code), messages);
        } catch (BadValue unknown) {
            return code;
        }
    }

    private void sheet(RegistryTableKind kind, List<List<Object>> rows) {
        sheets.sheet(kind, rows, NUMERIC);
    }

    private static String date(java.time.LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static Double lat(LocationDoc location) {
        return location == null ? null : location.lat();
    }

    private static Double lon(LocationDoc location) {
        return location == null ? null : location.lon();
    }
}
