package io.careroute.data.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.KitchenDoc;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.PlanDay;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.WorkerDoc;

/**
 * Writes a problem as a workbook in the import layout, so that reading it back gives the same document. Headers
 * and fixed values are in the messages' language (Chinese by default); text columns are formatted as text so
 * that Excel keeps ids like {@code 007} and windows like {@code 11:00-12:00} as typed.
 */
final class ProblemWorkbookWriter {

    private static final Set<String> NUMERIC = Set.of("lat", "lon", "startLat", "startLon", "endLat", "endLon",
            "loadingMinutes", "maxMinutesFromKitchen", "boxes", "capacityBoxes", "costPerHour", "maxHoursPerDay",
            "maxKmFromHome", "handoverMinutes", "durationMinutes", "priority", "workersNeeded");

    private final Messages messages;
    private final PlanDay day;
    private final SheetWriter sheets;

    private ProblemWorkbookWriter(ProblemDocument problem, Messages messages, SheetWriter sheets) {
        this.messages = messages;
        this.day = problem.date() == null ? null : PlanDay.of(problem);
        this.sheets = sheets;
    }

    static void write(ProblemDocument problem, OutputStream out, Messages messages) throws IOException {
        try (SheetWriter sheets = new SheetWriter(messages)) {
            new ProblemWorkbookWriter(problem, messages, sheets).fill(problem);
            sheets.write(out);
        }
    }

    private void fill(ProblemDocument p) {
        sheet(TableKind.SETTINGS, List.of(Arrays.asList(p.date() == null ? null : p.date().toString(), p.timeZone(),
                p.coordinateSystem() == null ? null : ValueLabels.COORDINATES.write(p.coordinateSystem(), messages))));
        List<List<Object>> kitchens = new ArrayList<>();
        List<List<Object>> batches = new ArrayList<>();
        for (KitchenDoc k : p.kitchensOrEmpty()) {
            kitchens.add(Arrays.asList(k.id(), lat(k.location()), lon(k.location()), k.loadingMinutes(), k.maxMinutesFromKitchen()));
            for (KitchenDoc.BatchDoc b : k.batchesOrEmpty()) {
                batches.add(Arrays.asList(k.id(), b.id(), CellValues.write(b.readyAt(), day), b.boxes()));
            }
        }
        sheet(TableKind.KITCHENS, kitchens);
        sheet(TableKind.BATCHES, batches);
        sheet(TableKind.ELDERS, p.eldersOrEmpty().stream().map(this::elder).toList());
        sheet(TableKind.WORKERS, p.workersOrEmpty().stream().map(this::worker).toList());
        sheet(TableKind.DELIVERIES, p.deliveriesOrEmpty().stream().map(this::delivery).toList());
        sheet(TableKind.VISITS, p.visitsOrEmpty().stream().map(this::visit).toList());
        sheets.readme("template.readme");
    }

    private List<Object> elder(ElderDoc e) {
        return Arrays.asList(e.id(), e.name(), e.phone(), e.address(), lat(e.location()), lon(e.location()),
                e.priorityClass() == null ? null : ValueLabels.PRIORITY.write(e.priorityClass(), messages),
                e.requiredWorkerGender() == null ? null : gender(e.requiredWorkerGender()),
                CellValues.writeList(e.preferredWorkers()), CellValues.writeList(e.refusedWorkers()));
    }

    private List<Object> worker(WorkerDoc w) {
        return Arrays.asList(w.id(), w.role() == null ? null : ValueLabels.ROLE.write(w.role(), messages),
                w.mode() == null ? null : ValueLabels.MODE.write(w.mode(), messages),
                w.gender() == null ? null : gender(w.gender()),
                lat(w.start()), lon(w.start()), lat(w.end()), lon(w.end()),
                CellValues.writeWindows(w.shifts(), day), w.capacityBoxes(), CellValues.writeSkills(w.skills()),
                w.costPerHour(), w.maxHoursPerDay(), w.maxKmFromHome());
    }

    private List<Object> delivery(DeliveryDoc d) {
        return Arrays.asList(d.id(), d.elderId(), d.kitchenId(), d.batchId(), d.boxes(),
                CellValues.writeWindows(d.windows(), day), d.handoverMinutes());
    }

    private List<Object> visit(VisitDoc v) {
        return Arrays.asList(v.id(), v.elderId(), v.type() == null ? null : ValueLabels.VISIT_TYPE.write(v.type(), messages),
                CellValues.writeList(v.requiredSkills()), v.durationMinutes(), CellValues.writeWindows(v.windows(), day),
                v.priority(), v.urgent() == null ? null : ValueLabels.YES_NO.write(v.urgent(), messages),
                v.workersNeeded(), v.pinnedWorkerId());
    }

    /** A gender the validator would refuse is written as given, so that the error can be found in the sheet. */
    private String gender(String code) {
        try {
            return ValueLabels.GENDER.write(ValueLabels.GENDER.parse(code), messages);
        } catch (BadValue unknown) {
            return code;
        }
    }

    private void sheet(TableKind kind, List<List<Object>> rows) {
        sheets.sheet(kind, rows, NUMERIC);
    }

    private static Double lat(LocationDoc location) {
        return location == null ? null : location.lat();
    }

    private static Double lon(LocationDoc location) {
        return location == null ? null : location.lon();
    }
}
