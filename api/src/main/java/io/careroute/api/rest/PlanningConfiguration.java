package io.careroute.api.rest;

import io.careroute.api.planning.CarePlanner;
import io.careroute.api.planning.NetworkSource;
import io.careroute.api.planning.ProblemAssembler;
import io.careroute.api.planning.Replanner;
import io.careroute.routing.network.RoadNetwork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The road network is loaded once at start-up and closed at shut-down. */
@Configuration(proxyBeanMethods = false)
class PlanningConfiguration {

    @Bean(destroyMethod = "close")
    RoadNetwork roadNetwork(CareRouteProperties properties) {
        return NetworkSource.open(properties.osmFile(),
                properties.graphCache() != null ? properties.graphCache() : NetworkSource.defaultGraphCache());
    }

    @Bean
    ProblemAssembler problemAssembler(RoadNetwork network, CareRouteProperties properties) {
        return new ProblemAssembler(network, properties.maxSnapMetres());
    }

    @Bean
    CarePlanner carePlanner() {
        return new CarePlanner();
    }

    @Bean
    Replanner replanner(ProblemAssembler assembler, CarePlanner planner) {
        return new Replanner(assembler, planner);
    }
}
