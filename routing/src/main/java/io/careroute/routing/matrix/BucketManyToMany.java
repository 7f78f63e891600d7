package io.careroute.routing.matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Travel-time and distance matrices on a contraction hierarchy by the bucket many-to-many method: one forward and
 * one backward upward search per place (a few hundred nodes each, however large the district), then a
 * {@link BucketJoin}. N places cost 2N small searches instead of N Dijkstras over the whole graph.
 * Not thread-safe: one instance per caller (its searches are borrowed from the profile's pool until {@link #close}).
 */
public final class BucketManyToMany implements AutoCloseable {

    private final ContractedProfile profile;
    private UpwardSearch[] searchPair;
    private long searches;

    public BucketManyToMany(ContractedProfile profile) {
        this.profile = profile;
    }

    /** Both search spaces of one place (two searches). */
    PlaceSpaces spaces(SnapSeeds seeds) {
        return new PlaceSpaces(seeds, search(false, seeds), search(true, seeds));
    }

    /** Times and distances between every pair of places; a null entry is a place off the network (unreachable). */
    public TravelMatrix matrix(List<SnapSeeds> places) {
        int size = places.size();
        List<PlaceSpaces> spaces = new ArrayList<>(size);
        try {
            for (SnapSeeds seeds : places) {
                spaces.add(seeds == null ? null : spaces(seeds));
            }
        } finally {
            close();
        }
        int[] seconds = new int[size * size];
        int[] metres = new int[size * size];
        BucketJoin.join(spaces, spaces, profile.nodes(), (s, t, sec, m) -> {
            seconds[s * size + t] = sec;
            metres[s * size + t] = m;
        });
        return new TravelMatrix(size, seconds, metres);
    }

    /**
     * Times and distances from each source to each target (null = off the network): for a few destinations, such as
     * canteens, far cheaper than the square matrix of all places.
     */
    public TravelBlock block(List<SnapSeeds> sources, List<SnapSeeds> targets) {
        List<PlaceSpaces> from = new ArrayList<>(sources.size());
        List<PlaceSpaces> to = new ArrayList<>(targets.size());
        try {
            for (SnapSeeds seeds : sources) {
                from.add(seeds == null ? null : new PlaceSpaces(seeds, search(false, seeds), null));
            }
            for (SnapSeeds seeds : targets) {
                to.add(seeds == null ? null : new PlaceSpaces(seeds, null, search(true, seeds)));
            }
        } finally {
            close();
        }
        int columns = targets.size();
        int[] seconds = new int[sources.size() * columns];
        int[] metres = new int[sources.size() * columns];
        BucketJoin.join(from, to, profile.nodes(), (s, t, sec, m) -> {
            seconds[s * columns + t] = sec;
            metres[s * columns + t] = m;
        });
        return new TravelBlock(sources.size(), columns, seconds, metres);
    }

    private SearchSpace search(boolean backward, SnapSeeds seeds) {
        if (searchPair == null) {
            searchPair = profile.borrowSearches();
        }
        searches++;
        return searchPair[backward ? 1 : 0].run(seeds);
    }

    /** Hands the searches back to the profile's pool. */
    @Override
    public void close() {
        if (searchPair != null) {
            profile.release(searchPair);
            searchPair = null;
        }
    }

    /** Upward searches run so far (two per place routed). */
    public long searches() {
        return searches;
    }
}
