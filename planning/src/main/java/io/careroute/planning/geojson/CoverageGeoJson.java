package io.careroute.planning.geojson;

import io.careroute.planning.coverage.CoverageAnalysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.careroute.data.coverage.CoverageDocument;
import io.careroute.routing.coverage.Site;
import io.careroute.routing.isochrone.Isochrone;
import io.careroute.routing.isochrone.Isochrones;
import io.careroute.routing.network.GeoPoint;
import io.careroute.routing.network.RoadNetwork;
import io.careroute.routing.network.TravelProfile;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * The coverage report as a map (GeoJSON, WGS-84): per routed canteen a walking isochrone per limit (MultiPolygon) and
 * its point, and every elder as a point tagged with the walk to the nearest canteen and the smallest limit met.
 */
public final class CoverageGeoJson {

    private CoverageGeoJson() {
    }

    public static Map<String, Object> of(RoadNetwork network, CoverageAnalysis.Result result) {
        Isochrones isochrones = new Isochrones(network);
        CoverageDocument document = result.document();
        List<Object> features = new ArrayList<>();
        for (int c = 0; c < result.canteens().size(); c++) {
            Site canteen = result.canteens().get(c);
            if (!document.canteens().get(c).onNetwork()) {
                continue;   // no footpath within the snap limit: no walking area to draw
            }
            for (Isochrone isochrone : isochrones.around(canteen.point(), TravelProfile.FOOT, result.minutes())) {
                features.add(GeoJson.feature("MultiPolygon", polygons(isochrone),
                        Map.of("kind", "ISOCHRONE", "canteenId", canteen.id(), "minutes", isochrone.minutes())));
            }
        }
        for (Site canteen : result.canteens()) {
            features.add(GeoJson.feature("Point", lonLat(canteen.point()), Map.of("kind", "CANTEEN", "canteenId", canteen.id())));
        }
        for (int i = 0; i < result.elders().size(); i++) {
            CoverageDocument.ElderLine elder = document.elders().get(i);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("kind", "ELDER");
            properties.put("elderId", elder.elderId());
            properties.put("canteenId", elder.canteenId());
            properties.put("walkMinutes", elder.walkSeconds() == null ? null : Math.round(elder.walkSeconds() / 60.0));
            properties.put("withinMinutes", elder.withinMinutes());
            features.add(GeoJson.feature("Point", lonLat(result.elders().get(i).point()), properties));
        }
        return GeoJson.collection(features);
    }

    private static double[] lonLat(GeoPoint point) {
        return new double[] {point.lon(), point.lat()};
    }

    private static List<Object> polygons(Isochrone isochrone) {
        List<Object> polygons = new ArrayList<>();
        for (int g = 0; g < isochrone.area().getNumGeometries(); g++) {
            Polygon polygon = (Polygon) isochrone.area().getGeometryN(g);
            List<Object> rings = new ArrayList<>();
            rings.add(ring(polygon.getExteriorRing().getCoordinates()));
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                rings.add(ring(polygon.getInteriorRingN(h).getCoordinates()));
            }
            polygons.add(rings);
        }
        return polygons;
    }

    private static List<double[]> ring(Coordinate[] coordinates) {
        List<double[]> ring = new ArrayList<>();
        for (Coordinate c : coordinates) {
            ring.add(new double[] {c.x, c.y});
        }
        return ring;
    }
}
