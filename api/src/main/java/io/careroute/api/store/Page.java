package io.careroute.api.store;

import java.util.List;

/** One page of a list, newest first, with what a client needs to page on. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }
}
