package io.careroute.routing.matrix;

/**
 * A place's seeds and its two search spaces (as an origin and as a destination): everything needed to join it with
 * any other place, whatever problem either comes from. What {@link MatrixCache} keeps per place. A place that is
 * only an origin (or only a destination) of a {@link BucketManyToMany#block} has no backward (or forward) space.
 */
final class PlaceSpaces {

    final SnapSeeds seeds;
    final SearchSpace out;
    final SearchSpace in;

    PlaceSpaces(SnapSeeds seeds, SearchSpace out, SearchSpace in) {
        this.seeds = seeds;
        this.out = out;
        this.in = in;
    }

    int footprintBytes() {
        return 32 + seeds.footprintBytes() + out.footprintBytes() + in.footprintBytes();
    }
}
