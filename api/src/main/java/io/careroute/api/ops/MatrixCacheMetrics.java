package io.careroute.api.ops;

import io.careroute.routing.matrix.MatrixCache;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The travel-matrix cache's plain counters as meters ({@code careroute_matrix_cache_*}): routing keeps counting in
 * its own longs and knows nothing of Micrometer; the meters read them at each scrape.
 */
@Component
class MatrixCacheMetrics implements MeterBinder {

    private final MatrixCache cache;

    MatrixCacheMetrics(MatrixCache cache) {
        this.cache = cache;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        String pairs = "Travel pairs of plans' matrices: read back from the cache (hit) or computed (miss)";
        FunctionCounter.builder("careroute.matrix.cache.pairs", cache, MatrixCache::cachedPairs)
                .description(pairs).tag("result", "hit").register(registry);
        FunctionCounter.builder("careroute.matrix.cache.pairs", cache, MatrixCache::joinedPairs)
                .description(pairs).tag("result", "miss").register(registry);
        String lookups = "Places looked up in the cache: found (hit) or searched on the roads, two searches each (miss)";
        FunctionCounter.builder("careroute.matrix.cache.lookups", cache, MatrixCache::placeHits)
                .description(lookups).tag("result", "hit").register(registry);
        FunctionCounter.builder("careroute.matrix.cache.lookups", cache, MatrixCache::placeMisses)
                .description(lookups).tag("result", "miss").register(registry);
        Gauge.builder("careroute.matrix.cache.entries", cache, MatrixCache::places)
                .description("Places held in the cache now").register(registry);
    }
}
