package io.newsarchive.testing;

import io.newsarchive.search.OutboxIndexer;
import io.newsarchive.search.SearchEngine;
import io.quarkus.arc.Arc;

/** The search index of the Quarkus app under test, for tests that search right after they changed articles. */
public final class SearchIndex {

    private SearchIndex() {}

    /** Makes every change so far searchable, when the app searches with OpenSearch; else nothing to do. */
    public static void catchUp() {
        if (!Arc.container().instance(SearchEngine.class).get().configured()) {
            return;
        }
        try {
            Arc.container().instance(OutboxIndexer.class).get().catchUp();
        } catch (Exception e) {
            throw new IllegalStateException("the search index did not catch up", e);
        }
    }
}
