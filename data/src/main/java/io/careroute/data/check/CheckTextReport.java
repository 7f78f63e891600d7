package io.careroute.data.check;

import io.careroute.data.i18n.Messages;

/** What {@code careroute check} prints: the verdict, the score and every broken rule, hard first. Ids only. */
public final class CheckTextReport {

    private CheckTextReport() {
    }

    public static String render(CheckDocument check, Messages messages) {
        StringBuilder out = new StringBuilder();
        long hard = check.violations().stream().filter(v -> v.level().equals("HARD")).count();
        out.append(check.feasible() ? messages.get("check.feasible") : messages.get("check.infeasible", hard)).append('\n');
        out.append(messages.get("check.score", check.score())).append('\n');
        if (!check.violations().isEmpty()) {
            out.append(messages.get("check.violations", check.violations().size())).append('\n');
            for (CheckDocument.Violation v : check.violations()) {
                out.append("  [").append(messages.get("check.level." + v.level())).append("] ")
                        .append(v.constraint()).append(": ").append(v.message()).append('\n');
            }
        }
        if (!check.independentChecks().isEmpty()) {
            out.append(messages.get("check.independent", check.independentChecks().size())).append('\n');
            check.independentChecks().forEach(finding -> out.append("  ").append(finding).append('\n'));
        }
        return out.toString();
    }
}
