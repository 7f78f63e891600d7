package io.careroute.data.io;

import java.time.DateTimeException;
import java.time.ZoneId;

import io.careroute.data.problem.CoordinateSystemName;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.registry.CarePlanDoc;
import io.careroute.data.registry.MealSubscription;
import io.careroute.data.registry.RegistryElder;
import io.careroute.data.registry.RegistryKitchen;
import io.careroute.data.registry.RegistryWorker;

/**
 * One row of each register sheet as the registry.json entity it stands for. As {@link EntityRows}: every cell of
 * the row is read, so every bad cell is reported, in the order of the columns; blank cells are absent values (the
 * validator says which are required). A kitchen's batches and a worker's shifts and leave come from their own
 * sheets and are attached afterwards.
 */
final class RegistryRows {

    private RegistryRows() {
    }

    record Settings(String timeZone, CoordinateSystemName coordinateSystem) {

        /** The zone moments of leave are read in: the register's, Asia/Shanghai unless it says otherwise. */
        ZoneId zone() {
            return ZoneId.of(timeZone == null ? "Asia/Shanghai" : timeZone);
        }
    }

    static Settings settings(RowCells r) {
        return new Settings(r.value("timeZone", RegistryRows::zone),
                r.value("coordinateSystem", ValueLabels.COORDINATES::parse));
    }

    static RegistryKitchen kitchen(RowCells r) {
        return new RegistryKitchen(r.text("id"), location(r, "lat", "lon"), r.integer("loadingMinutes"),
                r.integer("maxMinutesFromKitchen"), null);
    }

    static RegistryKitchen.Batch batch(RowCells r) {
        return new RegistryKitchen.Batch(r.text("id"), r.value("readyTime", RegistryCellValues::clock),
                r.integer("boxes"), r.value("days", RegistryCellValues::weekDays));
    }

    static RegistryElder elder(RowCells r) {
        return new RegistryElder(r.text("id"), location(r, "lat", "lon"), r.text("name"), r.text("phone"),
                r.text("address"), null,
                r.value("priorityClasses", text -> RegistryCellValues.labels(text, ValueLabels.PRIORITY)),
                r.integer("careGrade"), r.value("requiredWorkerGender", ValueLabels.GENDER::parse),
                r.value("preferredWorkers", CellValues::list), r.text("pairedWorker"),
                r.value("refusedWorkers", CellValues::list));
    }

    static RegistryWorker worker(RowCells r) {
        return new RegistryWorker(r.text("id"), r.value("role", ValueLabels.ROLE::parse),
                r.value("mode", ValueLabels.MODE::parse), r.value("gender", ValueLabels.GENDER::parse),
                location(r, "startLat", "startLon"), location(r, "endLat", "endLon"), null, null,
                r.integer("capacityBoxes"), r.value("skills", CellValues::skills), r.decimal("costPerHour"),
                r.decimal("maxHoursPerDay"), r.decimal("maxHoursPerWeek"), r.decimal("contractHoursPerWeek"),
                r.decimal("maxKmFromHome"));
    }

    static RegistryWorker.WeeklyShift shift(RowCells r) {
        return new RegistryWorker.WeeklyShift(r.value("days", RegistryCellValues::weekDays),
                r.value("start", RegistryCellValues::clock), r.value("end", RegistryCellValues::clock));
    }

    static RegistryWorker.Absence absence(RowCells r, ZoneId zone) {
        return new RegistryWorker.Absence(r.value("start", text -> RegistryCellValues.moment(text, zone, false)),
                r.value("end", text -> RegistryCellValues.moment(text, zone, true)));
    }

    static MealSubscription subscription(RowCells r) {
        return new MealSubscription(r.text("id"), r.text("elderId"), r.text("kitchenId"), r.text("batchId"),
                r.integer("boxes"), r.value("days", RegistryCellValues::weekDays),
                r.value("window", RegistryCellValues::clockWindow), r.integer("handoverMinutes"),
                r.value("from", CellValues::date), r.value("until", CellValues::date),
                r.value("skipDates", RegistryCellValues::dates));
    }

    static CarePlanDoc carePlan(RowCells r) {
        return new CarePlanDoc(r.text("id"), r.text("elderId"), r.value("type", ValueLabels.VISIT_TYPE::parse),
                r.value("requiredSkills", CellValues::list), r.integer("durationMinutes"), r.integer("timesPerWeek"),
                r.integer("minDaysApart"), r.value("days", RegistryCellValues::weekDays),
                r.value("window", RegistryCellValues::clockWindow), r.integer("workersNeeded"), r.integer("priority"),
                r.value("from", CellValues::date), r.value("until", CellValues::date));
    }

    /** Both coordinates blank: no location (the validator names it). One of them blank: the validator names that one. */
    private static LocationDoc location(RowCells r, String latKey, String lonKey) {
        Double lat = r.decimal(latKey);
        Double lon = r.decimal(lonKey);
        return lat == null && lon == null ? null : new LocationDoc(lat, lon);
    }

    private static String zone(String text) throws BadValue {
        try {
            return ZoneId.of(text).getId();
        } catch (DateTimeException e) {
            throw new BadValue("error.timeZone", text);
        }
    }
}
