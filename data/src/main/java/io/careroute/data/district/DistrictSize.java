package io.careroute.data.district;

/**
 * How big a generated district is, in superblocks (the 600 m squares between arterial roads) per side. A superblock
 * holds about 275 OSM nodes and 120 road junctions.
 */
public record DistrictSize(int superblocksPerSide) {

    /** About 4,400 OSM nodes (2.4 km square): small enough to import in a unit test. */
    public static final DistrictSize TOWN = new DistrictSize(4);

    /** About 215,000 OSM nodes (16.8 km square, a large urban district): the matrix benchmark's network. */
    public static final DistrictSize CITY = new DistrictSize(28);

    public DistrictSize {
        if (superblocksPerSide < 1 || superblocksPerSide > 100) {
            throw new IllegalArgumentException("superblocksPerSide must be 1..100, was " + superblocksPerSide);
        }
    }

    public double sideMetres() {
        return superblocksPerSide * DistrictGenerator.SUPERBLOCK_METRES;
    }
}
