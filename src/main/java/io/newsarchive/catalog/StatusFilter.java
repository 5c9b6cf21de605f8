package io.newsarchive.catalog;

import io.newsarchive.system.ApiError;

import java.util.Locale;

/** Which articles a listing covers by their status, by its parameter {@code status}. */
public enum StatusFilter {
    ACTIVE,
    WITHDRAWN,
    ALL;

    /** The value of {@code status} that asks for it: {@code active}, {@code withdrawn} or {@code all}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The one status listed, or null when articles of every status are. */
    public ArticleStatus only() {
        return switch (this) {
            case ACTIVE -> ArticleStatus.ACTIVE;
            case WITHDRAWN -> ArticleStatus.WITHDRAWN;
            case ALL -> null;
        };
    }

    /** The filter the parameter {@code status} names; active articles when it is absent. */
    static StatusFilter of(String status) {
        if (status == null || status.isEmpty()) {
            return ACTIVE;
        }
        for (StatusFilter filter : values()) {
            if (filter.toString().equals(status)) {
                return filter;
            }
        }
        throw ApiError.badParameter("status", "status must be active, withdrawn or all, not \"" + status + "\"");
    }
}
