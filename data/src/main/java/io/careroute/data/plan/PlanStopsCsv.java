package io.careroute.data.plan;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.careroute.data.i18n.Messages;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every stop of a plan as one CSV row (worker, order, kind, task, elder id, kitchen, arrival, start, end, travel,
 * waiting, load, location), for a spreadsheet or another system. Headers are Chinese unless English is asked for.
 * Written as UTF-8 with a byte-order mark, the form a Chinese Excel opens without garbling. Ids only: no names,
 * phones or addresses (the route sheets carry those, on purpose, for the carriers).
 */
public final class PlanStopsCsv {

    static final String[] COLUMNS = {"workerId", "mode", "sequence", "kind", "taskId", "elderId", "kitchenId",
            "arrival", "start", "end", "travelSecondsFromPrevious", "travelMetresFromPrevious", "waitingSeconds",
            "loadAfter", "lat", "lon", "coordinateSystem"};

    private PlanStopsCsv() {
    }

    public static void write(PlanDocument plan, Messages m, OutputStream out) throws IOException {
        Map<String, String> elderOfTask = new HashMap<>();
        plan.tasks().forEach(t -> elderOfTask.put(t.id(), t.elderId()));
        List<String> header = new ArrayList<>();
        for (String column : COLUMNS) {
            header.add(m.get("csv." + column));
        }
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get());
        for (PlanDocument.WorkerRoute route : plan.workers()) {
            int sequence = 0;
            for (PlanDocument.Stop stop : route.stops()) {
                sequence++;
                csv.printRecord(route.id(), route.mode(), sequence, stop.kind(), stop.taskId(),
                        stop.taskId() == null ? null : elderOfTask.get(stop.taskId()), stop.kitchenId(),
                        time(stop.arrival()), time(stop.start()), time(stop.end()), stop.travelSecondsFromPrevious(),
                        stop.travelMetresFromPrevious(), stop.waitingSeconds(), stop.loadAfter(),
                        stop.location() == null ? null : stop.location().lat(),
                        stop.location() == null ? null : stop.location().lon(), plan.coordinateSystem());
            }
        }
        csv.flush();
    }

    private static String time(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);   // seconds always, as plan.json
    }
}
