package io.newsarchive.catalog;

import java.util.Locale;

/**
 * Which versions of each URL a listing covers, as the version facet names them: the latest ({@code latest}, the
 * default) or all of them ({@code all}, what {@code all_versions=true} asks for).
 */
public enum VersionFilter {
    LATEST,
    ALL;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
