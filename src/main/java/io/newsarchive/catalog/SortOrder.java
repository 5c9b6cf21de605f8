package io.newsarchive.catalog;

import io.newsarchive.system.ApiError;

/** The orders a listing can have, by their {@code sort} parameter. */
public enum SortOrder {
    NEWEST("-published"),
    OLDEST("published"),
    RELEVANCE("relevance"),
    /** Most recently ingested first: by id, which grows with every stored article and version. */
    INGESTED("-ingested"),
    /** By the source's host A to Z, each source's articles newest first. */
    SOURCE("source"),
    /** Longest first, by word count. */
    WORDS("-words");

    public final String param;

    SortOrder(String param) {
        this.param = param;
    }

    /** The given order, or the default: relevance when there is a text query, newest first otherwise. */
    static SortOrder of(String value, boolean hasQuery) {
        if (value == null || value.isEmpty()) {
            return hasQuery ? RELEVANCE : NEWEST;
        }
        for (SortOrder order : values()) {
            if (order.param.equals(value)) {
                if (order == RELEVANCE && !hasQuery) {
                    throw ApiError.badParameter("sort", "sort=relevance needs a text query q");
                }
                return order;
            }
        }
        throw ApiError.badParameter(
                "sort",
                "sort must be -published, published, relevance, -ingested, source or -words, not \"" + value + "\"");
    }
}
