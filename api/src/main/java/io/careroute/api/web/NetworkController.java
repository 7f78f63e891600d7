package io.careroute.api.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.careroute.planning.geojson.GeoJson;
import io.careroute.routing.network.RoadLines;
import io.careroute.routing.network.RoadNetwork;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The loaded road network for maps: the web page draws its streets from this instead of an online tile server.
 * Computed once (the network does not change while the server runs).
 */
@RestController
@RequestMapping("/api/v1/network")
class NetworkController {

    /** Shape points closer than this to the simplified line are dropped: invisible at street zoom. */
    static final double TOLERANCE_METRES = 2.0;
    /** A browser draws some tens of thousands of lines smoothly; a city extract keeps its main roads. */
    static final int MAX_LINES = 60_000;

    private final RoadNetwork network;
    private volatile Map<String, Object> roads;

    NetworkController(RoadNetwork network) {
        this.network = network;
    }

    @Operation(summary = "The road network of the loaded OSM extract as GeoJSON LineStrings (WGS-84), one per road "
            + "edge, with its OSM road class; simplified to 2 m, at most 60,000 lines (main roads first)")
    @GetMapping(value = "/roads", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Map<String, Object>> roads() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS)).body(roadsGeoJson());
    }

    private Map<String, Object> roadsGeoJson() {
        Map<String, Object> cached = roads;
        if (cached == null) {
            synchronized (this) {
                if (roads == null) {
                    roads = build();
                }
                cached = roads;
            }
        }
        return cached;
    }

    private Map<String, Object> build() {
        RoadLines.Result result = RoadLines.of(network, TOLERANCE_METRES, MAX_LINES);
        List<Object> features = new ArrayList<>(result.lines().size());
        for (RoadLines.Line line : result.lines()) {
            features.add(GeoJson.feature("LineString", line.lonLat(), Map.of("class", line.roadClass())));
        }
        Map<String, Object> collection = new LinkedHashMap<>(GeoJson.collection(features));
        collection.put("bbox", result.bbox());
        collection.put("source", network.sourceName());
        collection.put("usableEdges", result.usableEdges());
        collection.put("droppedEdges", result.droppedEdges());
        return collection;
    }
}
