package io.newsarchive.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsarchive.catalog.IndexedArticle;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.opensearch.indices.update_aliases.Action;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog's index in OpenSearch. Searches read the alias ({@code catalog.search.opensearch.index}); the index
 * behind it is named after it with the time it was made, so that a rebuild fills a new index (reached meanwhile by
 * the alias {@code <alias>-building}) and then moves the alias in one step. Documents are written with external
 * versions from PostgreSQL ({@code search_document_version}), so of two writes of one article the later read wins,
 * whatever order they arrive in. The mapping ({@code search/article-index.json}) is explicit and ignores unknown
 * fields ({@code dynamic: false}); its analyzer is PostgreSQL's English configuration as far as OpenSearch has it
 * (the same stop words, Snowball's English stemmer), so that both engines find the same articles.
 */
@ApplicationScoped
public class ArticleIndex {

    private static final Logger LOG = Logger.getLogger(ArticleIndex.class);

    private static final DateTimeFormatter INDEX_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SearchEngine engine;

    ArticleIndex(SearchEngine engine) {
        this.engine = engine;
    }

    /** The alias searches read. */
    String alias() {
        return engine.config().index();
    }

    /** The alias of an index being built. */
    String buildingAlias() {
        return alias() + "-building";
    }

    /**
     * The aliases writes go to: the one searches read and the one of a build, where they exist. Writes name
     * aliases, never indices, and require them to exist: a write to an index that a build has just replaced and
     * deleted would otherwise make it again, with a mapping guessed from the document.
     */
    List<String> writeTargets() throws IOException {
        List<String> targets = new ArrayList<>();
        for (String alias : List.of(alias(), buildingAlias())) {
            if (!indicesOf(alias).isEmpty()) {
                targets.add(alias);
            }
        }
        return targets;
    }

    /** Whether the alias names an index, so that searches can read it. */
    boolean searchable() throws IOException {
        return !indicesOf(alias()).isEmpty();
    }

    Set<String> indicesOf(String alias) throws IOException {
        OpenSearchClient client = engine.client();
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            return Set.of();
        }
        return client.indices().getAlias(a -> a.name(alias)).result().keySet();
    }

    /**
     * Makes a new empty index with the catalog's mapping, reached through the building alias, and answers its name;
     * in one request, so that a failure leaves nothing behind. It refreshes only when asked until {@link #publish}
     * (bulk loading is faster so).
     */
    String createForBuilding() throws IOException {
        String name = alias() + "-" + LocalDateTime.now(ZoneOffset.UTC).format(INDEX_TIME);
        ObjectNode body;
        try (InputStream in = ArticleIndex.class.getResourceAsStream("/search/article-index.json")) {
            body = (ObjectNode) JSON.readTree(in);
        }
        ((ObjectNode) body.get("settings")).put("refresh_interval", "-1");
        body.putObject("aliases").putObject(buildingAlias());
        try (Response created = engine.client()
                .generic()
                .execute(Requests.builder()
                        .method("PUT")
                        .endpoint("/" + name)
                        .json(JSON.writeValueAsString(body))
                        .build())) {
            if (created.getStatus() != 200) {
                throw new IOException("OpenSearch did not create the index " + name + ": " + created.getStatus() + " "
                        + created.getBody().map(b -> b.bodyAsString()).orElse(""));
            }
        }
        return name;
    }

    /** Deletes the indices behind the building alias: left from builds that died, as the caller holds the build lock. */
    void deleteUnfinishedBuilds() throws IOException {
        for (String unfinished : indicesOf(buildingAlias())) {
            LOG.infof("deleting the index %s of a build that did not finish", unfinished);
            engine.client().indices().delete(d -> d.index(unfinished));
        }
    }

    /**
     * Puts the alias in front of a built index in one step, and deletes the indices it was in front of before
     * and other unfinished builds.
     */
    void publish(String built) throws IOException {
        OpenSearchClient client = engine.client();
        client.indices().putSettings(s -> s.index(built).settings(i -> i.refreshInterval(t -> t.time("1s"))));
        client.indices().refresh(r -> r.index(built));
        Set<String> previous = indicesOf(alias());
        Set<String> building = indicesOf(buildingAlias());
        List<Action> actions = new ArrayList<>();
        actions.add(Action.of(a -> a.add(add -> add.index(built).alias(alias()))));
        for (String old : previous) {
            actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(alias()))));
        }
        for (String b : building) {
            actions.add(Action.of(a -> a.remove(r -> r.index(b).alias(buildingAlias()))));
        }
        client.indices().updateAliases(u -> u.actions(actions));
        for (String old : previous) {
            if (!old.equals(built)) {
                client.indices().delete(d -> d.index(old));
            }
        }
        for (String b : building) {
            if (!b.equals(built)) {
                client.indices().delete(d -> d.index(b));
            }
        }
    }

    /** Deletes an index a build made and could not finish; a failure here leaves it for the next build. */
    void deleteQuietly(String name) {
        try {
            engine.client().indices().delete(d -> d.index(name));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("could not delete the unfinished index %s (the next build will): %s", name, e.getMessage());
        }
    }

    /** Makes what was written searchable now, rather than within a second. */
    void refresh() throws IOException {
        engine.client().indices().refresh(r -> r.index(alias()));
    }

    /**
     * Writes the articles into each target alias with the given version. A document already there with a later
     * version stays: a later read of that article reached the index first. A build's alias that is gone was
     * published meanwhile: the write is done if it went to the searches' alias too, and else fails, to be tried
     * again on the index that was published.
     */
    void write(List<IndexedArticle> articles, long version, List<String> targets) throws IOException {
        if (articles.isEmpty() || targets.isEmpty()) {
            return;
        }
        List<BulkOperation> operations = new ArrayList<>();
        for (String target : targets) {
            for (IndexedArticle a : articles) {
                operations.add(BulkOperation.of(op -> op.index(i -> i.index(target)
                        .id(Long.toString(a.id()))
                        .version(version)
                        .versionType(VersionType.External)
                        .document(document(a)))));
            }
        }
        BulkResponse response;
        try {
            response = engine.client().bulk(b -> b.operations(operations).requireAlias(true));
        } catch (OpenSearchException e) {
            throw new IOException("OpenSearch refused a bulk request: " + e.getMessage(), e);
        }
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                // 409: a later version is there already
                boolean published =
                        item.status() == 404 && buildingAlias().equals(item.index()) && targets.contains(alias());
                if (item.error() != null && item.status() != 409 && !published) {
                    throw new IOException("OpenSearch refused article " + item.id() + " in " + item.index() + ": "
                            + item.error().reason());
                }
            }
        }
    }

    private static Map<String, Object> document(IndexedArticle a) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", a.id());
        doc.put("headline", a.headline());
        doc.put("lead", a.lead());
        // what matches: headline and body as two values, so that no phrase runs from one into the other
        doc.put("text", List.of(a.headline(), a.body()));
        doc.put("published", a.published().toString());
        doc.put("source", a.source());
        doc.put("domain", a.domain());
        doc.put("status", a.status().toString());
        doc.put("latest", a.latest());
        doc.put("word_count", a.wordCount());
        return doc;
    }
}
