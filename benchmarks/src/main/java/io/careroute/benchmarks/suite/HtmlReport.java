package io.careroute.benchmarks.suite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.careroute.benchmarks.peers.Peers;
import io.careroute.data.vrptw.EuclideanTravelTimes;

/**
 * The report page: one self-contained HTML file (no scripts, fonts or images to fetch), Chinese labels first with the
 * English beside them. Summary per configuration, every run, a score-over-time chart per problem as inline SVG, and
 * the exact configurations.
 */
final class HtmlReport {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"};
    private static final String[] DASHES = {"", "6 3", "2 3", "8 3 2 3"};

    private final BenchmarkReport report;
    private final StringBuilder out = new StringBuilder();

    private HtmlReport(BenchmarkReport report) {
        this.report = report;
    }

    static String render(BenchmarkReport report) {
        return new HtmlReport(report).page();
    }

    private String page() {
        RunEnvironment env = report.environment();
        out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc("careroute 基准测试 benchmark — " + env.suite())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        out.append("<h1>careroute 求解器基准测试 <span class=\"en\">solver benchmark</span>: ").append(esc(env.suite())).append("</h1>\n");
        environment(env);
        summary();
        sideBySide();
        runs();
        charts();
        configurations();
        out.append("<h2>复现 <span class=\"en\">Reproduce</span></h2>\n<pre>").append(esc(env.commandLine())).append("</pre>\n");
        if (env.reproducible()) {
            out.append("<p>步数预算：同一提交、同一命令再运行一次，路线与得分完全相同。 <span class=\"en\">Step budget: the same command on the "
                    + "same commit gives the same routes and scores (times differ).</span></p>\n");
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private void environment(RunEnvironment env) {
        out.append("<table class=\"meta\">\n");
        meta("版本 / commit", env.commit() + (env.dirty() ? "（工作区有未提交修改 / work tree had uncommitted changes）" : ""));
        meta("开始时间 / started", env.startedAt());
        meta("预算 / budget", env.budget());
        meta("随机种子 / seeds", env.seeds().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
        meta("求解线程 / solver threads", env.solverThreads() + ", environment mode " + env.environmentMode());
        meta("JVM", "Java " + env.javaVersion() + ", " + env.javaVm() + ", max heap " + env.maxHeapMb() + " MB");
        meta("CPU 核数 / cores", env.cores() + " (" + env.os() + ")");
        meta("检查器 / checker", env.checker());
        out.append("</table>\n");
    }

    private void meta(String label, String value) {
        out.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    private void summary() {
        out.append("<h2>各配置汇总 <span class=\"en\">Summary per configuration</span></h2>\n<table>\n<tr>")
                .append(th("配置", "configuration")).append(th("运行数", "runs")).append(th("可行", "feasible"))
                .append(th("与最优已知解平均差距", "mean gap to BKS"))
                .append(th("达到最优已知车辆数", "runs at BKS vehicles"))
                .append(th("平均多用车辆", "mean vehicles above BKS"))
                .append(th("与本次最佳平均差距", "mean gap to run best"))
                .append(th("平均找到最终解用时", "mean time to best"))
                .append(th("局部搜索得分计算速度", "LS score calc/s"))
                .append(th("检查器一致", "checker agrees")).append("</tr>\n");
        for (ConfigSummary s : report.summaries()) {
            out.append("<tr><td>").append(esc(s.config())).append("</td>")
                    .append(num(s.runs())).append(num(s.feasibleRuns() + " / " + s.runs()))
                    .append(num(s.meanGapPercent() == null ? "—" : pct(s.meanGapPercent())))
                    .append(num(s.bestKnownRuns() == 0 ? "—" : s.atBestVehicles() + " / " + s.bestKnownRuns()))
                    .append(num(s.meanVehiclesAboveBest() == null ? "—" : fmt("%+.2f", s.meanVehiclesAboveBest())))
                    .append(num(s.meanGapToRunBestPercent() == null ? "—" : pct(s.meanGapToRunBestPercent())))
                    .append(num(fmt("%.1f s", s.meanSecondsToBest())))
                    .append(num(Peers.isPeer(s.config()) ? "—" : fmt("%,.0f", s.meanScoreCalculationSpeed())))
                    .append(num(checkerSummary(s))).append("</tr>\n");
        }
        out.append("</table>\n<p class=\"note\">差距 = 100 ×（距离 − 最优已知距离）/ 最优已知距离，与 vrptw_check.py 相同，不论车辆数；车辆数另列。"
                + "“与本次最佳差距”是在同一问题上与本报告中得分最好的运行（任一配置与种子）比较软约束得分，只计与其硬、中约束得分相同的运行。"
                + " <span class=\"en\">Gap = 100 × (distance − BKS distance) / BKS distance, as vrptw_check.py computes it, whatever the "
                + "vehicle count (compared separately). Gap to run best: soft score against the best score for the same problem "
                + "in this report (any configuration or seed), for runs on its hard and medium level.</span></p>\n");
    }

    /** careroute beside the peer solvers, one row per VRPTW problem; only when the run had peers. */
    private void sideBySide() {
        if (report.configurations().stream().noneMatch(c -> Peers.isPeer(c.name()))) {
            return;
        }
        List<SideBySide.Row> rows = SideBySide.rows(report);
        if (rows.isEmpty()) {
            return;
        }
        boolean shared = report.environment().sharedMachine();
        int atOnce = report.environment().runsAtOnce();
        out.append("<h2>同台对比 <span class=\"en\">Side by side</span></h2>\n<table>\n<tr>")
                .append(th("实例", "instance")).append(th("最优已知", "BKS veh / distance"));
        for (SideBySide.Cell cell : rows.get(0).cells()) {
            out.append(th(cell.config(), Peers.isPeer(cell.config()) ? "peer" : "careroute"));
        }
        out.append("</tr>\n");
        for (SideBySide.Row row : rows) {
            out.append("<tr><td>").append(esc(row.instance())).append("</td>").append(num(row.bestKnown()));
            for (SideBySide.Cell cell : row.cells()) {
                RunResult r = cell.run();
                boolean good = r != null && "checked".equals(SideBySide.verdict(r));
                out.append("<td class=\"n").append(r == null ? "" : good ? " good" : " bad").append("\">").append(esc(cell.text())).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n<p class=\"note\">每格：车辆 / 距离、与最优已知解的差距、检查器结论（checked = vrptw_check.py 确认可行且数字一致）；多个种子时取最好的一次。"
                + (shared ? "每次同时运行 " + atOnce + " 个求解（各占一个核心）" : "各求解器依次运行（不并行）") + "，同一机器、同一时间预算、单线程。"
                + " <span class=\"en\">Each cell: vehicles / distance, gap to the best known, the checker's verdict (checked = "
                + "vrptw_check.py confirms it feasible with the same figures); with several seeds the best run. The solvers ran "
                + (shared ? atOnce + " runs at a time, each on a core of its own," : "one after another (never at the same time)")
                + " on the same machine, with the same time budget and one thread.</span></p>\n");
    }

    private String checkerSummary(ConfigSummary s) {
        long checked = report.runs().stream().filter(r -> r.config().equals(s.config()) && r.checker() != null).count();
        if (checked == 0) {
            return "—";
        }
        return (checked - s.checkerDisagreements()) + " / " + checked;
    }

    private void runs() {
        out.append("<h2>各实例结果 <span class=\"en\">Per instance</span></h2>\n<table>\n<tr>")
                .append(th("实例", "instance")).append(th("最优已知", "BKS veh / distance")).append(th("配置", "configuration"))
                .append(th("种子", "seed")).append(th("车辆", "vehicles")).append(th("距离", "distance"))
                .append(th("差距", "gap")).append(th("车辆差", "Δ vehicles")).append(th("检查器", "checker"))
                .append(th("找到最终解用时", "time to best")).append(th("最终解所在步 / 总步数", "step of best / steps"))
                .append(th("得分", "score")).append("</tr>\n");
        String previous = null;
        for (RunResult r : sortedRuns()) {
            boolean first = !r.instance().equals(previous);
            previous = r.instance();
            out.append(first ? "<tr class=\"first\">" : "<tr>");
            out.append("<td>").append(first ? esc(r.instance()) : "").append("</td>");
            out.append(num(first ? (r.hasBestKnown() ? r.bestVehicles() + " / " + fmt("%.2f", r.bestDistance()) : "—") : ""));
            out.append("<td>").append(esc(r.config())).append("</td>").append(num(r.seed()));
            out.append(num(r.vehicles() + (r.served() < r.tasks() ? " (" + (r.tasks() - r.served()) + " 未服务 unserved)" : "")));
            out.append(num(fmt("%.2f", r.distance()) + (r.distanceUnit().isEmpty() ? "" : " " + r.distanceUnit())));
            out.append(num(r.gapPercent() != null ? pct(r.gapPercent())
                    : r.gapToRunBestPercent() != null ? pct(r.gapToRunBestPercent()) + " *" : "—"));
            String vehicleClass = r.vehiclesAboveBest() == null ? "n" : r.vehiclesAboveBest() > 0 ? "n bad" : "n good";
            out.append("<td class=\"").append(vehicleClass).append("\">")
                    .append(r.vehiclesAboveBest() == null ? "—" : fmt("%+d", r.vehiclesAboveBest())).append("</td>");
            out.append(checker(r));
            out.append(num(fmt("%.1f s", r.secondsToBest()) + " / " + fmt("%.1f s", r.seconds())));
            out.append(num((r.stepsToBest() < 0 ? "CH" : fmt("%,d", r.stepsToBest())) + " / " + fmt("%,d", r.steps())
                    + (r.safetyLimitHit() ? " ⚠" : "")));
            out.append("<td class=\"score\">").append(esc(r.score())).append("</td></tr>\n");
        }
        out.append("</table>\n<p class=\"note\">* 无最优已知解的问题：显示与本次最佳的差距。CH = 构造启发式得到的解。⚠ = 达到安全时间上限（不可复现）。"
                + "对比求解器：jsprit 计迭代次数，OR-Tools 计找到的解的个数；得分按 careroute 的 VRPTW 层级换算（中：未服务 × 10,000 + 车辆；软：距离单位）。"
                + " <span class=\"en\">* No BKS: gap to the run's best. CH = the construction heuristic's solution was the best. "
                + "⚠ = stopped by the safety time limit (not reproducible). Peers: jsprit counts iterations, OR-Tools solutions found; "
                + "their score is put on careroute's VRPTW levels (medium: unserved × 10,000 + vehicles; soft: distance units).</span></p>\n");
    }

    private String checker(RunResult r) {
        CheckerResult c = r.checker();
        if (c == null) {
            return "<td class=\"n\">—</td>";
        }
        if (c.error() != null) {
            return "<td class=\"bad\">" + esc(c.error()) + "</td>";
        }
        String text = (Boolean.TRUE.equals(c.feasible()) ? "可行 feasible" : "不可行 infeasible (" + c.violations() + ")")
                + ", " + c.vehicles() + " / " + fmt("%.4f", c.distance()) + (c.agrees() ? " ✓" : " ≠");
        return "<td class=\"n " + (c.agrees() && Boolean.TRUE.equals(c.feasible()) ? "good" : "bad") + "\">" + esc(text) + "</td>";
    }

    private List<RunResult> sortedRuns() {
        List<String> instances = report.instances();
        List<String> configs = report.configurations().stream().map(BenchmarkReport.Configuration::name).toList();
        List<RunResult> sorted = new ArrayList<>(report.runs());
        sorted.sort(Comparator.<RunResult>comparingInt(r -> instances.indexOf(r.instance()))
                .thenComparingInt(r -> configs.indexOf(r.config())).thenComparingLong(RunResult::seed));
        return sorted;
    }

    // ---- Charts ----

    private void charts() {
        out.append("<h2>得分随时间变化 <span class=\"en\">Score over time</span></h2>\n<p class=\"note\">每次找到更好解时的得分（阶梯线）；"
                + "上：车辆数（VRPTW）或未分配罚分（生成的日程），下：距离（VRPTW）或软约束罚分。"
                + " <span class=\"en\">The best score each time it improved (step lines). Top: vehicles (VRPTW) or the unassigned "
                + "penalty (generated days); bottom: distance (VRPTW) or the soft penalty.</span></p>\n<div class=\"charts\">\n");
        List<String> configs = report.configurations().stream().map(BenchmarkReport.Configuration::name).toList();
        List<Long> seeds = report.environment().seeds();
        for (String instance : report.instances()) {
            List<RunResult> runs = sortedRuns().stream().filter(r -> r.instance().equals(instance)).toList();
            out.append("<figure>\n");
            chart(runs, configs, seeds);
            out.append("<figcaption>").append(esc(instance)).append("</figcaption>\n</figure>\n");
        }
        out.append("</div>\n");
    }

    private void chart(List<RunResult> runs, List<String> configs, List<Long> seeds) {
        boolean vrptw = runs.get(0).kind().equals("vrptw");
        // VRPTW: the medium level counts vehicles once every customer is served (VrptwPlanFactory).
        ToDoubleFunction<ScorePoint> top = p -> -p.medium();
        ToDoubleFunction<ScorePoint> bottom = vrptw ? p -> -p.soft() / (double) EuclideanTravelTimes.SCALE : p -> -p.soft();
        double seconds = runs.stream().mapToDouble(RunResult::seconds).max().orElse(1);
        int width = 560;
        int left = 64;
        int right = 12;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"318\" viewBox=\"0 0 ")
                .append(width).append(" 318\" role=\"img\">\n");
        panel(runs, configs, seeds, top, vrptw ? "车辆 vehicles" : "未分配罚分 unassigned", 18, 64, left, width - right, seconds, true);
        panel(runs, configs, seeds, bottom, vrptw ? "距离 distance" : "软约束罚分 soft penalty", 106, 168, left, width - right, seconds, false);
        axisX(left, width - right, 274, seconds);
        out.append("</svg>\n<div class=\"legend\">");
        for (RunResult r : runs) {
            String colour = COLOURS[Math.max(0, configs.indexOf(r.config())) % COLOURS.length];
            String dash = DASHES[Math.max(0, seeds.indexOf(r.seed())) % DASHES.length];
            out.append("<span><svg width=\"26\" height=\"10\"><line x1=\"0\" y1=\"5\" x2=\"26\" y2=\"5\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"2\"").append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"").append("/></svg> ")
                    .append(esc(r.config())).append(seeds.size() > 1 ? " s" + r.seed() : "").append("</span>");
        }
        out.append("</div>\n");
    }

    /** One panel of step lines; the construction heuristic's first value may lie off the top (it is clipped). */
    private void panel(List<RunResult> runs, List<String> configs, List<Long> seeds, ToDoubleFunction<ScorePoint> value,
                       String label, int y0, int height, int x0, int x1, double seconds, boolean integers) {
        List<Double> later = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (RunResult r : runs) {
            List<ScorePoint> points = r.timeline();
            for (int i = 0; i < points.size(); i++) {
                double v = value.applyAsDouble(points.get(i));
                all.add(v);
                if (i > 0) {
                    later.add(v);
                }
            }
        }
        if (all.isEmpty()) {
            return;
        }
        List<Double> range = later.isEmpty() ? all : later;
        double min = range.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = range.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        // Keep the last value of every run in view, and give a flat line some room.
        for (RunResult r : runs) {
            if (!r.timeline().isEmpty()) {
                double last = value.applyAsDouble(r.timeline().get(r.timeline().size() - 1));
                min = Math.min(min, last);
                max = Math.max(max, last);
            }
        }
        double pad = Math.max((max - min) * 0.08, integers ? 0.5 : Math.abs(max) * 0.002 + 1e-9);
        double lo = min >= 0 ? Math.max(0, min - pad) : min - pad;   // counts and penalties do not go below zero
        double hi = max + pad;
        out.append("<rect x=\"").append(x0).append("\" y=\"").append(y0).append("\" width=\"").append(x1 - x0)
                .append("\" height=\"").append(height).append("\" class=\"frame\"/>\n");
        for (double v : ticks(lo, hi, integers)) {
            double y = y0 + height - (v - lo) / (hi - lo) * height;
            out.append("<line x1=\"").append(x0).append("\" x2=\"").append(x1).append("\" y1=\"").append(f1(y)).append("\" y2=\"")
                    .append(f1(y)).append("\" class=\"grid\"/>")
                    .append("<text x=\"").append(x0 - 4).append("\" y=\"").append(f1(y + 3)).append("\" class=\"tick\" text-anchor=\"end\">")
                    .append(esc(tick(v, integers, hi - lo))).append("</text>\n");
        }
        out.append("<text x=\"").append(x0).append("\" y=\"").append(y0 - 4).append("\" class=\"label\">").append(esc(label)).append("</text>\n");
        for (RunResult r : runs) {
            if (r.timeline().isEmpty()) {
                continue;
            }
            StringBuilder path = new StringBuilder();
            double lastY = 0;
            for (int i = 0; i < r.timeline().size(); i++) {
                ScorePoint p = r.timeline().get(i);
                double x = x0 + (x1 - x0) * Math.min(1, p.millis() / 1000.0 / seconds);
                double v = Math.min(hi, Math.max(lo, value.applyAsDouble(p)));
                double y = y0 + height - (v - lo) / (hi - lo) * height;
                path.append(i == 0 ? "M" + f1(x) + " " + f1(y) : " H" + f1(x) + " V" + f1(y));
                lastY = y;
            }
            double end = x0 + (x1 - x0) * Math.min(1, r.seconds() / seconds);
            path.append(" H").append(f1(end));
            String colour = COLOURS[Math.max(0, configs.indexOf(r.config())) % COLOURS.length];
            String dash = DASHES[Math.max(0, seeds.indexOf(r.seed())) % DASHES.length];
            out.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.6\"")
                    .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"").append("><title>")
                    .append(esc(r.config() + " seed " + r.seed())).append("</title></path>")
                    .append("<circle cx=\"").append(f1(end)).append("\" cy=\"").append(f1(lastY)).append("\" r=\"2.5\" fill=\"")
                    .append(colour).append("\"/>\n");
        }
    }

    private void axisX(int x0, int x1, int y, double seconds) {
        for (int t = 0; t <= 4; t++) {
            double s = seconds * t / 4.0;
            double x = x0 + (x1 - x0) * t / 4.0;
            out.append("<text x=\"").append(f1(x)).append("\" y=\"").append(y + 14).append("\" class=\"tick\" text-anchor=\"middle\">")
                    .append(fmt(seconds < 20 ? "%.1f" : "%.0f", s)).append("</text>");
        }
        out.append("\n<text x=\"").append((x0 + x1) / 2).append("\" y=\"").append(y + 28)
                .append("\" class=\"label\" text-anchor=\"middle\">秒 seconds</text>\n");
    }

    /** Four evenly spaced ticks, or whole numbers only for a count. */
    private static List<Double> ticks(double lo, double hi, boolean integers) {
        List<Double> ticks = new ArrayList<>();
        if (integers) {
            long step = Math.max(1, (long) Math.ceil((hi - lo) / 4));
            for (long v = (long) Math.ceil(lo); v <= hi; v += step) {
                ticks.add((double) v);
            }
            return ticks;
        }
        for (int t = 0; t <= 3; t++) {
            ticks.add(lo + (hi - lo) * t / 3.0);
        }
        return ticks;
    }

    private static String tick(double v, boolean integers, double span) {
        if (integers) {
            return fmt("%.0f", v);
        }
        return Math.abs(v) >= 10_000 ? fmt("%,.0f", v) : fmt(span < 10 ? "%.2f" : "%.1f", v);
    }

    // ---- Configurations ----

    private void configurations() {
        out.append("<h2>求解器配置 <span class=\"en\">Solver configurations</span></h2>\n<dl>\n");
        for (BenchmarkReport.Configuration c : report.configurations()) {
            out.append("<dt>").append(esc(c.name())).append("</dt><dd>").append(esc(c.description()));
            String what = Peers.isPeer(c.name()) ? "设置 settings" : "OptaPlanner XML";
            for (Map.Entry<String, String> xml : c.solverConfigXml().entrySet()) {
                out.append("<details><summary>").append(what).append(" (").append(esc(xml.getKey())).append(")</summary><pre>")
                        .append(esc(xml.getValue())).append("</pre></details>");
            }
            out.append("</dd>\n");
        }
        out.append("</dl>\n");
    }

    // ---- Helpers ----

    private static String th(String zh, String en) {
        return "<th>" + esc(zh) + "<br><span class=\"en\">" + esc(en) + "</span></th>";
    }

    private static String num(Object value) {
        return "<td class=\"n\">" + esc(String.valueOf(value)) + "</td>";
    }

    private static String pct(double value) {
        return fmt("%+.2f %%", Math.abs(value) < 0.005 ? 0.0 : value);   // below 0.01 % is a tie (shared/data/vrptw README)
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 24px; color: #222; max-width: 1400px; }
            h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
            .en { color: #666; font-weight: normal; }
            table { border-collapse: collapse; font-size: 13px; margin: 8px 0; }
            th, td { border: 1px solid #ddd; padding: 3px 7px; vertical-align: top; }
            th { background: #f4f4f4; text-align: left; font-weight: 600; }
            th .en { font-size: 11px; }
            table.meta th { width: 160px; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.score { font-family: ui-monospace, monospace; font-size: 12px; white-space: nowrap; }
            tr.first td { border-top: 2px solid #999; }
            .good { color: #116611; } .bad { color: #b00020; font-weight: 600; }
            .note { font-size: 12px; color: #444; max-width: 1100px; }
            .charts { display: flex; flex-wrap: wrap; gap: 12px; }
            figure { margin: 0; border: 1px solid #eee; padding: 6px; }
            figcaption { font-weight: 600; text-align: center; }
            .legend { font-size: 12px; display: flex; flex-wrap: wrap; gap: 10px; max-width: 560px; }
            svg .frame { fill: #fcfcfc; stroke: #ccc; } svg .grid { stroke: #eee; }
            svg .tick { font-size: 10px; fill: #555; } svg .label { font-size: 11px; fill: #333; }
            pre { background: #f7f7f7; padding: 8px; overflow-x: auto; font-size: 12px; }
            dt { font-weight: 600; margin-top: 8px; } dd { margin-left: 16px; font-size: 13px; }
            """;
}
