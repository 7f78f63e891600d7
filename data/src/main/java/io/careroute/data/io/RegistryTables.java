package io.careroute.data.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.registry.CarePlanDoc;
import io.careroute.data.registry.MealSubscription;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryElder;
import io.careroute.data.registry.RegistryKitchen;
import io.careroute.data.registry.RegistryWorker;

/**
 * Turns the text tables of a register workbook or CSV folder into a {@link RegistryDocument}: the settings first
 * (leave is read in the register's zone), then every sheet, children attached to their parents in sheet order.
 * Every bad cell is reported; a caller refuses the file when there is any (the document then holds only the good
 * rows, never to be used as the register).
 */
final class RegistryTables {

    private final ImportErrors errors = new ImportErrors();
    private final RegistrySourceMap sources = new RegistrySourceMap();
    private final LayoutTables<RegistryTableKind> tables = new LayoutTables<>(RegistryTableKind.class, errors);
    /** Per child sheet, per parent id: the rows its good children came from. */
    private final Map<RegistryTableKind, Map<String, List<Integer>>> childRows = new LinkedHashMap<>();

    private RegistryTables() {
    }

    static RegistryImport read(SourceTables source) {
        if (source.unreadable()) {
            return new RegistryImport(null, source.errors(), new RegistrySourceMap());
        }
        RegistryTables reader = new RegistryTables();
        reader.tables.sort(source.tables());
        RegistryDocument document = reader.document();
        List<InputError> all = new ArrayList<>(source.errors());
        all.addAll(reader.errors.list());
        return new RegistryImport(document, all, reader.sources);
    }

    private RegistryDocument document() {
        RegistryRows.Settings settings = settings();
        List<RegistryKitchen> kitchens = withBatches(rows(RegistryTableKind.KITCHENS, RegistryRows::kitchen));
        List<RegistryElder> elders = rows(RegistryTableKind.ELDERS, RegistryRows::elder);
        List<RegistryWorker> workers = withShiftsAndLeave(rows(RegistryTableKind.WORKERS, RegistryRows::worker),
                settings);
        List<MealSubscription> subscriptions = rows(RegistryTableKind.MEAL_SUBSCRIPTIONS, RegistryRows::subscription);
        List<CarePlanDoc> carePlans = rows(RegistryTableKind.CARE_PLANS, RegistryRows::carePlan);
        return new RegistryDocument(settings.timeZone(), settings.coordinateSystem(), kitchens, elders, workers,
                subscriptions, carePlans);
    }

    /** The settings are optional (Asia/Shanghai, WGS-84); when the sheet is there it has one row at most. */
    private RegistryRows.Settings settings() {
        RegistryRows.Settings none = new RegistryRows.Settings(null, null);
        SourceTable table = tables.table(RegistryTableKind.SETTINGS);
        if (table == null) {
            return none;
        }
        List<RowCells> rows = tables.cells(RegistryTableKind.SETTINGS);
        if (rows.size() > 1) {
            errors.source(table.name(), "import.registry.oneRowOnly");
            return none;
        }
        if (rows.isEmpty()) {
            return none;
        }
        RowCells row = rows.get(0);
        RegistryRows.Settings settings = RegistryRows.settings(row);
        sources.put(RegistryTableKind.SETTINGS, table.name(), tables.header(RegistryTableKind.SETTINGS),
                List.of(row.rowNumber()));
        return row.ok() ? settings : none;
    }

    private <T> List<T> rows(RegistryTableKind kind, Function<RowCells, T> entity) {
        LayoutTables.Good<T> good = tables.rows(kind, entity);
        if (good == null) {
            return null;
        }
        sources.put(kind, tables.table(kind).name(), tables.header(kind), good.rowNumbers());
        return good.items();
    }

