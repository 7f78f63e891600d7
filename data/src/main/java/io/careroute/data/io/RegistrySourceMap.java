package io.careroute.data.io;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.careroute.data.i18n.Text;

/**
 * Where each entry of an imported register came from, so that a finding named by registry.json path
 * ({@code carePlans[4].timesPerWeek}, {@code workers[2].weeklyShifts[1].end}) is shown where the user looks:
 * {@code 照护计划 第 6 行 每周次数}, {@code 班次 第 5 行 结束时间}.
 */
public final class RegistrySourceMap {

    private static final Pattern PATH = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?(.*)");
    private static final Pattern CHILD = Pattern.compile("\\.(batches|weeklyShifts|absences)(?:\\[(\\d+)])?(.*)");
    private static final Pattern PROPERTY = Pattern.compile("\\.([A-Za-z]+)(?:\\[\\d+])?(?:\\.([A-Za-z]+))?.*");
    private static final Map<String, RegistryTableKind> LISTS = Map.of("kitchens", RegistryTableKind.KITCHENS,
            "elders", RegistryTableKind.ELDERS, "workers", RegistryTableKind.WORKERS,
            "mealSubscriptions", RegistryTableKind.MEAL_SUBSCRIPTIONS, "carePlans", RegistryTableKind.CARE_PLANS);
    private static final Map<String, RegistryTableKind> CHILDREN = Map.of("batches", RegistryTableKind.BATCHES,
            "weeklyShifts", RegistryTableKind.WEEKLY_SHIFTS, "absences", RegistryTableKind.ABSENCES);

    /** One sheet: its name and header as the file has them, and the row of each entry taken into the document. */
    private record Sheet(String source, TableHeader header, List<Integer> rows) {
    }

    private final Map<RegistryTableKind, Sheet> sheets = new EnumMap<>(RegistryTableKind.class);
    private final Map<RegistryTableKind, Map<Integer, List<Integer>>> childRows = new EnumMap<>(RegistryTableKind.class);

    RegistrySourceMap() {
    }

    void put(RegistryTableKind kind, String source, TableHeader header, List<Integer> rows) {
        sheets.put(kind, new Sheet(source, header, List.copyOf(rows)));
    }

    void putChildRows(RegistryTableKind kind, int parentIndex, List<Integer> rows) {
        childRows.computeIfAbsent(kind, k -> new HashMap<>()).put(parentIndex, List.copyOf(rows));
    }

    /** The cell a registry.json path points at; the path itself when it points at nothing in the file. */
    public Text field(String path) {
        Matcher top = PATH.matcher(path);
        if (!top.matches()) {
            return Text.plain(path);
        }
        String name = top.group(1);
        if (name.equals("timeZone") || name.equals("coordinateSystem")) {
            return settingsField(name);
        }
        RegistryTableKind kind = LISTS.get(name);
        if (kind == null) {
            return Text.plain(path);
        }
        if (top.group(2) == null) {
            return Text.concat(sheetName(kind));
        }
        int index = Integer.parseInt(top.group(2));
        String rest = top.group(3);
        Sheet sheet = sheets.get(kind);
        if (sheet == null || index >= sheet.rows().size()) {
            return Text.plain(path);
        }
        int row = sheet.rows().get(index);
        Matcher child = CHILD.matcher(rest);
        if (child.matches() && (kind == RegistryTableKind.KITCHENS || kind == RegistryTableKind.WORKERS)) {
            RegistryTableKind childKind = CHILDREN.get(child.group(1));
            if (child.group(2) == null) {
                // The list as a whole (a worker with no shift): the parent's row, under the child sheet's name.
                return ImportErrors.cellField(sheet.source(), row, sheetName(childKind));
            }
            List<Integer> rows = childRows.getOrDefault(childKind, Map.of()).get(index);
            int c = Integer.parseInt(child.group(2));
            Sheet childSheet = sheets.get(childKind);
            if (rows == null || c >= rows.size() || childSheet == null) {
                return Text.plain(path);
            }
            return cellOrRow(childKind, childSheet, rows.get(c), child.group(3));
        }
        return cellOrRow(kind, sheet, row, rest);
    }

    private Text settingsField(String key) {
        Sheet settings = sheets.get(RegistryTableKind.SETTINGS);
        if (settings == null || settings.rows().isEmpty()) {
            return ImportErrors.columnField(sheetName(RegistryTableKind.SETTINGS),
                    RegistryTableKind.SETTINGS.column(key).orElseThrow().header());
        }
        return ImportErrors.cellField(settings.source(), settings.rows().get(0), settings.header().translatedHeader(key));
    }

    private static Text cellOrRow(RegistryTableKind kind, Sheet sheet, int row, String rest) {
        String key = columnKey(kind, rest);
        if (key == null || kind.column(key).isEmpty()) {
            return ImportErrors.rowField(sheet.source(), row);
        }
        return ImportErrors.cellField(sheet.source(), row, sheet.header().translatedHeader(key));
    }

    /**
     * {@code .window.end} → window; {@code .location.lon} → lon; a worker's {@code .start.lat} → startLat (a
     * shift's {@code .start} is its own column); {@code .priorityClass} → priorityClasses.
     */
    private static String columnKey(RegistryTableKind kind, String rest) {
        Matcher property = PROPERTY.matcher(rest);
        if (!property.matches()) {
            return null;
        }
        String name = property.group(1);
        boolean longitude = "lon".equals(property.group(2));
        return switch (name) {
            case "location" -> longitude ? "lon" : "lat";
            case "start", "end" -> kind == RegistryTableKind.WORKERS ? name + (longitude ? "Lon" : "Lat") : name;
            case "priorityClass" -> "priorityClasses";
            default -> name;
        };
    }

    private Object sheetName(RegistryTableKind kind) {
        Sheet sheet = sheets.get(kind);
        return sheet != null ? sheet.source() : kind.sheetName();
    }
}
