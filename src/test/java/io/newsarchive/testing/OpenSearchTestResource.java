package io.newsarchive.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog of a {@code @QuarkusTest} with OpenSearch as its search engine: the run's shared database, as
 * {@link CatalogTestDatabase} gives it (same settings, so the two compose in either order), and beside it the run's
 * node ({@link OpenSearchNode#url()}) and the alias that belongs to that database, one per JVM: every Quarkus start on
 * the shared database finds the documents that earlier starts indexed.
 *
 * <p>Use it through {@link Profile}, {@code @TestProfile(OpenSearchTestResource.Profile.class)}, or a profile's
 * {@code testResources()}: a test profile keeps it to its own tests. A bare {@code @QuarkusTestResource} would turn
 * OpenSearch on for every {@code @QuarkusTest} of the run, unless given {@code restrictToAnnotatedClass = true}.
 *
 * <p>A test that needs a catalog no other test writes to (comparing totals between the engines, two instances started
 * as processes) takes {@link #freshCatalog()}: a new database with a new alias of its own.
 */
public class OpenSearchTestResource implements QuarkusTestResourceLifecycleManager {

    /** A test profile with OpenSearch as the search engine on the shared catalog. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenSearchTestResource.class));
        }
    }

    private static String sharedIndex;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(CatalogTestDatabase.config());
        config.putAll(search(sharedIndex()));
        return config;
    }

    @Override
    public void stop() {
        // the node and the alias stay until the JVM ends: the shared database does too
    }

    /** The alias of the shared database's documents, one per JVM. */
    public static synchronized String sharedIndex() {
        if (sharedIndex == null) {
            sharedIndex = OpenSearchNode.freshIndexName();
        }
        return sharedIndex;
    }

    /**
     * The settings of a new catalog of its own: a new, empty database ({@link CatalogTestDatabase#freshDatabase()})
     * and a new alias on the run's node.
     */
    public static Map<String, String> freshCatalog() {
        Map<String, String> config = new HashMap<>(CatalogTestDatabase.freshDatabase());
        config.putAll(search(OpenSearchNode.freshIndexName()));
        return config;
    }

    private static Map<String, String> search(String index) {
        return Map.of("catalog.search.opensearch.url", OpenSearchNode.url(), "catalog.search.opensearch.index", index);
    }
}
