package io.careroute.data.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;

class DistrictGeneratorTest {

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOtherOnes() throws IOException {
        String first = town(DistrictGenerator.DEFAULT_SEED);
        assertThat(town(DistrictGenerator.DEFAULT_SEED)).isEqualTo(first);
        assertThat(town(DistrictGenerator.DEFAULT_SEED + 1)).isNotEqualTo(first);
    }

    @Test
    void everyWayReferencesWrittenNodesAndIdsAreUnique() throws Exception {
        OsmSummary osm = OsmSummary.read(town(DistrictGenerator.DEFAULT_SEED));
        assertThat(osm.nodeIds).hasSizeBetween(4_000, 6_000);
        assertThat(osm.danglingRefs).isZero();
        assertThat(osm.duplicateIds).isZero();
        assertThat(osm.waysShorterThanTwoNodes).isZero();
        // Every kind of way the generator promises, and both kinds of estate gate.
        assertThat(osm.tagValues.get("highway")).contains("primary", "secondary", "residential", "footway", "cycleway",
                "pedestrian", "service");
        assertThat(osm.tagValues.get("oneway")).containsExactly("yes");
        assertThat(osm.tagValues.get("maxspeed")).contains("60", "50", "30");
        assertThat(osm.tagValues.get("barrier")).containsExactlyInAnyOrder("gate", "lift_gate");
        assertThat(osm.tagValues.get("motor_vehicle")).containsExactly("private");
    }

    @Test
    void coordinatesLieAroundYangpuInsideTheBounds() throws Exception {
        OsmSummary osm = OsmSummary.read(town(DistrictGenerator.DEFAULT_SEED));
        // TOWN is 2.4 km square: about 0.0216 degrees of latitude, 0.0253 of longitude at 31.26 N.
        assertThat(osm.minLat).isBetween(31.2595 - 0.0125, 31.2595 - 0.0100);
        assertThat(osm.maxLat).isBetween(31.2595 + 0.0100, 31.2595 + 0.0125);
        assertThat(osm.minLon).isBetween(121.5260 - 0.0140, 121.5260 - 0.0115);
        assertThat(osm.maxLon).isBetween(121.5260 + 0.0115, 121.5260 + 0.0140);
        assertThat(osm.outsideBounds).isZero();
    }

    @Test
    void theCityHasMoreThanTwoHundredThousandNodes() throws IOException {
        DistrictGenerator.DistrictStats city = new DistrictGenerator(DistrictGenerator.DEFAULT_SEED)
                .write(DistrictSize.CITY, Writer.nullWriter());
        assertThat(city.nodes()).isGreaterThanOrEqualTo(200_000);
        assertThat(city.ways()).isGreaterThan(30_000);
    }

    @Test
    void degreesAreWrittenWithSevenDecimals() {
        assertThat(OsmXmlWriter.degrees(31.2595)).isEqualTo("31.2595000");
        assertThat(OsmXmlWriter.degrees(-0.00000004)).isEqualTo("0.0000000");
        assertThat(OsmXmlWriter.degrees(-1.5)).isEqualTo("-1.5000000");
        assertThat(OsmXmlWriter.degrees(121.52600004)).isEqualTo("121.5260000");
    }

    private static String town(long seed) throws IOException {
        StringWriter out = new StringWriter();
        new DistrictGenerator(seed).write(DistrictSize.TOWN, out);
        return out.toString();
    }

    /** What a StAX pass over the XML finds. */
    static final class OsmSummary {
        final Set<Long> nodeIds = new HashSet<>();
        final Map<String, Set<String>> tagValues = new HashMap<>();
        int danglingRefs;
        int duplicateIds;
        int waysShorterThanTwoNodes;
        int outsideBounds;
        double minLat = 90;
        double maxLat = -90;
        double minLon = 180;
        double maxLon = -180;

        static OsmSummary read(String xml) throws XMLStreamException {
            OsmSummary s = new OsmSummary();
            XMLStreamReader reader = XMLInputFactory.newInstance().createXMLStreamReader(new StringReader(xml));
            Set<Long> wayIds = new HashSet<>();
            double[] bounds = null;
            int wayLength = -1;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("way")) {
                    if (wayLength < 2) {
                        s.waysShorterThanTwoNodes++;
                    }
                    wayLength = -1;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (reader.getLocalName()) {
                    case "bounds" -> bounds = new double[] {d(reader, "minlat"), d(reader, "minlon"), d(reader, "maxlat"), d(reader, "maxlon")};
                    case "node" -> {
                        if (!s.nodeIds.add(Long.parseLong(reader.getAttributeValue(null, "id")))) {
                            s.duplicateIds++;
                        }
                        double lat = d(reader, "lat");
                        double lon = d(reader, "lon");
                        s.minLat = Math.min(s.minLat, lat);
                        s.maxLat = Math.max(s.maxLat, lat);
                        s.minLon = Math.min(s.minLon, lon);
                        s.maxLon = Math.max(s.maxLon, lon);
                        if (bounds == null || lat < bounds[0] || lon < bounds[1] || lat > bounds[2] || lon > bounds[3]) {
                            s.outsideBounds++;
                        }
                    }
                    case "way" -> {
                        if (!wayIds.add(Long.parseLong(reader.getAttributeValue(null, "id")))) {
                            s.duplicateIds++;
                        }
                        wayLength = 0;
                    }
                    case "nd" -> {
                        wayLength++;
                        if (!s.nodeIds.contains(Long.parseLong(reader.getAttributeValue(null, "ref")))) {
                            s.danglingRefs++;
                        }
                    }
                    case "tag" -> s.tagValues.computeIfAbsent(reader.getAttributeValue(null, "k"), k -> new HashSet<>())
                            .add(reader.getAttributeValue(null, "v"));
                    default -> { }
                }
            }
            return s;
        }

        private static double d(XMLStreamReader reader, String attribute) {
            return Double.parseDouble(reader.getAttributeValue(null, attribute));
        }
    }
}
