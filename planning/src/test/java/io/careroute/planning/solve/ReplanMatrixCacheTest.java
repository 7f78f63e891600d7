package io.careroute.planning.solve;

import io.careroute.planning.testing.TestNetwork;
import io.careroute.planning.assemble.AssembledProblem;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.assemble.ProblemAssembler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.VisitType;
import io.careroute.data.problem.WindowDoc;
import io.careroute.data.replan.EventsDocument;
import io.careroute.data.replan.EventsDocument.Event;
import io.careroute.data.replan.EventsDocument.Type;
import io.careroute.routing.matrix.MatrixCache;
import io.careroute.routing.network.GeoPoint;
import io.careroute.solver.domain.TravelMode;
import io.careroute.solver.domain.TravelTimes;
import io.careroute.solver.solve.SolverSettings;
import org.junit.jupiter.api.Test;

/**
 * The assembler with a matrix cache, as the REST API runs it: a re-plan reads every known pair back instead of
 * routing again, a new home costs its own searches and one row and column, and the times equal those from scratch.
 */
class ReplanMatrixCacheTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-24T11:20:00+08:00");

    @Test
    void aReplanReadsEveryPairBackFromTheCache() {
        ProblemDocument problem = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
        MatrixCache cache = new MatrixCache(64 << 20);
        ProblemAssembler assembler = new ProblemAssembler(TestNetwork.demo(), 300, cache);
        CarePlanner planner = new CarePlanner();
        AssembledProblem assembled = assembler.assemble(problem);
        long searches = cache.searches();
        long joined = cache.joinedPairs();
        assertThat(searches).isPositive();
        assertThat(cache.cachedPairs()).isZero();
        PlanDocument published = planner.document(assembled, planner.solve(assembled,
                new SolverSettings(Duration.ofSeconds(3), null, 0), best -> { }), Messages.chinese());

        VisitDoc urgent = new VisitDoc("V90", problem.elders().get(10).id(), VisitType.EMERGENCY, List.of(), 30,
                List.of(new WindowDoc(NOW.plusMinutes(10), NOW.plusMinutes(70))), 5, true, 1, null);
        EventsDocument events = new EventsDocument(NOW, List.of(new Event(Type.NEW_VISIT, urgent, null, null, null, null),
                new Event(Type.DELAY, null, "W02", null, null, 10)));
        Replanner.Prepared prepared = new Replanner(assembler, planner).prepare(problem, published, events, Messages.chinese());

        // Workers start again at places already known (their last frozen stop), the visit is at a known home.
        assertThat(cache.searches()).isEqualTo(searches);
        assertThat(cache.joinedPairs()).isEqualTo(joined);
        assertThat(cache.cachedPairs()).isPositive();
        AssembledProblem fresh = new ProblemAssembler(TestNetwork.demo(), 300)
                .assemble(prepared.replan().openProblem(), prepared.replan().published());
        assertSameTravel(prepared.open(), fresh);
        // And the re-plan's plan.json reports the whole day's places, with the workers' own start places.
        assertThat(prepared.places()).isEqualTo(assembled.snaps());
    }

    @Test
    void aNewHomeCostsItsOwnSearchesAndOneRowAndColumnPerMode() {
        ProblemDocument problem = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
        MatrixCache cache = new MatrixCache(64 << 20);
        ProblemAssembler assembler = new ProblemAssembler(TestNetwork.demo(), 300, cache);
        assembler.assemble(problem);
        long searches = cache.searches();
        long joined = cache.joinedPairs();

        // A new elder on a street no demo home is on, with an urgent visit.
        GeoPoint road = TestNetwork.demo().sharedRoadNodes().get(7);
        List<ElderDoc> elders = new ArrayList<>(problem.elders());
        elders.add(new ElderDoc("E-new", new LocationDoc(road.lat() + 0.0001, road.lon()), null, null, null, null, null, null, null));
        List<VisitDoc> visits = new ArrayList<>(problem.visits());
        visits.add(new VisitDoc("V-new", "E-new", VisitType.CHECK_IN, List.of(), 20,
                List.of(new WindowDoc(NOW, NOW.plusHours(3))), 5, true, 1, null));
        ProblemDocument grown = new ProblemDocument(problem.date(), problem.timeZone(), problem.coordinateSystem(),
                problem.kitchens(), elders, problem.workers(), problem.deliveries(), visits);
        AssembledProblem replanned = assembler.assemble(grown);

        int places = replanned.places().size();
        int modes = replanned.placeSets().size();
        assertThat(modes).isEqualTo(2);   // foot and e-bike
        assertThat(cache.searches() - searches).isEqualTo(2L * modes);
        assertThat(cache.joinedPairs() - joined).isEqualTo((long) modes * (places + places - 1));
        assertSameTravel(replanned, new ProblemAssembler(TestNetwork.demo(), 300).assemble(grown));
    }

    private static void assertSameTravel(AssembledProblem actual, AssembledProblem expected) {
        assertThat(actual.places().size()).isEqualTo(expected.places().size());
        TravelTimes a = actual.plan().getTravelTimes();
        TravelTimes e = expected.plan().getTravelTimes();
        for (TravelMode mode : expected.placeSets().keySet()) {
            for (int i = 0; i < expected.places().size(); i++) {
                for (int j = 0; j < expected.places().size(); j++) {
                    assertThat(a.seconds(mode, i, j)).as("%s seconds %d->%d", mode, i, j).isEqualTo(e.seconds(mode, i, j));
                    assertThat(a.metres(mode, i, j)).as("%s metres %d->%d", mode, i, j).isEqualTo(e.metres(mode, i, j));
                }
            }
        }
    }
}
