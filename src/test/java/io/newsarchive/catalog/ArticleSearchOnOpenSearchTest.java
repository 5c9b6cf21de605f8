package io.newsarchive.catalog;

import io.newsarchive.testing.OpenSearchTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every listing and search case of {@link ArticleSearchTest} with OpenSearch as the search engine: text queries
 * go to OpenSearch (listings without one stay with PostgreSQL), and must answer as PostgreSQL does.
 */
@QuarkusTest
@TestProfile(OpenSearchTestResource.Profile.class)
class ArticleSearchOnOpenSearchTest extends ArticleSearchTest {}
