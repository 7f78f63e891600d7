package io.careroute.api.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.ProblemDocument;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Looks for elders' personal data in text meant for logs or error messages: every name, phone number, address and
 * home coordinate of the given problems, and a health or disability class on a line that also names an elder.
 */
final class PersonalDataScan {

    /** The class words (失能 = disabled...) in the codes and Chinese and English texts. */
    private static final List<String> CLASS_WORDS = List.of("失能", "高龄", "独居", "困难", "空巢", "disabled", "very old",
            "lives alone", "hardship", "empty-nest", "DISABLED", "VERY_OLD", "ALONE", "HARDSHIP", "EMPTY_NEST");

    private final Set<String> terms = new LinkedHashSet<>();
    private final Set<String> names = new LinkedHashSet<>();

    PersonalDataScan(List<ProblemDocument> problems) {
        for (ProblemDocument problem : problems) {
            for (ElderDoc elder : problem.elders()) {
                add(elder.name());
                if (elder.name() != null) {
                    names.add(elder.name());
                }
                add(elder.phone());
                add(elder.address());
                if (elder.location() != null) {
                    coordinate(elder.location().lat());
                    coordinate(elder.location().lon());
                }
            }
        }
        if (names.isEmpty() || terms.size() < 4) {
            throw new IllegalArgumentException("no personal data to look for: the scan could not fail");
        }
    }

    private void add(String value) {
        if (value != null && value.strip().length() >= 2) {
            terms.add(value.strip());
        }
    }

    private void coordinate(Double value) {
        if (value != null) {
            terms.add(Double.toString(value));
            terms.add(String.format(Locale.ROOT, "%.5f", value));   // as a formatted log line would print it
        }
    }

    /**
     * trust-docs (issue 19.2): the raw text, as anyone with the database reads it, of every column that keeps a plan's
     * documents — problems, plans (plan, routes, task order, changes, week), events, week days — for the scan.
     */
    static List<String> planDocumentsAtRest(JdbcClient jdbc) {
        List<String> raw = new ArrayList<>();
        Map<String, List<String>> columns = Map.of("problem", List.of("document"),
                "plan", List.of("plan_document", "routes", "best_routes", "changes", "week_document"),
                "replan_event", List.of("document"),
                "week_day", List.of("problem", "plan_document", "task_order", "routes"));
        columns.forEach((table, names) -> names.forEach(column -> raw.addAll(jdbc.sql("select " + column + " from "
                + table + " where " + column + " is not null").query(String.class).list())));
        return raw;
    }

    int size() {
        return terms.size();
    }

    /** Each finding: what was found and the line it was in (the line is for the test report, not a log). */
    List<String> findings(String text) {
        List<String> findings = new ArrayList<>();
        for (String line : text.split("\\R")) {
            for (String term : terms) {
                if (line.contains(term)) {
                    findings.add("personal data '" + term + "' in: " + line);
                }
            }
            boolean named = names.stream().anyMatch(line::contains);
            if (named) {
                for (String word : CLASS_WORDS) {
                    if (line.contains(word)) {
                        findings.add("health/class word '" + word + "' beside a name in: " + line);
                    }
                }
            }
        }
        return findings;
    }
}
