package io.careroute.data.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;

/** Writes {@code route-sheets.html} and {@code route-sheets.xlsx} beside a plan. */
public final class RouteSheetFiles {

    public static final String HTML = "route-sheets.html";
    public static final String WORKBOOK = "route-sheets.xlsx";

    private RouteSheetFiles() {
    }

    /** @return the files written */
    public static List<Path> write(PlanDocument plan, ProblemDocument problem, Path folder, Messages messages) throws IOException {
        RouteSheets sheets = RouteSheetBuilder.build(plan, problem);
        Path html = folder.resolve(HTML);
        Files.writeString(html, RouteSheetHtml.render(sheets, messages), StandardCharsets.UTF_8);
        Path workbook = folder.resolve(WORKBOOK);
        try (OutputStream out = Files.newOutputStream(workbook)) {
            RouteSheetWorkbook.write(sheets, messages, out);
        }
        return List.of(html, workbook);
    }
}
