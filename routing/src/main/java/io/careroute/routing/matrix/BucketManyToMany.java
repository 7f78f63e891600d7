package io.careroute.routing.matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Travel-time and distance matrices on a contraction hierarchy by the bucket many-to-many method: one forward and
 * one backward upward search per place (a few hundred nodes each, however large the district), then a
 * {@link BucketJoin}. N places cost 2N small searches instead of N Dijkstras over the whole graph.
 * Not thread-safe: one instance per thread (its search arrays span the graph).
 */
public final class BucketManyToMany {

    private final ContractedProfile profile;
    private final UpwardSearch forward;
    private final UpwardSearch backward;
    private long searches;

    public BucketManyToMany(ContractedProfile profile) {
        this.profile = profile;
        this.forward = new UpwardSearch(profile, false);
        this.backward = new UpwardSearch(profile, true);
    }

    /** Both search spaces of one place (two searches). */
    PlaceSpaces spaces(SnapSeeds seeds) {
        searches += 2;
        return new PlaceSpaces(seeds, forward.run(seeds), backward.run(seeds));
    }

    /** Times and distances between every pair of places; a null entry is a place off the network (unreachable). */
    public TravelMatrix matrix(List<SnapSeeds> places) {
        int size = places.size();
        List<PlaceSpaces> spaces = new ArrayList<>(size);
        for (SnapSeeds seeds : places) {
            spaces.add(seeds == null ? null : spaces(seeds));
        }
        int[] seconds = new int[size * size];
        int[] metres = new int[size * size];
        BucketJoin.join(spaces, spaces, profile.nodes(), (s, t, sec, m) -> {
            seconds[s * size + t] = sec;
            metres[s * size + t] = m;
        });
        return new TravelMatrix(size, seconds, metres);
    }

    /** Upward searches run so far (two per place routed). */
    public long searches() {
        return searches;
    }
}
