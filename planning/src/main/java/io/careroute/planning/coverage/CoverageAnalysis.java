package io.careroute.planning.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.careroute.data.coverage.CoverageDocument;
import io.careroute.data.coverage.CoverageDocument.CanteenLine;
import io.careroute.data.coverage.CoverageDocument.ElderLine;
import io.careroute.data.coverage.CoverageDocument.LimitCount;
import io.careroute.data.coverage.CoverageDocument.LimitTotal;
import io.careroute.data.coverage.CoverageInput;
import io.careroute.data.coverage.CoverageText;
import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.routing.coordinates.CoordinateSystem;
import io.careroute.routing.coverage.CanteenCoverage;
import io.careroute.routing.coverage.CanteenReach;
import io.careroute.routing.coverage.CoverageReport;
import io.careroute.routing.coverage.ElderReach;
import io.careroute.routing.coverage.Site;
import io.careroute.routing.network.RoadNetwork;

/**
 * The service-circle report of a problem, shared by {@code careroute coverage} and the REST API: the problem's
 * kitchens are the canteens, its elders the homes; routing measures the walks, this puts them in the user's words.
 */
public final class CoverageAnalysis {

    private final RoadNetwork network;
    private final double maxSnapMetres;

    public CoverageAnalysis(RoadNetwork network, double maxSnapMetres) {
        this.network = network;
        this.maxSnapMetres = maxSnapMetres;
    }

    /** The measured report with what a map of it needs: canteens and homes in WGS-84, in the problem's order. */
    public record Result(List<Site> canteens, List<Site> elders, int[] minutes, CoverageReport report,
                         CoverageDocument document) {
    }

    /** @throws io.careroute.data.problem.InvalidInputException naming each bad field, or the minutes */
    public Result measure(ProblemDocument problem, int[] minutes, Messages messages) {
        CoverageInput.validate(problem, minutes);
        int[] limits = Arrays.stream(minutes).distinct().sorted().toArray();
        CoordinateSystem system = CoordinateSystem.valueOf(problem.coordinateSystemOrDefault().name());
        List<Site> canteens = new ArrayList<>();
        problem.kitchensOrEmpty().forEach(k -> canteens.add(new Site(k.id(), system.toWgs84(k.location().lat(), k.location().lon()))));
        List<Site> elders = new ArrayList<>();
        problem.eldersOrEmpty().forEach(e -> elders.add(new Site(e.id(), system.toWgs84(e.location().lat(), e.location().lon()))));
        CoverageReport report = CanteenCoverage.of(network, canteens, elders, maxSnapMetres, limits);
        return new Result(canteens, elders, limits, report, document(problem, report, messages));
    }

    static CoverageDocument document(ProblemDocument problem, CoverageReport report, Messages messages) {
        List<LimitTotal> totals = new ArrayList<>();
        int elderCount = report.elders().size();
        for (int limit : report.minutes()) {
            int covered = (int) report.coveredWithin(limit);
            totals.add(new LimitTotal(limit, covered, elderCount,
                    elderCount == 0 ? 0 : Math.round(10_000.0 * covered / elderCount) / 10_000.0));
        }
        List<CanteenLine> canteens = new ArrayList<>();
        for (int c = 0; c < report.canteens().size(); c++) {
            CanteenReach reach = report.canteens().get(c);
            List<LimitCount> within = new ArrayList<>();
            for (int l = 0; l < report.minutes().size(); l++) {
                within.add(new LimitCount(report.minutes().get(l), reach.eldersWithin().get(l)));
            }
            canteens.add(new CanteenLine(reach.canteenId(), problem.kitchensOrEmpty().get(c).location(), reach.onNetwork(),
                    metres(reach.snapMetres()), within));
        }
        List<ElderLine> elders = new ArrayList<>();
        for (ElderReach reach : report.elders()) {
            boolean reached = reach.canteenId() != null;
            Integer withinMinutes = report.minutes().stream().filter(reach::within).findFirst().orElse(null);
            Integer seconds = reached ? reach.walkSeconds() : null;
            Integer metres = reached ? reach.walkMetres() : null;
            String reason = withinMinutes != null ? null
                    : CoverageText.reason(seconds, metres, reach.canteenId(), reach.onNetwork(), metres(reach.snapMetres()), messages);
            elders.add(new ElderLine(reach.elderId(), reach.canteenId(), seconds, metres, reach.onNetwork(),
                    metres(reach.snapMetres()), withinMinutes, reason));
        }
        return new CoverageDocument(problem.coordinateSystemOrDefault(), report.minutes(), totals, canteens, elders);
    }

    private static Double metres(double snapMetres) {
        return Double.isFinite(snapMetres) ? snapMetres : null;
    }
}
