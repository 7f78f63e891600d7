package io.careroute.data.sheets;

import java.util.List;

import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument.StopKind;
import io.careroute.data.sheets.RouteSheets.Carrier;
import io.careroute.data.sheets.RouteSheets.Line;
import io.careroute.data.sheets.RouteSheets.Unserved;

/**
 * Route sheets as one self-contained HTML page to print on A4: one carrier per page, the table header repeated
 * when a route runs over a page, no fonts, scripts or images fetched from anywhere.
 */
public final class RouteSheetHtml {

    private static final String STYLE = """
            @page { size: A4; margin: 12mm 10mm; }
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "SimHei", sans-serif;
                   font-size: 10.5pt; color: #000; margin: 0; }
            section.sheet { break-after: page; page-break-after: always; }
            section.sheet:last-of-type { break-after: auto; page-break-after: auto; }
            h1 { font-size: 16pt; margin: 0 0 2mm; }
            p.meta { margin: 0 0 1mm; }
            p.totals { margin: 0 0 3mm; font-weight: bold; }
            table { width: 100%; border-collapse: collapse; table-layout: fixed; }
            thead { display: table-header-group; }
            tr { break-inside: avoid; page-break-inside: avoid; }
            th, td { border: 0.3mm solid #444; padding: 1mm 1.2mm; vertical-align: top; text-align: left; }
            th { background: #e6e6e6; }
            tr.kitchen td, tr.end td { background: #f2f2f2; font-weight: bold; }
            td.seq, td.time, td.kind, td.elder, td.boxes, td.phone { white-space: nowrap; }
            td { overflow-wrap: anywhere; }
            td.boxes { text-align: right; }
            td.phone a { color: #000; text-decoration: none; font-weight: bold; }
            @media screen { body { max-width: 210mm; margin: 0 auto; padding: 8mm; }
                            section.sheet { border-bottom: 1px dashed #999; margin-bottom: 8mm; padding-bottom: 8mm; } }
            """;

    /** Widths that add up to the 190 mm an A4 page leaves between its margins. */
    private static final String COLUMNS = "<colgroup><col style=\"width:8mm\"><col style=\"width:13mm\">"
            + "<col style=\"width:11mm\"><col style=\"width:22mm\"><col style=\"width:16mm\"><col style=\"width:35mm\">"
            + "<col style=\"width:25mm\"><col style=\"width:9mm\"><col style=\"width:39mm\"><col style=\"width:12mm\"></colgroup>\n";

    private final SheetText text;
    private final StringBuilder html = new StringBuilder();

    private RouteSheetHtml(Messages messages) {
        this.text = new SheetText(messages);
    }

    public static String render(RouteSheets sheets, Messages messages) {
        return new RouteSheetHtml(messages).page(sheets, messages.isEnglish() ? "en" : "zh-CN");
    }

    private String page(RouteSheets sheets, String language) {
        html.append("<!DOCTYPE html>\n<html lang=\"").append(language).append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(text.get("sheets.title", sheets.date()))).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        for (Carrier carrier : sheets.working()) {
            carrier(carrier, sheets);
        }
        if (!sheets.unserved().isEmpty()) {
            unserved(sheets.unserved());
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private void carrier(Carrier carrier, RouteSheets sheets) {
        html.append("<section class=\"sheet\" id=\"").append(escape("carrier-" + carrier.workerId())).append("\">\n")
                .append("<h1>").append(escape(text.get("sheets.carrier", carrier.workerId(), sheets.date()))).append("</h1>\n")
                .append("<p class=\"meta\">").append(escape(text.describe(carrier))).append("</p>\n")
                .append("<p class=\"totals\">").append(escape(text.totals(carrier))).append("</p>\n")
                .append("<table>\n").append(COLUMNS).append("<thead><tr>");
        for (String column : List.of("seq", "arrival", "kind", "task", "elder", "address", "phone", "boxes", "notes", "done")) {
            html.append("<th>").append(escape(text.get("sheets.col." + column))).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Line line : carrier.stops()) {
            line(line);
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private void line(Line line) {
        String rowClass = switch (line.kind()) {
            case KITCHEN -> "kitchen";
            case END -> "end";
            default -> "task";
        };
        boolean task = line.kind() == StopKind.DELIVERY || line.kind() == StopKind.VISIT;
        html.append("<tr class=\"").append(rowClass).append("\">")
                .append(cell("seq", line.sequence() > 0 ? String.valueOf(line.sequence()) : ""))
                .append(cell("time", SheetText.clock(line.arrival())))
                .append(cell("kind", text.kind(line)))
                .append(cell("task", task ? line.taskId() : line.place() == null ? "" : line.place()))
                .append(cell("elder", task ? orEmpty(line.elder().name()) : ""))
                .append(cell("address", task ? orEmpty(line.elder().address()) : ""))
                .append(phone(task ? line.elder().phone() : null))
                .append(cell("boxes", line.boxes() > 0 ? String.valueOf(line.boxes()) : ""))
                .append(cell("notes", text.notes(line)))
                .append(cell("done", ""))
                .append("</tr>\n");
    }

    private void unserved(List<Unserved> unserved) {
        html.append("<section class=\"sheet\" id=\"unassigned\">\n<h1>")
                .append(escape(text.get("sheets.unserved", unserved.size()))).append("</h1>\n<table>\n")
                .append("<colgroup><col style=\"width:22mm\"><col style=\"width:16mm\"><col style=\"width:45mm\">")
                .append("<col style=\"width:25mm\"><col style=\"width:82mm\"></colgroup>\n<thead><tr>");
        for (String column : List.of("task", "elder", "address", "phone", "reason")) {
            html.append("<th>").append(escape(text.get("sheets.col." + column))).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Unserved task : unserved) {
            html.append("<tr>").append(cell("task", task.taskId()))
                    .append(cell("elder", orEmpty(task.elder().name())))
                    .append(cell("address", orEmpty(task.elder().address())))
                    .append(phone(task.elder().phone()))
                    .append(cell("reason", orEmpty(task.reason()))).append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static String cell(String cssClass, String value) {
        return "<td class=\"" + cssClass + "\">" + escape(value) + "</td>";
    }

    /** A tel: link, so that a carrier reading the page on a phone can call with one tap. */
    private static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "<td class=\"phone\"></td>";
        }
        String dial = phone.replaceAll("[^0-9+]", "");
        return "<td class=\"phone\"><a href=\"tel:" + escape(dial) + "\">" + escape(phone) + "</a></td>";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
