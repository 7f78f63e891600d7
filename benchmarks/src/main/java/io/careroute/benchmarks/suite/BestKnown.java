package io.careroute.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Best-known solutions (vehicles, then distance) from the shared BKS tables. */
public record BestKnown(String instance, int vehicles, double distance) {

    public static Map<String, BestKnown> read(Path... csvFiles) throws IOException {
        Map<String, BestKnown> table = new HashMap<>();
        for (Path csv : csvFiles) {
            List<String> lines = Files.readAllLines(csv);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                if (cells.length >= 3 && !cells[1].isBlank()) {
                    table.put(cells[0].toUpperCase(), new BestKnown(cells[0], Integer.parseInt(cells[1].trim()),
                            Double.parseDouble(cells[2].trim())));
                }
            }
        }
        return table;
    }

    /**
     * Distance gap in percent, defined as {@code vrptw_check.py} defines it: 100 (distance - best) / best, whatever
     * the vehicle count (which is compared separately: under the hierarchical objective more vehicles is worse
     * whatever the distance).
     */
    public double gapPercent(double distance) {
        return 100.0 * (distance - this.distance) / this.distance;
    }
}
