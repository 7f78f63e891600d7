package io.careroute.routing.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import com.graphhopper.util.DistanceCalcEarth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The map's road lines from the real People's Square extract. */
class RoadLinesTest {

    static RoadNetwork network;

    @BeforeAll
    static void open(@TempDir Path cache) {
        network = RoadNetwork.open(SharedData.osm(SharedData.SHANGHAI), cache, ProfileSettings.DEFAULT);
    }

    @AfterAll
    static void close() {
        network.close();
    }

    @Test
    void everyUsableEdgeIsALineFromJunctionToJunctionAsLongAsTheRoad() {
        RoadLines.Result roads = RoadLines.of(network, 1.0, Integer.MAX_VALUE);

        // Edges in small islands cut off from the network (GraphHopper's subnetworks) are not drawn.
        assertThat(roads.usableEdges()).isBetween(network.graphEdges() * 3 / 4, network.graphEdges());
        assertThat(roads.droppedEdges()).isZero();
        assertThat(roads.lines()).hasSize(roads.usableEdges());

        // Each line runs from its edge's first junction to its last, and simplifying by 1 m hardly shortens it.
        var nodes = network.baseGraph().getNodeAccess();
        double graphMetres = 0;
        double lineMetres = 0;
        for (RoadLines.Line line : roads.lines()) {
            var edge = network.baseGraph().getEdgeIteratorState(line.edge(), Integer.MIN_VALUE);
            List<double[]> shape = line.lonLat();
            assertThat(shape.size()).isGreaterThanOrEqualTo(2);
            assertThat(shape.get(0)).containsExactly(new double[] {nodes.getLon(edge.getBaseNode()), nodes.getLat(edge.getBaseNode())}, within(1e-6));
            assertThat(shape.get(shape.size() - 1)).containsExactly(new double[] {nodes.getLon(edge.getAdjNode()), nodes.getLat(edge.getAdjNode())}, within(1e-6));
            graphMetres += edge.getDistance();
            for (int i = 1; i < shape.size(); i++) {
                lineMetres += DistanceCalcEarth.DIST_EARTH.calcDist(shape.get(i - 1)[1], shape.get(i - 1)[0], shape.get(i)[1], shape.get(i)[0]);
            }
        }
        assertThat(lineMetres / graphMetres).isCloseTo(1.0, within(0.01));
        assertThat(roads.lines()).extracting(RoadLines.Line::roadClass).contains("primary", "secondary");

        // People's Square lies inside the box.
        double[] box = roads.bbox();
        assertThat(box[0]).isLessThan(121.4752);
        assertThat(box[2]).isGreaterThan(121.4752);
        assertThat(box[1]).isLessThan(31.2283);
        assertThat(box[3]).isGreaterThan(31.2283);
    }

    @Test
    void aLimitKeepsTheMostImportantRoads() {
        RoadLines.Result all = RoadLines.of(network, 5.0, Integer.MAX_VALUE);
        int limit = all.lines().size() / 4;
        RoadLines.Result few = RoadLines.of(network, 5.0, limit);

        assertThat(few.lines()).hasSize(limit);
        assertThat(few.droppedEdges()).isEqualTo(all.usableEdges() - limit);
        List<Integer> ranks = all.lines().stream().map(l -> RoadLines.importance(l.roadClass())).sorted().toList();
        int threshold = ranks.get(limit - 1);
        assertThat(ranks.get(0)).as("more than one road class").isLessThan(threshold);
        // Every line more important than the last class kept is kept, and nothing less important.
        assertThat(few.lines().stream().filter(l -> RoadLines.importance(l.roadClass()) < threshold).count())
                .isEqualTo(ranks.stream().filter(r -> r < threshold).count());
        assertThat(few.lines()).allMatch(l -> RoadLines.importance(l.roadClass()) <= threshold);
        assertThat(few.lines()).anyMatch(l -> l.roadClass().equals("primary"));
    }
}
