package io.careroute.api.config;

import java.time.Clock;

import io.careroute.planning.assemble.NetworkSource;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.planning.check.PlanCheck;
import io.careroute.planning.recommend.SlotFinder;
import io.careroute.planning.coverage.CoverageAnalysis;
import io.careroute.planning.solve.CarePlanner;
import io.careroute.planning.solve.Replanner;
import io.careroute.planning.week.WeekPlanner;
import io.careroute.routing.matrix.MatrixCache;
import io.careroute.routing.network.RoadNetwork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The road network is loaded once at start-up and closed at shut-down; its matrix cache lives as long. */
@Configuration(proxyBeanMethods = false)
class PlanningConfiguration {

    /** The one clock of the server's main code ("now" in the configured zone), replaced by a fixed one in tests. */
    @Bean
    Clock clock(CareRouteProperties properties) {
        return Clock.system(properties.timeZone());
    }

    /** How the load of the road network went: what the readiness check reports (ops.RoadNetworkHealthIndicator). */
    @Bean
    RoadNetworkLoad roadNetworkLoad() {
        return new RoadNetworkLoad();
    }

    @Bean(destroyMethod = "close")
    RoadNetwork roadNetwork(CareRouteProperties properties, PlanningProperties planning, RoadNetworkLoad load) {
        return load.open(() -> NetworkSource.open(properties.osmFile(),
                properties.graphCache() != null ? properties.graphCache() : NetworkSource.defaultGraphCache(),
                planning.profileSettings()));
    }

    /** One per road network: a re-plan reads back every pair its plan computed and joins only new places. */
    @Bean
    MatrixCache matrixCache(CareRouteProperties properties) {
        return new MatrixCache((long) properties.matrixCacheMegabytes() << 20);
    }

    @Bean
    ProblemAssembler problemAssembler(RoadNetwork network, CareRouteProperties properties, MatrixCache matrixCache,
                                      PlanningProperties planning) {
        // Every plan and re-plan of the server is assembled here, so all are scored with the configured weights.
        return new ProblemAssembler(network, properties.maxSnapMetres(), matrixCache, planning.planWeights());
    }

    @Bean
    CoverageAnalysis coverageAnalysis(RoadNetwork network, CareRouteProperties properties) {
        return new CoverageAnalysis(network, properties.maxSnapMetres());
    }

    /** Checks of hand-edited plans: one score explainer for the server (it is thread-safe). */
    @Bean
    PlanCheck planCheck() {
        return new PlanCheck();
    }

    /** Slots for a new visit: builds the score director factory once (directors per request; thread-safe). */
    @Bean
    SlotFinder slotFinder() {
        return new SlotFinder();
    }

    /**
     * {@code careroute.solve-threads}: solvers per solve job (a portfolio, the best plan kept). 1 by default: each job
     * already takes a core ({@code careroute.max-jobs}), the urgent lane needs the rest, and on the benchmark's care
     * days two solvers were not reliably better in 10 s (docs/benchmarks.md, "Two cores").
     */
    @Bean
    CarePlanner carePlanner(@org.springframework.beans.factory.annotation.Value("${careroute.solve-threads:1}") int threads) {
        if (threads < 1 || threads > 16) {
            throw new IllegalArgumentException("careroute.solve-threads must be 1 to 16, not " + threads);
        }
        return new CarePlanner(threads);
    }

    /** Weeks planned over REST: the same assembler (weights, matrix cache) and planner as every day's plan. */
    @Bean
    WeekPlanner weekPlanner(ProblemAssembler assembler, CarePlanner planner) {
        return new WeekPlanner(assembler, planner);
    }

    @Bean
    Replanner replanner(ProblemAssembler assembler, CarePlanner planner) {
        return new Replanner(assembler, planner);
    }
}
