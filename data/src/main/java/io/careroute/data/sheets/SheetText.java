package io.careroute.data.sheets;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.WindowDoc;
import io.careroute.data.sheets.RouteSheets.Carrier;
import io.careroute.data.sheets.RouteSheets.Line;

/** The words of a route sheet, shared by the HTML page and the workbook so both say the same. */
final class SheetText {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final Messages m;

    SheetText(Messages messages) {
        this.m = messages;
    }

    String get(String key, Object... args) {
        return m.get(key, args);
    }

    static String clock(OffsetDateTime time) {
        return time == null ? "" : CLOCK.format(time);
    }

    static String km(long metres) {
        return String.format(java.util.Locale.ROOT, "%.1f", metres / 1000.0);
    }

    static long minutes(long seconds) {
        return Math.round(seconds / 60.0);
    }

    String kind(Line line) {
        return m.get("report.kind." + line.kind().name());
    }

    String mode(Carrier carrier) {
        return carrier.mode() == null ? "" : m.get("mode." + carrier.mode().name());
    }

    String shift(Carrier carrier) {
        return carrier.shift() == null ? "" : clock(carrier.shift().start()) + "–" + clock(carrier.shift().end());
    }

    /** "电动车，餐箱 12 份，班次 10:15–13:15". */
    String describe(Carrier carrier) {
        String capacity = carrier.capacityBoxes() > 0 ? m.get("report.capacity", carrier.capacityBoxes()) : "";
        return m.get("sheets.meta", mode(carrier), capacity, shift(carrier));
    }

    String totals(Carrier carrier) {
        var t = carrier.totals();
        return m.get("sheets.totals", t.tasks(), t.boxes(), t.trips(), km(t.travelMetres()), minutes(t.travelSeconds()),
                clock(t.firstDeparture()), clock(t.returnTime()));
    }

    /**
     * What the carrier should know at this stop: trip and load at a kitchen; window, hand-over, the visit and what it
     * needs (skills, the partner of a two-worker visit), and to report at once when nobody answers where that matters.
     * Never the elder's class (RouteSheets: what to do, not why).
     */
    String notes(Line line) {
        List<String> parts = new ArrayList<>();
        switch (line.kind()) {
            case KITCHEN -> parts.add(m.get("sheets.note.trip", line.trip(), line.boxes(), clock(line.end())));
            case DELIVERY -> {
                waitUntilStart(line, parts);
                parts.add(m.get("sheets.note.window", windows(line.windows())));
                parts.add(m.get("sheets.note.handover", line.serviceMinutes()));
            }
            case VISIT -> {
                waitUntilStart(line, parts);
                String type = line.visitType() == null ? "" : m.isEnglish() ? line.visitType().name() : line.visitType().chinese();
                parts.add(m.get("sheets.note.visit", type, line.serviceMinutes()));
                if (line.partner() != null) {
                    parts.add(m.get("sheets.note.partner", line.partner()));
                }
                if (!line.requiredSkills().isEmpty()) {
                    parts.add(m.get("sheets.note.skills", String.join(m.get("reason.listSeparator"), line.requiredSkills())));
                }
                parts.add(m.get("sheets.note.window", windows(line.windows())));
            }
            case END -> {
                return "";
            }
        }
        if (line.reportNoAnswer()) {
            parts.add(m.get("sheets.note.noAnswer"));
        }
        return String.join(m.get("reason.separator"), parts);
    }

    /** Arriving early is planned (the window has not opened yet): say when to ring the bell. */
    private void waitUntilStart(Line line, List<String> parts) {
        if (line.arrival() != null && line.start() != null && line.start().isAfter(line.arrival().plusSeconds(59))) {
            parts.add(m.get("sheets.note.start", clock(line.start())));
        }
    }

    private String windows(List<WindowDoc> windows) {
        return String.join(m.get("reason.listSeparator"),
                windows.stream().map(w -> clock(w.start()) + "–" + clock(w.end())).toList());
    }
}
