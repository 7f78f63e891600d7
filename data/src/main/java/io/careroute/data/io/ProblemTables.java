package io.careroute.data.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.KitchenDoc;
import io.careroute.data.problem.PlanDay;
import io.careroute.data.problem.ProblemDocument;

/**
 * Turns the text tables of a workbook or CSV folder into a problem document: finds which table is which, reads
 * the settings first (times of day need the plan date), then every row of every sheet. A row with a bad cell is
 * reported and left out; every good row is kept.
 */
final class ProblemTables {

    private final ImportErrors errors;
    private final SourceMap sources;
    private final LayoutTables<TableKind> tables;

    private ProblemTables() {
        this.errors = new ImportErrors();
        this.sources = new SourceMap();
        this.tables = new LayoutTables<>(TableKind.class, errors);
    }

    static ImportResult read(List<SourceTable> sourceTables, List<InputError> earlierErrors) {
        ProblemTables reader = new ProblemTables();
        reader.tables.sort(sourceTables);
        ProblemDocument document = reader.document();
        List<InputError> all = new ArrayList<>(earlierErrors);
        all.addAll(reader.errors.list());
        return new ImportResult(document, all, reader.sources);
    }

    private ProblemDocument document() {
        EntityRows.Settings settings = settings();
        PlanDay day = settings.planDay();
        List<KitchenDoc> kitchens = rows(TableKind.KITCHENS, EntityRows::kitchen);
        kitchens = kitchens == null ? null : withBatches(kitchens, day);
        return new ProblemDocument(settings.date(), settings.timeZone(), settings.coordinateSystem(), kitchens,
                rows(TableKind.ELDERS, EntityRows::elder),
                rows(TableKind.WORKERS, r -> EntityRows.worker(r, day)),
                rows(TableKind.DELIVERIES, r -> EntityRows.delivery(r, day)),
                rows(TableKind.VISITS, r -> EntityRows.visit(r, day)));
    }

    /**
     * The one settings row. Its date is required here, not only by the validator: every time of day in the file
     * is read on it, so without it nothing else can be read.
     */
    private EntityRows.Settings settings() {
        EntityRows.Settings none = new EntityRows.Settings(null, null, null);
        SourceTable table = tables.table(TableKind.SETTINGS);
        if (table == null) {
            errors.source(TableKind.SETTINGS.sheetName(), "import.missingSettings");
            return none;
        }
        List<RowCells> rows = cells(TableKind.SETTINGS);
        if (rows.size() != 1) {
            errors.source(table.name(), "import.oneRowOnly");
            return none;
        }
        RowCells row = rows.get(0);
        EntityRows.Settings settings = EntityRows.settings(row);
        if (settings.date() == null && row.ok()) {
            errors.cell(table.name(), row.rowNumber(), header(TableKind.SETTINGS).header("date"), "error.required");
            return none;
        }
        sources.put(TableKind.SETTINGS, new SourceMap.Sheet(table.name(), header(TableKind.SETTINGS), List.of(row.rowNumber())));
        return row.ok() ? settings : none;
    }

    /** The good rows of a sheet as entities; null when the file has no such sheet (as a missing list in JSON). */
    private <T> List<T> rows(TableKind kind, Function<RowCells, T> entity) {
        LayoutTables.Good<T> good = tables.rows(kind, entity);
        if (good == null) {
            return null;
        }
        sources.put(kind, new SourceMap.Sheet(tables.table(kind).name(), header(kind), good.rowNumbers()));
        return good.items();
    }

    /** Meal batches sit on their own sheet, each naming its kitchen; they are attached in sheet order. */
    private List<KitchenDoc> withBatches(List<KitchenDoc> kitchens, PlanDay day) {
        Set<String> kitchenIds = tables.allIds(TableKind.KITCHENS);
        Map<String, List<KitchenDoc.BatchDoc>> batches = new LinkedHashMap<>();
        Map<String, List<Integer>> batchRows = new LinkedHashMap<>();
        TableHeader header = header(TableKind.BATCHES);
        for (RowCells row : cells(TableKind.BATCHES)) {
            String kitchenId = row.text("kitchenId");
            KitchenDoc.BatchDoc batch = EntityRows.batch(row, day);
            if (kitchenId == null) {
                errors.cell(header.source(), row.rowNumber(), header.header("kitchenId"), "error.required");
                continue;
            }
            if (!kitchenIds.contains(kitchenId)) {
                errors.cell(header.source(), row.rowNumber(), header.header("kitchenId"), "error.unknownReference",
                        Text.of("kind.kitchen"), kitchenId);
                continue;
            }
            if (row.ok()) {
                batches.computeIfAbsent(kitchenId, k -> new ArrayList<>()).add(batch);
                batchRows.computeIfAbsent(kitchenId, k -> new ArrayList<>()).add(row.rowNumber());
            }
        }
        if (header != null) {
            sources.put(TableKind.BATCHES, new SourceMap.Sheet(header.source(), header, List.of()));
        }
        List<KitchenDoc> withBatches = new ArrayList<>();
        for (int i = 0; i < kitchens.size(); i++) {
            KitchenDoc k = kitchens.get(i);
            sources.putBatchRows(i, batchRows.getOrDefault(k.id(), List.of()));
            List<KitchenDoc.BatchDoc> own = batches.get(k.id());
            withBatches.add(new KitchenDoc(k.id(), k.location(), k.loadingMinutes(), k.maxMinutesFromKitchen(),
                    own == null ? null : List.copyOf(own)));
        }
        return withBatches;
    }

    private TableHeader header(TableKind kind) {
        return tables.header(kind);
    }

    private List<RowCells> cells(TableKind kind) {
        return tables.cells(kind);
    }
}
