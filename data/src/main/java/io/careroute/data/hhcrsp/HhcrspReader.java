package io.careroute.data.hhcrsp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;

/**
 * Reads the HHCRSP text layout: blocks, each a keyword line followed by lines of numbers. Every block's shape is
 * checked against nbNodes, nbVehi and nbServi; a bad file is refused naming the block and its row (the file line).
 */
public final class HhcrspReader {

    private static final List<String> BLOCKS =
            List.of("nbNodes", "nbVehi", "nbServi", "r", "DS", "a", "x", "y", "d", "p", "mind", "maxd", "e", "l");

    private HhcrspReader() {
    }

    /** One line of numbers and where it stands in the file. */
    private record Row(int line, String[] fields) {
    }

    public static HhcrspInstance read(Path file) throws IOException {
        String source = file.getFileName().toString();
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        Map<String, List<Row>> blocks = new LinkedHashMap<>();
        List<Row> current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (Character.isLetter(line.charAt(0))) {
                if (!BLOCKS.contains(line)) {
                    throw error(source + " line " + (i + 1), "unknown block '" + line + "' (expected one of " + BLOCKS + ")");
                }
                current = new ArrayList<>();
                blocks.put(line, current);
                continue;
            }
            if (current == null) {
                throw error(source + " line " + (i + 1), "numbers before the first block keyword");
            }
            current.add(new Row(i + 1, line.split("\\s+")));
        }
        for (String block : BLOCKS) {
            if (!blocks.containsKey(block)) {
                throw error(source, "block '" + block + "' is missing");
            }
        }
        Blocks b = new Blocks(source, blocks);
        int nodes = b.scalar("nbNodes");
        int caregivers = b.scalar("nbVehi");
        int services = b.scalar("nbServi");
        if (nodes < 3 || caregivers < 1 || services < 1) {
            throw error(source, "nbNodes must be at least 3 and nbVehi, nbServi at least 1: "
                    + nodes + ", " + caregivers + ", " + services);
        }
        int[][] requires = toInts(b.matrix("r", nodes, services));
        boolean[] doubleService = new boolean[nodes];
        for (Row row : blocks.get("DS")) {
            for (String field : row.fields()) {
                int node = (int) b.number("DS", row, field) - 1;   // 1-based in the file
                if (node < 1 || node > nodes - 2) {
                    throw error(source + " block DS line " + row.line(), "patient " + (node + 1) + " is not a patient node (2.." + (nodes - 1) + ")");
                }
                doubleService[node] = true;
            }
        }
        int[][] qualified = toInts(b.matrix("a", caregivers, services));
        b.matrix("x", 1, nodes);
        b.matrix("y", 1, nodes);
        double[][] distance = b.matrix("d", nodes, nodes);
        double[][] flat = b.matrix("p", nodes * caregivers, services);
        double[][][] processing = new double[nodes][caregivers][];
        for (int i = 0; i < nodes; i++) {
            for (int v = 0; v < caregivers; v++) {
                processing[i][v] = flat[i * caregivers + v];
            }
        }
        double[] minGap = b.matrix("mind", 1, nodes)[0];
        double[] maxGap = b.matrix("maxd", 1, nodes)[0];
        double[] windowStart = b.matrix("e", 1, nodes)[0];
        double[] windowEnd = b.matrix("l", 1, nodes)[0];
        for (int i = 1; i < nodes - 1; i++) {
            int needed = 0;
            for (int s = 0; s < services; s++) {
                needed += requires[i][s];
            }
            int expected = doubleService[i] ? 2 : 1;
            if (needed != expected) {
                throw error(source + " block r row " + (i + 1), "patient " + i + " needs " + needed + " services, expected "
                        + expected + (doubleService[i] ? " (listed in DS)" : " (not in DS)"));
            }
            if (doubleService[i] && minGap[i] > maxGap[i]) {
                throw error(source + " block mind/maxd column " + (i + 1), "mind " + minGap[i] + " > maxd " + maxGap[i]);
            }
            if (windowStart[i] > windowEnd[i]) {
                throw error(source + " block e/l column " + (i + 1), "e " + windowStart[i] + " > l " + windowEnd[i]);
            }
        }
        String name = source.endsWith(".txt") ? source.substring(0, source.length() - 4) : source;
        return new HhcrspInstance(name, nodes, caregivers, services, requires, doubleService, qualified, distance,
                processing, minGap, maxGap, windowStart, windowEnd);
    }

    private static int[][] toInts(double[][] m) {
        int[][] out = new int[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new int[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = (int) m[i][j];
            }
        }
        return out;
    }

    static InvalidInputException error(String where, String why) {
        return new InvalidInputException(List.of(new InputError(where, Text.plain(why))));
    }

    /** The blocks of one file, read into numbers with their shape checked. */
    private record Blocks(String source, Map<String, List<Row>> rows) {

        int scalar(String block) {
            double[][] m = matrix(block, 1, 1);
            return (int) m[0][0];
        }

        /**
         * A block of {@code height} rows of {@code width} numbers. A one-row block may wrap over several lines (the
         * coordinate and window vectors); a matrix has one line per row.
         */
        double[][] matrix(String block, int height, int width) {
            List<Row> lines = rows.get(block);
            if (height == 1) {
                List<Double> values = new ArrayList<>();
                for (Row row : lines) {
                    for (String field : row.fields()) {
                        values.add(number(block, row, field));
                    }
                }
                if (values.size() != width) {
                    throw error(source + " block " + block, "expected " + width + " numbers, found " + values.size());
                }
                double[] out = new double[width];
                for (int j = 0; j < width; j++) {
                    out[j] = values.get(j);
                }
                return new double[][] {out};
            }
            if (lines.size() != height) {
                throw error(source + " block " + block, "expected " + height + " rows, found " + lines.size());
            }
            double[][] out = new double[height][width];
            for (int i = 0; i < height; i++) {
                Row row = lines.get(i);
                if (row.fields().length != width) {
                    throw error(source + " block " + block + " row " + (i + 1) + " (line " + row.line() + ")",
                            "expected " + width + " numbers, found " + row.fields().length);
                }
                for (int j = 0; j < width; j++) {
                    out[i][j] = number(block, row, row.fields()[j]);
                }
            }
            return out;
        }

        double number(String block, Row row, String field) {
            try {
                double value = Double.parseDouble(field);
                if (!Double.isFinite(value) || value < 0) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw error(source + " block " + block + " line " + row.line(), "'" + field + "' is not a number of 0 or more");
            }
        }
    }
}
