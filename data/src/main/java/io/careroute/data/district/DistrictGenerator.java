package io.careroute.data.district;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded synthetic road network of a Chinese urban district, written as OSM XML for GraphHopper to import.
 *
 * <p>The layout follows the superblock city: arterials every 600 m (primary and secondary roads, every fourth
 * secondary one-way, alternating), a 100 m grid of residential streets between them (some missing, some footways,
 * cycleways or pedestrian streets), gated estates (小区) with a service-road loop behind a gate (half of them closed to
 * outside cars, half with a pedestrian gate too), old quarters threaded by alleys (弄堂) and parks crossed by a
 * footway and a cycleway. Streets bend a little (junctions move up to 2 m, shape nodes 3 m) so they are not ruler
 * lines. Coordinates are WGS-84 around a city centre, by default Shanghai's Yangpu district. Same seed, same bytes.
 */
public final class DistrictGenerator {

    public static final long DEFAULT_SEED = 20261125L;
    /** Shanghai, Yangpu district (杨浦区), WGS-84. */
    public static final double YANGPU_LAT = 31.2595;
    public static final double YANGPU_LON = 121.5260;

    static final double SUPERBLOCK_METRES = 600;
    private static final double CELL_METRES = 100;
    private static final int CELLS_PER_SUPERBLOCK = (int) (SUPERBLOCK_METRES / CELL_METRES);
    private static final double METRES_PER_DEGREE_LAT = 111_320;

    private static final String[] ROAD_NAMES = {"长阳", "平凉", "杨树浦", "控江", "国和", "黄兴", "军工", "周家嘴", "政立",
            "殷行", "开鲁", "民京", "国定", "江浦", "隆昌", "宁国", "营口", "松花江", "靖宇", "佳木斯", "包头", "双阳", "延吉",
            "本溪", "锦西", "齐齐哈尔", "眉州", "通北", "临青", "惠民", "许昌", "兰州"};
    private static final String[] ESTATE_NAMES = {"鞍山", "控江", "长白", "凤城", "延吉", "内江", "工农", "辽源", "运光",
            "市光", "国和", "民星", "东方", "春晓", "和平", "幸福"};
    private static final String[] ESTATE_SUFFIXES = {"新村", "小区", "花园", "苑"};

    private enum BlockKind { ESTATES, OLD_QUARTER, MIXED, PARK }

    private final long seed;
    private final double centreLat;
    private final double centreLon;

    public DistrictGenerator(long seed) {
        this(seed, YANGPU_LAT, YANGPU_LON);
    }

    public DistrictGenerator(long seed, double centreLat, double centreLon) {
        this.seed = seed;
        this.centreLat = centreLat;
        this.centreLon = centreLon;
    }

    /** What was written. */
    public record DistrictStats(int nodes, int ways, int junctionGrid, double minLat, double minLon, double maxLat, double maxLon) {
    }

