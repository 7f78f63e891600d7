package io.careroute.data.district;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes OSM XML 0.6 (what GraphHopper and osmium read): bounds, then nodes, then ways. Coordinates are written with
 * 7 decimals (OSM's own precision, ~1 cm) by integer arithmetic, since String.format would dominate 200,000 nodes.
 */
final class OsmXmlWriter {

    private final Writer out;

    OsmXmlWriter(Writer out) throws IOException {
        this.out = out;
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"careroute district generator\">\n");
    }

    void bounds(double minLat, double minLon, double maxLat, double maxLon) throws IOException {
        out.write("  <bounds minlat=\"" + degrees(minLat) + "\" minlon=\"" + degrees(minLon) + "\" maxlat=\"" + degrees(maxLat)
                + "\" maxlon=\"" + degrees(maxLon) + "\"/>\n");
    }

    void node(long id, double lat, double lon, Map<String, String> tags) throws IOException {
        out.write("  <node id=\"");
        out.write(Long.toString(id));
        out.write("\" version=\"1\" lat=\"");
        out.write(degrees(lat));
        out.write("\" lon=\"");
        out.write(degrees(lon));
        if (tags.isEmpty()) {
            out.write("\"/>\n");
            return;
        }
        out.write("\">\n");
        tags(tags);
        out.write("  </node>\n");
    }

    void way(long id, long[] nodeIds, Map<String, String> tags) throws IOException {
        out.write("  <way id=\"" + id + "\" version=\"1\">\n");
        for (long node : nodeIds) {
            out.write("    <nd ref=\"");
            out.write(Long.toString(node));
            out.write("\"/>\n");
        }
        tags(tags);
        out.write("  </way>\n");
    }

    void end() throws IOException {
        out.write("</osm>\n");
        out.flush();
    }

    private void tags(Map<String, String> tags) throws IOException {
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            out.write("    <tag k=\"" + escape(tag.getKey()) + "\" v=\"" + escape(tag.getValue()) + "\"/>\n");
        }
    }

    static String degrees(double value) {
        long e7 = Math.round(value * 1e7);
        String sign = e7 < 0 ? "-" : "";
        e7 = Math.abs(e7);
        String fraction = Long.toString(e7 % 10_000_000);
        return sign + (e7 / 10_000_000) + "." + "0000000".substring(fraction.length()) + fraction;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
