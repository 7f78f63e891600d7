package io.careroute.data.io;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.careroute.data.i18n.Text;

/**
 * Where each entity of an imported document came from, so that the validator's findings, named by problem.json
 * path ({@code deliveries[11].windows[0].end}), can be shown where the user looks: {@code 送餐 第 13 行 送餐时段}.
 */
public final class SourceMap {

    private static final Pattern PATH = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?(.*)");
    private static final Pattern BATCH = Pattern.compile("\\.batches\\[(\\d+)](.*)");
    private static final Pattern PROPERTY = Pattern.compile("\\.([A-Za-z]+)(?:\\[\\d+])?(?:\\.([A-Za-z]+))?.*");

    /** One sheet: its name and header as the file has them, and the row of each entity taken into the document. */
    record Sheet(String source, TableHeader header, List<Integer> rows) {
    }

    private final Map<TableKind, Sheet> sheets = new EnumMap<>(TableKind.class);
    private final Map<Integer, List<Integer>> batchRowsByKitchen = new HashMap<>();

    SourceMap() {
    }

    void put(TableKind kind, Sheet sheet) {
        sheets.put(kind, sheet);
    }

    void putBatchRows(int kitchenIndex, List<Integer> rows) {
        batchRowsByKitchen.put(kitchenIndex, List.copyOf(rows));
    }

    /** The cell a problem.json path points at; the path itself when it points at nothing in the file. */
    public Text field(String path) {
        Matcher top = PATH.matcher(path);
        if (!top.matches()) {
            return Text.plain(path);
        }
        String name = top.group(1);
        String rest = top.group(3);
        if (top.group(2) == null) {
            return switch (name) {
                case "date", "timeZone", "coordinateSystem" -> settingsField(name);
                case "kitchens", "elders", "workers", "deliveries", "visits" -> Text.concat(sheetName(TableKind.valueOf(name.toUpperCase(java.util.Locale.ROOT))));
                default -> Text.plain(path);
            };
        }
        int index = Integer.parseInt(top.group(2));
        return switch (name) {
            case "kitchens" -> kitchenField(index, rest, path);
            case "elders" -> entityField(TableKind.ELDERS, index, rest, path);
            case "workers" -> entityField(TableKind.WORKERS, index, rest, path);
            case "deliveries" -> entityField(TableKind.DELIVERIES, index, rest, path);
            case "visits" -> entityField(TableKind.VISITS, index, rest, path);
            default -> Text.plain(path);
        };
    }

    private Text settingsField(String key) {
        Sheet settings = sheets.get(TableKind.SETTINGS);
        if (settings == null || settings.rows().isEmpty()) {
            return ImportErrors.columnField(sheetName(TableKind.SETTINGS),
                    TableKind.SETTINGS.column(key).orElseThrow().header());
        }
        return ImportErrors.cellField(settings.source(), settings.rows().get(0), settings.header().translatedHeader(key));
    }

    private Text kitchenField(int index, String rest, String path) {
        Matcher batch = BATCH.matcher(rest);
        if (batch.matches()) {
            List<Integer> rows = batchRowsByKitchen.get(index);
            int b = Integer.parseInt(batch.group(1));
            Sheet batches = sheets.get(TableKind.BATCHES);
            if (rows == null || b >= rows.size() || batches == null) {
                return Text.plain(path);
            }
            return cellOrRow(TableKind.BATCHES, batches, rows.get(b), batch.group(2));
        }
        return entityField(TableKind.KITCHENS, index, rest, path);
    }

    private Text entityField(TableKind kind, int index, String rest, String path) {
        Sheet sheet = sheets.get(kind);
        if (sheet == null || index >= sheet.rows().size()) {
            return Text.plain(path);
        }
        return cellOrRow(kind, sheet, sheet.rows().get(index), rest);
    }

    private Text cellOrRow(TableKind kind, Sheet sheet, int row, String rest) {
        String key = columnKey(rest);
        if (key == null || kind.column(key).isEmpty()) {
            return ImportErrors.rowField(sheet.source(), row);
        }
        return ImportErrors.cellField(sheet.source(), row, sheet.header().translatedHeader(key));
    }

    /** {@code .windows[0].end} → windows; {@code .location.lon} → lon; {@code .start.lat} → startLat. */
    private static String columnKey(String rest) {
        Matcher property = PROPERTY.matcher(rest);
        if (!property.matches()) {
            return null;
        }
        String name = property.group(1);
        String next = property.group(2);
        boolean longitude = "lon".equals(next);
        return switch (name) {
            case "location" -> longitude ? "lon" : "lat";
            case "start" -> longitude ? "startLon" : "startLat";
            case "end" -> longitude ? "endLon" : "endLat";
            default -> name;
        };
    }

    private Object sheetName(TableKind kind) {
        Sheet sheet = sheets.get(kind);
        return sheet != null ? sheet.source() : kind.sheetName();
    }
}
