package io.newsarchive.search;

import io.newsarchive.catalog.ArticleSearch;
import io.newsarchive.catalog.PostgresSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Which engine answers the catalog's searches: OpenSearch when its URL is set, else PostgreSQL. */
@ApplicationScoped
class SearchEngineChoice {

    @Produces
    @ApplicationScoped
    ArticleSearch articleSearch(SearchEngine engine, PostgresSearch postgres, OpenSearchArticleSearch opensearch) {
        return engine.configured() ? opensearch : postgres;
    }
}