    public DistrictStats write(DistrictSize size, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
                return write(size, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    public DistrictStats write(DistrictSize size, Writer out) throws IOException {
        return new Build(size).run(new OsmXmlWriter(out));
    }

    /** One generation run: the random stream is consumed in a fixed order, so the output depends only on the seed. */
    private final class Build {
        private final SplittableRandom random = new SplittableRandom(seed);
        private final int grid;         // cells per side; junctions per side = grid + 1
        private final double side;
        private final double metresPerDegreeLon;
        private double[] lat = new double[1 << 12];
        private double[] lon = new double[1 << 12];
        private int nodeCount;
        private final Map<Integer, Map<String, String>> nodeTags = new HashMap<>();
        private final List<long[]> wayNodes = new ArrayList<>();
        private final List<Map<String, String>> wayTags = new ArrayList<>();
        /** Road class of each street segment between neighbouring junctions, null where the street is missing. */
        private final RoadClass[] eastward;
        private final RoadClass[] northward;
        private final int[] eastwardShape;
        private final int[] northwardShape;

        Build(DistrictSize size) {
            this.grid = size.superblocksPerSide() * CELLS_PER_SUPERBLOCK;
            this.side = size.sideMetres();
            this.metresPerDegreeLon = METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(centreLat));
            this.eastward = new RoadClass[(grid + 1) * grid];
            this.northward = new RoadClass[(grid + 1) * grid];
            this.eastwardShape = new int[2 * eastward.length];
            this.northwardShape = new int[2 * northward.length];
        }

        DistrictStats run(OsmXmlWriter writer) throws IOException {
            junctions();
            streets();
            cells();
            lineWays(true);
            lineWays(false);
            writer.bounds(latOf(-10), lonOf(-10), latOf(side + 10), lonOf(side + 10));
            for (int i = 0; i < nodeCount; i++) {
                writer.node(i + 1L, lat[i], lon[i], nodeTags.getOrDefault(i + 1, Map.of()));
            }
            for (int w = 0; w < wayNodes.size(); w++) {
                writer.way(w + 1L, wayNodes.get(w), wayTags.get(w));
            }
            writer.end();
            return new DistrictStats(nodeCount, wayNodes.size(), (grid + 1) * (grid + 1),
                    latOf(-10), lonOf(-10), latOf(side + 10), lonOf(side + 10));
        }

        /** Every grid point gets a junction node; id = 1 + y * (grid + 1) + x. */
        private void junctions() {
            for (int y = 0; y <= grid; y++) {
                for (int x = 0; x <= grid; x++) {
                    node(x * CELL_METRES + jitter(2), y * CELL_METRES + jitter(2));
                }
            }
        }

        private int junction(int x, int y) {
            return 1 + y * (grid + 1) + x;
        }

        private void streets() {
            for (int line = 0; line <= grid; line++) {
                for (int cell = 0; cell < grid; cell++) {
                    eastward[line * grid + cell] = segmentClass(line);
                    northward[line * grid + cell] = segmentClass(line);
                }
            }
            // Two shape nodes a segment, at 1/3 and 2/3: estate gates and alleys join the street there.
            for (int line = 0; line <= grid; line++) {
                for (int cell = 0; cell < grid; cell++) {
                    int s = line * grid + cell;
                    if (eastward[s] != null) {
                        for (int k = 0; k < 2; k++) {
                            eastwardShape[2 * s + k] = node((cell + (k + 1) / 3.0) * CELL_METRES, line * CELL_METRES + jitter(3));
                        }
                    }
                    if (northward[s] != null) {
                        for (int k = 0; k < 2; k++) {
                            northwardShape[2 * s + k] = node(line * CELL_METRES + jitter(3), (cell + (k + 1) / 3.0) * CELL_METRES);
                        }
                    }
                }
            }
        }

        private RoadClass segmentClass(int line) {
            if (line % CELLS_PER_SUPERBLOCK == 0) {
                int arterial = line / CELLS_PER_SUPERBLOCK;
                if (arterial % 2 == 0) {
                    return RoadClass.PRIMARY;
                }
                return arterial % 4 == 1 ? RoadClass.SECONDARY_ONEWAY : RoadClass.SECONDARY;
            }
            int draw = random.nextInt(100);
            if (draw < 8) {
                return null;
            } else if (draw < 15) {
                return RoadClass.FOOTWAY;
            } else if (draw < 18) {
                return RoadClass.CYCLEWAY;
            } else if (draw < 20) {
                return RoadClass.PEDESTRIAN;
            }
            return RoadClass.RESIDENTIAL;
        }

        private void cells() {
            int blocks = grid / CELLS_PER_SUPERBLOCK;
            BlockKind[] kinds = new BlockKind[blocks * blocks];
            for (int b = 0; b < kinds.length; b++) {
                int draw = random.nextInt(100);
                kinds[b] = draw < 45 ? BlockKind.ESTATES : draw < 70 ? BlockKind.OLD_QUARTER : draw < 88 ? BlockKind.MIXED : BlockKind.PARK;
            }
            for (int cy = 0; cy < grid; cy++) {
                for (int cx = 0; cx < grid; cx++) {
                    BlockKind kind = kinds[(cy / CELLS_PER_SUPERBLOCK) * blocks + cx / CELLS_PER_SUPERBLOCK];
                    int draw = random.nextInt(100);
                    switch (kind) {
                        case ESTATES -> {
                            if (draw < 60) {
                                estate(cx, cy);
                            }
                        }
                        case OLD_QUARTER -> alleys(cx, cy);
                        case MIXED -> {
                            if (draw < 25) {
                                estate(cx, cy);
                            } else if (draw < 50) {
                                alleys(cx, cy);
                            }
                        }
                        case PARK -> {
                            if (draw < 50) {
                                parkPaths(cx, cy);
                            }
                        }
                    }
                }
            }
        }

        /** A gated estate: a service loop, its gate on the south street, sometimes a pedestrian gate to the north. */
        private void estate(int cx, int cy) {
            int south = cy * grid + cx;
            if (eastward[south] == null) {
                return;
            }
            double x0 = cx * CELL_METRES;
            double y0 = cy * CELL_METRES;
            double gateX = x0 + CELL_METRES / 3;
            int entrance = node(gateX, y0 + 18);
            int[] corners = {node(x0 + 18, y0 + 18), node(x0 + 82, y0 + 18), node(x0 + 82, y0 + 82), node(x0 + 18, y0 + 82)};
            int north = cy + 1 <= grid ? (cy + 1) * grid + cx : -1;
            boolean pedestrianGate = north >= 0 && eastward[north] != null && random.nextBoolean();
            boolean carFree = random.nextBoolean();
            String name = ESTATE_NAMES[random.nextInt(ESTATE_NAMES.length)] + ESTATE_SUFFIXES[random.nextInt(ESTATE_SUFFIXES.length)];
            int inner = node(gateX, y0 + 82);
            way(tags(RoadClass.ESTATE_ROAD, name), corners[0], entrance, corners[1], corners[2], inner, corners[3], corners[0]);

            int gate = node(gateX, y0 + 8);
            Map<String, String> gateTags = new LinkedHashMap<>();
            if (carFree) {
                // Walkers, bicycles and e-bikes pass; outside cars do not (GraphHopper reads motor_vehicle on barriers).
                gateTags.put("barrier", "gate");
                gateTags.put("motor_vehicle", "private");
            } else {
                gateTags.put("barrier", "lift_gate");
            }
            nodeTags.put(gate, gateTags);
            way(tags(RoadClass.ESTATE_ROAD, null), eastwardShape[2 * south], gate, entrance);
            int middle = node(gateX + jitter(3), y0 + 50);
            way(tags(RoadClass.FOOTWAY, null), entrance, middle, inner);
            if (pedestrianGate) {
                int footGate = node(gateX, y0 + 92);
                nodeTags.put(footGate, Map.of("barrier", "gate"));
                way(tags(RoadClass.FOOTWAY, null), inner, footGate, eastwardShape[2 * north]);
            }
        }

        /** Two north-south alleys across the cell, joining the streets at their shape nodes. */
        private void alleys(int cx, int cy) {
            int south = cy * grid + cx;
            int north = (cy + 1) * grid + cx;
            if (cy + 1 > grid || eastward[south] == null || eastward[north] == null) {
                return;
            }
            for (int k = 0; k < 2; k++) {
                int middle = node((cx + (k + 1) / 3.0) * CELL_METRES + jitter(3), cy * CELL_METRES + 50);
                RoadClass kind = random.nextInt(100) < 60 ? RoadClass.ALLEY : RoadClass.FOOTWAY;
                way(tags(kind, null), eastwardShape[2 * south + k], middle, eastwardShape[2 * north + k]);
            }
        }

        /** A footway and a cycleway crossing the cell corner to corner. */
        private void parkPaths(int cx, int cy) {
            double x0 = cx * CELL_METRES;
            double y0 = cy * CELL_METRES;
            int centre = node(x0 + 50 + jitter(3), y0 + 50 + jitter(3));
            way(tags(RoadClass.FOOTWAY, null), junction(cx, cy), node(x0 + 25 + jitter(3), y0 + 25), centre,
                    node(x0 + 75 + jitter(3), y0 + 75), junction(cx + 1, cy + 1));
            way(tags(RoadClass.CYCLEWAY, null), junction(cx + 1, cy), node(x0 + 75, y0 + 25 + jitter(3)), centre,
                    node(x0 + 25, y0 + 75 + jitter(3)), junction(cx, cy + 1));
        }

        /**
         * One way per run of equal segments along a street line, split where the class changes or a superblock
         * ends (as mappers split at major crossings). One-way arterials alternate their direction.
         */
        private void lineWays(boolean east) {
            RoadClass[] classes = east ? eastward : northward;
            int[] shape = east ? eastwardShape : northwardShape;
            for (int line = 0; line <= grid; line++) {
                int cell = 0;
                while (cell < grid) {
                    RoadClass kind = classes[line * grid + cell];
                    if (kind == null) {
                        cell++;
                        continue;
                    }
                    int end = cell;
                    while (end < grid && classes[line * grid + end] == kind
                            && (end == cell || end % CELLS_PER_SUPERBLOCK != 0)) {
                        end++;
                    }
                    long[] ids = new long[(end - cell) * 3 + 1];
                    int n = 0;
                    for (int c = cell; c < end; c++) {
                        ids[n++] = east ? junction(c, line) : junction(line, c);
                        ids[n++] = shape[2 * (line * grid + c)];
                        ids[n++] = shape[2 * (line * grid + c) + 1];
                    }
                    ids[n] = east ? junction(end, line) : junction(line, end);
                    if (kind == RoadClass.SECONDARY_ONEWAY && (line / CELLS_PER_SUPERBLOCK) % 8 == 5) {
                        reverse(ids);
                    }
                    String name = kind.named() ? streetName(east, line) : null;
                    way(tags(kind, name), ids);
                    cell = end;
                }
            }
        }

        private String streetName(boolean east, int line) {
            String base = ROAD_NAMES[(line * 7 + (east ? 0 : 3)) % ROAD_NAMES.length];
            if (line % CELLS_PER_SUPERBLOCK == 0) {
                return base + "路";
            }
            return base + (east ? "支路" : "街") + (line % CELLS_PER_SUPERBLOCK);
        }

        private Map<String, String> tags(RoadClass kind, String name) {
            Map<String, String> tags = new LinkedHashMap<>(kind.tags());
            if (name != null) {
                tags.put("name", name);
            }
            return tags;
        }

        private void way(Map<String, String> tags, int... nodes) {
            way(tags, Arrays.stream(nodes).asLongStream().toArray());
        }

        private void way(Map<String, String> tags, long[] nodes) {
            wayNodes.add(nodes);
            wayTags.add(tags);
        }

        /** A new node at local metres (x east, y north of the south-west corner); returns its id. */
        private int node(double x, double y) {
            if (nodeCount == lat.length) {
                lat = Arrays.copyOf(lat, nodeCount * 2);
                lon = Arrays.copyOf(lon, nodeCount * 2);
            }
            lat[nodeCount] = latOf(y);
            lon[nodeCount] = lonOf(x);
            return ++nodeCount;
        }

        private double latOf(double y) {
            return centreLat + (y - side / 2) / METRES_PER_DEGREE_LAT;
        }

        private double lonOf(double x) {
            return centreLon + (x - side / 2) / metresPerDegreeLon;
        }

        private double jitter(double metres) {
            return (random.nextDouble() * 2 - 1) * metres;
        }

        private static void reverse(long[] ids) {
            for (int i = 0, j = ids.length - 1; i < j; i++, j--) {
                long t = ids[i];
                ids[i] = ids[j];
                ids[j] = t;
            }
        }
    }
}
