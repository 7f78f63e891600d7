package io.careroute.data.district;

import java.util.LinkedHashMap;
import java.util.Map;

/** The kinds of way a generated district has, with the OSM tags GraphHopper reads from them. */
enum RoadClass {
    PRIMARY("highway", "primary", "maxspeed", "60", "lanes", "6"),
    SECONDARY("highway", "secondary", "maxspeed", "50", "lanes", "4"),
    SECONDARY_ONEWAY("highway", "secondary", "maxspeed", "50", "lanes", "3", "oneway", "yes"),
    RESIDENTIAL("highway", "residential", "maxspeed", "30"),
    PEDESTRIAN("highway", "pedestrian"),
    FOOTWAY("highway", "footway"),
    CYCLEWAY("highway", "cycleway"),
    ALLEY("highway", "service", "service", "alley"),
    ESTATE_ROAD("highway", "service", "maxspeed", "10");

    private final Map<String, String> tags = new LinkedHashMap<>();

    RoadClass(String... keyValues) {
        for (int i = 0; i < keyValues.length; i += 2) {
            tags.put(keyValues[i], keyValues[i + 1]);
        }
    }

    Map<String, String> tags() {
        return tags;
    }

    /** Streets with a name sign; paths and estate lanes carry none. */
    boolean named() {
        return this == PRIMARY || this == SECONDARY || this == SECONDARY_ONEWAY || this == RESIDENTIAL || this == PEDESTRIAN;
    }
}
