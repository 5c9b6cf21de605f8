package io.newsarchive.search;

import io.newsarchive.catalog.ArticleChanges;
import io.newsarchive.catalog.ArticleStatus;
import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.catalog.IndexedArticle;
import io.newsarchive.testing.OpenSearchTestResource;
import io.newsarchive.testing.SearchIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;

import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index behind its aliases on a catalog of its own: a build that died leaves no catalog without search, and a
 * write never makes an index that a build replaced.
 */
@QuarkusTest
@TestProfile(IndexRebuildTest.OwnCatalog.class)
class IndexRebuildTest {

    public static class OwnCatalog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the test says when the indexer runs (SearchIndex.catchUp)
            Map<String, String> config = new HashMap<>(OpenSearchTestResource.freshCatalog());
            config.put("quarkus.scheduler.enabled", "false");
            return config;
        }
    }

    @Inject
    SearchEngine engine;

    @Inject
    ArticleIndex index;

    @Inject
    IndexRebuild rebuild;

    @Inject
    OutboxIndexer indexer;

    @Inject
    DataSource dataSource;

    @Test
    void aBuildThatDiedIsDeletedAndSearchesGetANewIndex() throws Exception {
        String word = CatalogFixtures.uniqueWord();
        long id = CatalogFixtures.ingest(article(
                        "Rebuilt " + word,
                        LocalDate.of(2022, 5, 1),
                        "https://news." + CatalogFixtures.uniqueDomain() + "/r",
                        "Text."))
                .get(0);
        SearchIndex.catchUp();
        // as a first build killed half-way leaves it: an index behind the build's alias, none behind the searches'
        OpenSearchClient client = engine.client();
        for (String live : index.indicesOf(index.alias())) {
            client.indices().delete(d -> d.index(live));
        }
        String dead = index.alias() + "-dead";
        client.indices().create(c -> c.index(dead));
        client.indices().putAlias(a -> a.index(dead).name(index.buildingAlias()));

        assertTimeoutPreemptively(Duration.ofMinutes(1), SearchIndex::catchUp);

        Set<String> live = index.indicesOf(index.alias());
        assertEquals(1, live.size(), "searches read one index: " + live);
        assertTrue(index.indicesOf(index.buildingAlias()).isEmpty(), "no build is left");
        assertFalse(client.indices().exists(e -> e.index(dead)).value(), "the dead build's index is deleted");
        given().get("/api/articles?q=" + word)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo((int) id));

        IndexRebuild.Built again = rebuild.rebuild(n -> {}, n -> {}).orElseThrow();
        assertTrue(again.articles() >= 1, "the rebuild wrote " + again.articles());
        assertEquals(Set.of(again.index()), index.indicesOf(index.alias()), "searches read the newest build");
    }

    @Test
    void changesMadeWhileNothingRecordedThemReachTheIndexWhenRecordingStartsAgain() throws Exception {
        SearchIndex.catchUp();
        assertTrue(indexer.stopRecording() >= 0);
        long unrecorded = CatalogFixtures.ingest(article(
                        "Unrecorded " + CatalogFixtures.uniqueWord(),
                        LocalDate.of(2022, 5, 2),
                        "https://news." + CatalogFixtures.uniqueDomain() + "/u",
                        "Text."))
                .get(0);
        assertFalse(inIndex(unrecorded));
        // another instance starts recording again: this one learns from the catalog that the index misses changes
        try (Connection c = dataSource.getConnection()) {
            ArticleChanges.startRecording(c);
        }

        SearchIndex.catchUp();

        assertTrue(inIndex(unrecorded), "the index was built again");
    }

    private boolean inIndex(long id) throws IOException {
        index.refresh();
        return engine.client()
                .exists(e -> e.index(index.alias()).id(Long.toString(id)))
                .value();
    }

    @Test
    void aWriteToAnIndexThatIsGoneFailsRatherThanMakingItAgain() throws Exception {
        String gone = index.alias() + "-replaced";
        IndexedArticle article = new IndexedArticle(
                1, "Headline", "Lead.", "Body.", LocalDate.of(2022, 1, 1), "h", "h", ArticleStatus.ACTIVE, true, 2);

        IOException refused = assertThrows(IOException.class, () -> index.write(List.of(article), 1, List.of(gone)));

        assertTrue(refused.getMessage().contains(gone), refused.getMessage());
        assertFalse(engine.client().indices().exists(e -> e.index(gone)).value(), "no index was made");
        // a build's alias that is gone is no success unless the searches' alias had the write too
        assertThrows(IOException.class, () -> index.write(List.of(article), 1, List.of(index.buildingAlias())));
    }
}
