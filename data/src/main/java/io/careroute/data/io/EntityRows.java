package io.careroute.data.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

import io.careroute.data.problem.CoordinateSystemName;
import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.KitchenDoc;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.PlanDay;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.WorkerDoc;

/**
 * One row of each sheet as the problem.json entity it stands for. Reads every cell of the row, so every bad cell
 * is reported, not only the first; blank cells are absent values (the validator says which are required).
 * Arguments are evaluated left to right, so errors come in the order of the columns.
 */
final class EntityRows {

    private EntityRows() {
    }

    record Settings(LocalDate date, String timeZone, CoordinateSystemName coordinateSystem) {

        /** The clock that times of day are read on; null while the date or the zone is unknown. */
        PlanDay planDay() {
            if (date == null) {
                return null;
            }
            return new PlanDay(date, ZoneId.of(timeZone == null ? ProblemDocument.DEFAULT_TIME_ZONE : timeZone));
        }
    }

    static Settings settings(RowCells r) {
        return new Settings(r.value("date", CellValues::date), r.value("timeZone", EntityRows::zone),
                r.value("coordinateSystem", ValueLabels.COORDINATES::parse));
    }

    static KitchenDoc kitchen(RowCells r) {
        return new KitchenDoc(r.text("id"), location(r, "lat", "lon"), r.integer("loadingMinutes"),
                r.integer("maxMinutesFromKitchen"), null);
    }

    static KitchenDoc.BatchDoc batch(RowCells r, PlanDay day) {
        return new KitchenDoc.BatchDoc(r.text("id"), r.value("readyAt", text -> CellValues.time(text, day)), r.integer("boxes"));
    }

    static ElderDoc elder(RowCells r) {
        return new ElderDoc(r.text("id"), location(r, "lat", "lon"), r.text("name"), r.text("phone"), r.text("address"),
                r.value("priorityClass", ValueLabels.PRIORITY::parse),
                r.value("requiredWorkerGender", ValueLabels.GENDER::parse),
                r.value("preferredWorkers", CellValues::list),
                r.value("refusedWorkers", CellValues::list));
    }

    static WorkerDoc worker(RowCells r, PlanDay day) {
        return new WorkerDoc(r.text("id"), r.value("role", ValueLabels.ROLE::parse), r.value("mode", ValueLabels.MODE::parse),
                r.value("gender", ValueLabels.GENDER::parse), location(r, "startLat", "startLon"), location(r, "endLat", "endLon"),
                r.value("shifts", text -> CellValues.windows(text, day)), r.integer("capacityBoxes"),
                r.value("skills", CellValues::skills), r.decimal("costPerHour"), r.decimal("maxHoursPerDay"),
                r.decimal("maxKmFromHome"));
    }

    static DeliveryDoc delivery(RowCells r, PlanDay day) {
        return new DeliveryDoc(r.text("id"), r.text("elderId"), r.text("kitchenId"), r.text("batchId"), r.integer("boxes"),
                r.value("windows", text -> CellValues.windows(text, day)), r.integer("handoverMinutes"));
    }

    static VisitDoc visit(RowCells r, PlanDay day) {
        return new VisitDoc(r.text("id"), r.text("elderId"), r.value("type", ValueLabels.VISIT_TYPE::parse),
                r.value("requiredSkills", CellValues::list), r.integer("durationMinutes"),
                r.value("windows", text -> CellValues.windows(text, day)), r.integer("priority"),
                r.value("urgent", ValueLabels.YES_NO::parse), r.integer("workersNeeded"), r.text("pinnedWorkerId"));
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
