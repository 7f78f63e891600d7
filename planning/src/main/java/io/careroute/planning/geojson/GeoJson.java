package io.careroute.planning.geojson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GeoJSON (RFC 7946) building blocks shared by every map output: WGS-84 coordinates, ODbL attribution. */
public final class GeoJson {

    private GeoJson() {
    }

    public static Map<String, Object> feature(String type, Object coordinates, Map<String, Object> properties) {
        Map<String, Object> geometry = new LinkedHashMap<>();
        geometry.put("type", type);
        geometry.put("coordinates", coordinates);
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("geometry", geometry);
        feature.put("properties", properties);
        return feature;
    }

    public static Map<String, Object> collection(List<Object> features) {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("coordinateSystem", "WGS84");
        collection.put("attribution", "Map data © OpenStreetMap contributors, ODbL 1.0");
        collection.put("features", features);
        return collection;
    }
}