    private List<RegistryKitchen> withBatches(List<RegistryKitchen> kitchens) {
        if (kitchens == null) {
            return null;
        }
        Map<String, List<RegistryKitchen.Batch>> batches = children(RegistryTableKind.BATCHES, "kitchenId",
                RegistryTableKind.KITCHENS, "kind.kitchen", RegistryRows::batch);
        List<RegistryKitchen> all = new ArrayList<>();
        for (int i = 0; i < kitchens.size(); i++) {
            RegistryKitchen k = kitchens.get(i);
            List<RegistryKitchen.Batch> own = batches.get(k.id());
            sources.putChildRows(RegistryTableKind.BATCHES, i, childRows(RegistryTableKind.BATCHES, k.id()));
            all.add(new RegistryKitchen(k.id(), k.location(), k.loadingMinutes(), k.maxMinutesFromKitchen(),
                    own == null ? null : List.copyOf(own)));
        }
        return all;
    }

    private List<RegistryWorker> withShiftsAndLeave(List<RegistryWorker> workers, RegistryRows.Settings settings) {
        if (workers == null) {
            return null;
        }
        Map<String, List<RegistryWorker.WeeklyShift>> shifts = children(RegistryTableKind.WEEKLY_SHIFTS, "workerId",
                RegistryTableKind.WORKERS, "kind.worker", RegistryRows::shift);
        Map<String, List<RegistryWorker.Absence>> absences = children(RegistryTableKind.ABSENCES, "workerId",
                RegistryTableKind.WORKERS, "kind.worker", r -> RegistryRows.absence(r, settings.zone()));
        List<RegistryWorker> all = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            RegistryWorker w = workers.get(i);
            sources.putChildRows(RegistryTableKind.WEEKLY_SHIFTS, i, childRows(RegistryTableKind.WEEKLY_SHIFTS, w.id()));
            sources.putChildRows(RegistryTableKind.ABSENCES, i, childRows(RegistryTableKind.ABSENCES, w.id()));
            List<RegistryWorker.WeeklyShift> ownShifts = shifts.get(w.id());
            List<RegistryWorker.Absence> ownAbsences = absences.get(w.id());
            all.add(new RegistryWorker(w.id(), w.role(), w.mode(), w.gender(), w.start(), w.end(),
                    ownShifts == null ? null : List.copyOf(ownShifts),
                    ownAbsences == null ? null : List.copyOf(ownAbsences), w.capacityBoxes(), w.skills(),
                    w.costPerHour(), w.maxHoursPerDay(), w.maxHoursPerWeek(), w.contractHoursPerWeek(),
                    w.maxKmFromHome()));
        }
        return all;
    }

    /**
     * The good rows of a child sheet by their parent's id, in sheet order. A row naming no parent, or one the parent
     * sheet does not have (good or bad: a bad parent row is reported once, at its own cell), is an error at its cell.
     */
    private <C> Map<String, List<C>> children(RegistryTableKind kind, String parentKey, RegistryTableKind parentKind,
                                              String parentKindKey, Function<RowCells, C> entity) {
        Set<String> parentIds = tables.allIds(parentKind);
        Map<String, List<C>> byParent = new LinkedHashMap<>();
        Map<String, List<Integer>> rows = childRows.computeIfAbsent(kind, k -> new LinkedHashMap<>());
        TableHeader header = tables.header(kind);
        for (RowCells row : tables.cells(kind)) {
            String parent = row.text(parentKey);
            C child = entity.apply(row);
            if (parent == null) {
                errors.cell(header.source(), row.rowNumber(), header.header(parentKey), "error.required");
            } else if (!parentIds.contains(parent)) {
                errors.cell(header.source(), row.rowNumber(), header.header(parentKey), "error.unknownReference",
                        Text.of(parentKindKey), parent);
            } else if (row.ok()) {
                byParent.computeIfAbsent(parent, p -> new ArrayList<>()).add(child);
                rows.computeIfAbsent(parent, p -> new ArrayList<>()).add(row.rowNumber());
            }
        }
        if (header != null) {
            sources.put(kind, header.source(), header, List.of());
        }
        return byParent;
    }

    private List<Integer> childRows(RegistryTableKind kind, String parentId) {
        return childRows.getOrDefault(kind, Map.of()).getOrDefault(parentId, List.of());
    }
}
