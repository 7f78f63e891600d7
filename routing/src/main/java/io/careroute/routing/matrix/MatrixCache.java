package io.careroute.routing.matrix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Remembers, per profile and snapped place, the place's two search spaces and every pair already computed from it,
 * so that re-planning after one new visit runs two searches (the new place's) and joins one new row and one new
 * column; everything else is read back. Values depend only on the graph and the two snaps, so a pair is never stale.
 *
 * <p>A place is named by its snapped point rounded to about 1 cm ({@link SnapSeeds#pointKey()}) and by the profile's
 * hierarchy (its identity: use one cache per road network, or a closed network's entries just age out). Weighed in
 * bytes; a place's row grows with the destinations it was asked for and is re-weighed each time it is replaced.
 * Thread-safe: concurrent callers may compute the same place twice, and the last row written wins.
 */
public final class MatrixCache {

    private record PlaceKey(ContractedProfile profile, long point) {
    }

    private record Entry(PlaceSpaces spaces, KnownRow row) {
        int footprintBytes() {
            return 48 + spaces.footprintBytes() + row.footprintBytes();
        }
    }

    private static final int MISSING = Integer.MIN_VALUE;

    private final Cache<PlaceKey, Entry> places;
    private final AtomicLong searches = new AtomicLong();
    private final AtomicLong joinedPairs = new AtomicLong();
    private final AtomicLong cachedPairs = new AtomicLong();
    private final AtomicLong placeHits = new AtomicLong();
    private final AtomicLong placeMisses = new AtomicLong();

    /** @param maxBytes rough bound of the memory the cached search spaces and pairs may take */
    public MatrixCache(long maxBytes) {
        this.places = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((PlaceKey key, Entry entry) -> entry.footprintBytes())
                .build();
    }

    /** The matrix between these places (null = off the network, unreachable), computing only what is not known. */
    public TravelMatrix matrix(ContractedProfile profile, List<SnapSeeds> seeds) {
        int n = seeds.size();
        Entry[] entries = entries(profile, seeds);
        long[] points = new long[n];
        for (int i = 0; i < n; i++) {
            points[i] = seeds.get(i) == null ? 0 : seeds.get(i).pointKey();
        }

        int[] seconds = new int[n * n];
        int[] metres = new int[n * n];
        int[] missingInRow = new int[n];
        long readBack = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean routed = entries[i] != null && entries[j] != null;
                long known = routed ? entries[i].row.get(points[j])
                        : KnownRow.pack(TravelMatrix.UNREACHABLE, TravelMatrix.UNREACHABLE);
                if (known == KnownRow.ABSENT) {
                    seconds[i * n + j] = MISSING;
                    missingInRow[i]++;
                } else {
                    seconds[i * n + j] = KnownRow.seconds(known);
                    metres[i * n + j] = KnownRow.metres(known);
                    readBack += routed ? 1 : 0;
                }
            }
        }
        cachedPairs.addAndGet(readBack);
        joinMissing(profile, entries, missingInRow, seconds, metres);
        remember(profile, entries, points, missingInRow, seconds, metres);
        return new TravelMatrix(n, seconds, metres);
    }

    /** Each routed place's cached entry, searching the spaces of places not seen before (once per distinct place). */
    private Entry[] entries(ContractedProfile profile, List<SnapSeeds> seeds) {
        Entry[] entries = new Entry[seeds.size()];
        Map<Long, Entry> fresh = new HashMap<>();
        try (BucketManyToMany searcher = new BucketManyToMany(profile)) {
            for (int i = 0; i < entries.length; i++) {
                SnapSeeds place = seeds.get(i);
                entries[i] = place == null ? null : entry(profile, place, fresh, searcher);
            }
        }
        return entries;
    }

    private Entry entry(ContractedProfile profile, SnapSeeds place, Map<Long, Entry> fresh, BucketManyToMany searcher) {
        Entry entry = places.getIfPresent(new PlaceKey(profile, place.pointKey()));
        if (entry != null) {
            placeHits.incrementAndGet();
            return entry;
        }
        entry = fresh.get(place.pointKey());        // the same place twice in one matrix: neither hit nor miss
        if (entry == null) {
            entry = new Entry(searcher.spaces(place), KnownRow.EMPTY);
            fresh.put(place.pointKey(), entry);
            searches.addAndGet(2);
            placeMisses.incrementAndGet();
        }
        return entry;
    }

    /**
     * Joins the missing pairs in two blocks: rows that are mostly unknown (new places) against every place, and the
     * few missing columns of the other rows (the new places as destinations) against those rows only.
     */
    private void joinMissing(ContractedProfile profile, Entry[] entries, int[] missingInRow, int[] seconds, int[] metres) {
        int n = entries.length;
        List<Integer> fullRows = new ArrayList<>();
        List<Integer> partRows = new ArrayList<>();
        boolean[] partColumn = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (missingInRow[i] * 2 > n) {
                fullRows.add(i);
            } else if (missingInRow[i] > 0) {
                partRows.add(i);
                for (int j = 0; j < n; j++) {
                    partColumn[j] |= seconds[i * n + j] == MISSING;
                }
            }
        }
        List<Integer> all = new ArrayList<>(n);
        List<Integer> partColumns = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            all.add(j);
            if (partColumn[j]) {
                partColumns.add(j);
            }
        }
        join(profile, entries, fullRows, all, seconds, metres);
        join(profile, entries, partRows, partColumns, seconds, metres);
    }

    private void join(ContractedProfile profile, Entry[] entries, List<Integer> rows, List<Integer> columns,
                      int[] seconds, int[] metres) {
        if (rows.isEmpty() || columns.isEmpty()) {
            return;
        }
        int n = entries.length;
        BucketJoin.join(spaces(entries, rows), spaces(entries, columns), profile.nodes(), (s, t, sec, m) -> {
            int cell = rows.get(s) * n + columns.get(t);
            seconds[cell] = sec;
            metres[cell] = m;
        });
        joinedPairs.addAndGet((long) rows.size() * columns.size());
    }

    private static List<PlaceSpaces> spaces(Entry[] entries, List<Integer> indices) {
        List<PlaceSpaces> spaces = new ArrayList<>(indices.size());
        for (int i : indices) {
            spaces.add(entries[i] == null ? null : entries[i].spaces);
        }
        return spaces;
    }

    /** Stores the completed rows of every place that had pairs missing (once per distinct place). */
    private void remember(ContractedProfile profile, Entry[] entries, long[] points, int[] missingInRow,
                          int[] seconds, int[] metres) {
        int n = entries.length;
        Map<Long, Boolean> done = new HashMap<>();
        long[] keys = new long[n];
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            if (entries[i] == null || missingInRow[i] == 0 || done.put(points[i], Boolean.TRUE) != null) {
                continue;
            }
            int count = 0;
            for (int j = 0; j < n; j++) {
                if (entries[j] != null) {
                    keys[count] = points[j];
                    values[count] = KnownRow.pack(seconds[i * n + j], metres[i * n + j]);
                    count++;
                }
            }
            Entry updated = new Entry(entries[i].spaces, entries[i].row.with(keys, values, count));
            places.put(new PlaceKey(profile, points[i]), updated);
        }
    }

    /** Upward searches run so far (two per place not found in the cache). */
    public long searches() {
        return searches.get();
    }

    /** Pairs joined so far, i.e. not read back from the cache. */
    public long joinedPairs() {
        return joinedPairs.get();
    }

    /** Pairs of routed places read back from the cache instead of joined (the cache's hits). */
    public long cachedPairs() {
        return cachedPairs.get();
    }

    /** Places looked up and found in the cache (their search spaces read back), over the cache's life. */
    public long placeHits() {
        return placeHits.get();
    }

    /** Places looked up and not found (searched now), over the cache's life. */
    public long placeMisses() {
        return placeMisses.get();
    }

    /** Places currently cached (after pending evictions). */
    public long places() {
        places.cleanUp();
        return places.estimatedSize();
    }
}
