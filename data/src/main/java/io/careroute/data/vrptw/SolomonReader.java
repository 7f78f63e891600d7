package io.careroute.data.vrptw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;

/** Reads the Solomon text format (also used by Gehring & Homberger); a bad line is reported by number. */
public final class SolomonReader {

    private SolomonReader() {
    }

    public static VrptwInstance read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        String name = null;
        int vehicles = -1;
        int capacity = -1;
        List<VrptwInstance.Customer> customers = new ArrayList<>();
        String source = file.getFileName().toString();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (name == null) {
                name = line;
                continue;
            }
            String[] fields = line.split("\\s+");
            if (!Character.isDigit(fields[0].charAt(0))) {
                continue;   // section titles and column headers
            }
            try {
                if (vehicles < 0 && fields.length == 2) {
                    vehicles = Integer.parseInt(fields[0]);
                    capacity = Integer.parseInt(fields[1]);
                } else if (fields.length == 7) {
                    int id = Integer.parseInt(fields[0]);
                    if (id != customers.size()) {
                        throw new NumberFormatException("customer " + id + " out of order, expected " + customers.size());
                    }
                    customers.add(new VrptwInstance.Customer(id, Double.parseDouble(fields[1]), Double.parseDouble(fields[2]),
                            Integer.parseInt(fields[3]), Double.parseDouble(fields[4]), Double.parseDouble(fields[5]),
                            Double.parseDouble(fields[6])));
                } else {
                    throw new NumberFormatException("expected 7 numbers, found " + fields.length);
                }
            } catch (NumberFormatException e) {
                throw new InvalidInputException(List.of(new InputError(source + " line " + (i + 1), Text.plain(e.getMessage()))));
            }
        }
        if (vehicles < 0 || customers.size() < 2) {
            throw new InvalidInputException(List.of(new InputError(source,
                    Text.plain("not a Solomon instance: needs a VEHICLE section and a depot with customers"))));
        }
        return new VrptwInstance(name, vehicles, capacity, List.copyOf(customers));
    }
}
