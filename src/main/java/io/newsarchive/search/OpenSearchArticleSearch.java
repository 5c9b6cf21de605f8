package io.newsarchive.search;

import io.micrometer.core.instrument.Timer;
import io.newsarchive.catalog.ArticleJson;
import io.newsarchive.catalog.ArticleSearch;
import io.newsarchive.catalog.CatalogFilter;
import io.newsarchive.catalog.CollectionStats;
import io.newsarchive.catalog.Cursor;
import io.newsarchive.catalog.EngineKind;
import io.newsarchive.catalog.Listing;
import io.newsarchive.catalog.ListingRequest;
import io.newsarchive.catalog.PostgresSearch;
import io.newsarchive.catalog.SearchMetrics;
import io.newsarchive.catalog.SortOrder;
import io.newsarchive.catalog.SourceCollections;
import io.newsarchive.catalog.StatusFilter;
import io.newsarchive.catalog.VersionFilter;
import io.newsarchive.reuse.NearCopies;
import io.newsarchive.reuse.PassageLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.CalendarInterval;
import org.opensearch.client.opensearch._types.aggregations.FiltersBucket;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.Pit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text searches answered by OpenSearch: which articles match, in what order, how many, their facets and snippets.
 * The articles themselves are read from PostgreSQL by id, so that a listing shows the record as it is now.
 * Listings without a text query stay with PostgreSQL, which answers them faster from its own indexes. When
 * OpenSearch cannot answer, PostgreSQL does (the same matches, its own ranking), and {@link SearchStatus} says so.
 *
 * <p>Relevance is BM25 over the whole text, with matches in the headline counting three times and in the lead
 * twice more; ties newest first. A relevance cursor names the article it follows and its score; the next page
 * scores that article again, so that scores that moved as articles were added (word frequencies change) move the
 * place to continue from with them.
 */
@ApplicationScoped
@Typed(OpenSearchArticleSearch.class)
public class OpenSearchArticleSearch implements ArticleSearch {

    private static final float HEADLINE_BOOST = 3;
    private static final float LEAD_BOOST = 2;
    /** Ids read per request of an export's selection. */
    private static final int SELECTION_PAGE = 10_000;

    private final SearchEngine engine;
    private final ArticleIndex index;
    private final PostgresSearch postgres;
    private final SearchStatus status;
    private final SearchMetrics metrics;
    private final SourceCollections collections;
    private final PassageLookup passages;
    private final NearCopies nearCopies;

    OpenSearchArticleSearch(
            SearchEngine engine,
            ArticleIndex index,
            PostgresSearch postgres,
            SearchStatus status,
            SearchMetrics metrics,
            SourceCollections collections,
            PassageLookup passages,
            NearCopies nearCopies) {
        this.engine = engine;
        this.index = index;
        this.postgres = postgres;
        this.status = status;
        this.metrics = metrics;
        this.collections = collections;
        this.passages = passages;
        this.nearCopies = nearCopies;
    }

    @Override
    public Listing list(ListingRequest request) {
        String q = request.filter().q();
        if (q == null) {
            return postgres.list(request);
        }
        Timer.Sample sample = metrics.start();
        // the same checks and messages as on PostgreSQL
        postgres.checkTextQuery(q);
        Cursor cursor = request.cursor();
        if (cursor != null && request.sort() == SortOrder.RELEVANCE && !cursor.scored()) {
            throw Cursor.fromOtherEngine();
        }
        // an unknown collection is refused as on PostgreSQL
        Narrowing narrowing = narrowing(request.filter());
        try {
            Listing listing = search(request, WebSearchQuery.parse(q), narrowing);
            status.searchAnswered();
            // a search that OpenSearch fails is timed as PostgreSQL's, which answers it
            metrics.answered(sample, EngineKind.OPENSEARCH, true);
            return listing;
        } catch (IOException | OpenSearchException e) {
            status.searchFailed(e);
            return postgres.list(request);
        }
    }

    /**
     * The filter's articles, for an export: the ids of a text query's matches from one point in time of the index
     * go into a temporary table of the export's transaction, whose snapshot gives their rows and bytes.
     */
    @Override
    public String selection(Connection c, CatalogFilter filter) throws SQLException {
        if (filter.q() == null) {
            return postgres.selection(c, filter);
        }
        postgres.checkTextQuery(filter.q());
        Narrowing narrowing = narrowing(filter);
        try (Statement create = c.createStatement()) {
            create.execute("create temporary table export_selection (id bigint primary key) on commit drop");
        }
        try {
            selectMatches(c, filter, narrowing);
            status.searchAnswered();
        } catch (IOException | OpenSearchException e) {
            status.searchFailed(e);
            try (Statement drop = c.createStatement()) {
                drop.execute("drop table export_selection");
            }
            return postgres.selection(c, filter);
        }
        // the matches carry the passage already
        CatalogFilter others = new CatalogFilter(
                null,
                null,
                filter.from(),
                filter.to(),
                filter.sources(),
                filter.collections(),
                filter.statuses(),
                filter.allVersions());
        return postgres.selection(c, others) + " and a.id in (select id from export_selection)";
    }

    /**
     * What a filter names that PostgreSQL knows, as the articles it narrows a search to.
     *
     * @param collectionHosts the hosts of the filter's collections, together, or null when it names none
     * @param carriers        the ids of the articles that carry its passage, or null when it has none
     * @param sameArticle     the ids of the articles that listings leave out as the same article as an earlier one
     *                        ({@link NearCopies#listed})
     */
    private record Narrowing(List<String> collectionHosts, List<Long> carriers, List<String> sameArticle) {}

    private Narrowing narrowing(CatalogFilter filter) {
        return new Narrowing(
                filter.collections().isEmpty() ? null : collections.hosts(filter.collections()),
                filter.passage() == null ? null : passages.carriers(filter.passage()),
                nearCopies.sameArticleCopies().stream().map(String::valueOf).toList());
    }

    /**
     * One page with its total and facets. With facets the query matches every status and version and a post filter
     * keeps the listed ones, so that one search gives the page, its total (hits are counted after the post filter),
     * the facets of what it lists (aggregated under the same filter) and those of status and version, each under
     * the filter's other part.
     */
    private Listing search(ListingRequest r, WebSearchQuery text, Narrowing narrowing) throws IOException {
        CatalogFilter filter = r.filter();
        Query query = query(r.facets() ? filter.widened() : filter, narrowing, text, true);
        List<CollectionStats> facetCollections = r.facets() ? collections.all() : List.of();
        Cursor cursor = r.cursor();
        boolean backward = cursor != null && cursor.backward();
        List<FieldValue> after = cursor == null ? null : searchAfter(r, query, cursor);
        SearchResponse<Void> response = client().search(
                        s -> {
                            s.index(index.alias())
                                    .query(query)
                                    .size(r.limit() + 1)
                                    .sort(sort(r.sort(), backward))
                                    .trackTotalHits(t -> t.enabled(true))
                                    .source(src -> src.fetch(false));
                            if (after != null) {
                                s.searchAfter(after);
                            }
                            if (r.facets()) {
                                s.postFilter(all(visibility(filter, narrowing)));
                                s.aggregations(
                                        facetAggregations(filter, narrowing, r.sourceFacets(), facetCollections));
                            }
                            return s;
                        },
                        Void.class);
        List<Hit<Void>> hits = new ArrayList<>(response.hits().hits());
        boolean more = hits.size() > r.limit();
        if (more) {
            hits.remove(hits.size() - 1);
        }
        if (backward) {
            Collections.reverse(hits);
        }
        // snippets as PostgreSQL makes them: the same on either engine, and cheaper than OpenSearch's highlighter
        List<ArticleJson> items = postgres.articles(
                hits.stream().map(hit -> Long.valueOf(hit.id())).toList(),
                r.filter().q());
        long start = Cursor.start(cursor, hits.size(), more);
        String next = null;
        String prev = null;
        if (!hits.isEmpty()) {
            if (backward || more) {
                next = cursorAt(r.sort(), hits.get(hits.size() - 1), false, start + hits.size() - 1);
            }
            if (backward ? more : cursor != null) {
                prev = cursorAt(r.sort(), hits.get(0), true, start);
            }
        }
        long total = response.hits().total().value();
        if (!r.facets()) {
            return new Listing(items, next, prev, start + 1, total, false, null, null, null);
        }
        Map<String, Aggregate> aggregations =
                response.aggregations().get("listed").filter().aggregations();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        response.aggregations()
                .get("statuses")
                .filter()
                .aggregations()
                .get("status")
                .sterms()
                .buckets()
                .array()
                .forEach(b -> byStatus.put(b.key(), b.docCount()));
        long active = byStatus.getOrDefault(StatusFilter.ACTIVE.toString(), 0L);
        long withdrawn = byStatus.getOrDefault(StatusFilter.WITHDRAWN.toString(), 0L);
        var versions = response.aggregations().get("versions").filter();
        Listing.Facets facets = new Listing.Facets(
                terms(aggregations.get("source")),
                terms(aggregations.get("domain")),
                histogram(aggregations.get("year")),
                histogram(aggregations.get("month")),
                collectionCounts(facetCollections, aggregations.get("collection")),
                List.of(
                        new Listing.FacetValue(StatusFilter.ACTIVE.toString(), active),
                        new Listing.FacetValue(StatusFilter.WITHDRAWN.toString(), withdrawn),
                        new Listing.FacetValue(StatusFilter.ALL.toString(), active + withdrawn)),
                List.of(
                        new Listing.FacetValue(
                                VersionFilter.LATEST.toString(),
                                versions.aggregations().get("latest").filter().docCount()),
                        new Listing.FacetValue(VersionFilter.ALL.toString(), versions.docCount())));
        int sourceCount = (int) aggregations.get("sources").cardinality().value();
        return new Listing(items, next, prev, start + 1, total, false, facets, sourceCount, null);
    }

    /**
     * Whether an article matches (on the whole text), filtered, and for ranking its headline and lead.
     */
    private static Query query(CatalogFilter f, Narrowing narrowing, WebSearchQuery text, boolean ranked) {
        BoolQuery.Builder bool = new BoolQuery.Builder().must(text.matching("text"));
        if (ranked && !text.exclusionsOnly()) {
            bool.should(boosted(text.anyWanted("headline"), HEADLINE_BOOST));
            bool.should(boosted(text.anyWanted("lead"), LEAD_BOOST));
        }
        visibility(f, narrowing).forEach(bool::filter);
        if (f.from() != null || f.to() != null) {
            bool.filter(Query.of(q -> q.range(range -> {
                range.field("published");
                if (f.from() != null) {
                    range.gte(JsonData.of(f.from().toString()));
                }
                if (f.to() != null) {
                    range.lte(JsonData.of(f.to().toString()));
                }
                return range;
            })));
        }
        if (!f.sources().isEmpty()) {
            List<FieldValue> names = f.sources().stream().map(FieldValue::of).toList();
            bool.filter(Query.of(q -> q.bool(b -> b.should(
                            Query.of(s -> s.terms(t -> t.field("source").terms(v -> v.value(names)))),
                            Query.of(s -> s.terms(t -> t.field("domain").terms(v -> v.value(names)))))
                    .minimumShouldMatch("1"))));
        }
        if (narrowing.collectionHosts() != null) {
            bool.filter(fromHosts(narrowing.collectionHosts()));
        }
        if (narrowing.carriers() != null) {
            List<String> ids =
                    narrowing.carriers().stream().map(String::valueOf).toList();
            bool.filter(Query.of(q -> q.ids(i -> i.values(ids))));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    /** The filter's conditions on version and status, in that order: none, one or both. */
    private static List<Query> visibility(CatalogFilter f, Narrowing narrowing) {
        List<Query> conditions = new ArrayList<>();
        if (!f.allVersions()) {
            conditions.add(listedVersion(narrowing));
        }
        if (f.statuses().only() != null) {
            String word = f.statuses().only().toString();
            conditions.add(Query.of(q -> q.term(t -> t.field("status").value(FieldValue.of(word)))));
        }
        return conditions;
    }

    /** A version that listings show: the latest at its address, but for the same article as an earlier one. */
    private static Query listedVersion(Narrowing narrowing) {
        Query latest = Query.of(q -> q.term(t -> t.field("latest").value(FieldValue.TRUE)));
        if (narrowing.sameArticle().isEmpty()) {
            return latest;
        }
        return Query.of(q ->
                q.bool(b -> b.filter(latest).mustNot(Query.of(n -> n.ids(i -> i.values(narrowing.sameArticle()))))));
    }

    /** The filter's condition on its status alone. */
    private static List<Query> statusPart(CatalogFilter f, Narrowing narrowing) {
        return visibility(
                new CatalogFilter(null, null, null, null, List.of(), List.of(), f.statuses(), true), narrowing);
    }

    /** The filter's condition on its version alone. */
    private static List<Query> versionPart(CatalogFilter f, Narrowing narrowing) {
        return visibility(
                new CatalogFilter(null, null, null, null, List.of(), List.of(), StatusFilter.ALL, f.allVersions()),
                narrowing);
    }

    /** Articles that meet every condition; every article for none. */
    private static Query all(List<Query> conditions) {
        return Query.of(q -> q.bool(b -> b.filter(conditions)));
    }

    /** Articles of these hosts; of none when there are none. */
    private static Query fromHosts(List<String> hosts) {
        List<FieldValue> names = hosts.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field("source").terms(v -> v.value(names))));
    }

    private static Query boosted(Query query, float boost) {
        return Query.of(q -> q.bool(b -> b.should(query).boost(boost)));
    }

    /**
     * The order of a listing, reversed for a page before a cursor; the id last, so that no two rows tie. The order
     * {@code source} is by host the other way round from its dates (A to Z, then newest first).
     */
    private static List<SortOptions> sort(SortOrder order, boolean backward) {
        boolean descending = (order != SortOrder.OLDEST) != backward;
        org.opensearch.client.opensearch._types.SortOrder direction = descending
                ? org.opensearch.client.opensearch._types.SortOrder.Desc
                : org.opensearch.client.opensearch._types.SortOrder.Asc;
        List<SortOptions> sort = new ArrayList<>();
        switch (order) {
            case RELEVANCE -> sort.add(SortOptions.of(s -> s.score(sc -> sc.order(direction))));
            case SOURCE -> {
                var hosts = descending
                        ? org.opensearch.client.opensearch._types.SortOrder.Asc
                        : org.opensearch.client.opensearch._types.SortOrder.Desc;
                sort.add(SortOptions.of(s -> s.field(f -> f.field("source").order(hosts))));
            }
            case WORDS ->
                sort.add(SortOptions.of(s -> s.field(f -> f.field("word_count").order(direction))));
            default -> {}
        }
        if (order != SortOrder.INGESTED && order != SortOrder.WORDS) {
            sort.add(SortOptions.of(s -> s.field(f -> f.field("published").order(direction))));
        }
        sort.add(SortOptions.of(s -> s.field(f -> f.field("id").order(direction))));
        return sort;
    }

    /** Where a page starts: the cursor's row as the index now sorts it. */
    private List<FieldValue> searchAfter(ListingRequest r, Query query, Cursor cursor) throws IOException {
        FieldValue id = FieldValue.of(cursor.id());
        if (r.sort() == SortOrder.INGESTED) {
            return List.of(id);
        }
        if (r.sort() == SortOrder.WORDS) {
            return List.of(FieldValue.of(cursor.words()), id);
        }
        FieldValue published = FieldValue.of(
                cursor.published().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        if (r.sort() == SortOrder.SOURCE) {
            return List.of(FieldValue.of(cursor.host()), published, id);
        }
        if (r.sort() != SortOrder.RELEVANCE) {
            return List.of(published, id);
        }
        String boundary = Long.toString(cursor.id());
        SearchResponse<Void> rescored = client().search(
                        s -> s.index(index.alias())
                                .query(Query.of(q -> q.bool(b ->
                                        b.must(query).filter(Query.of(f -> f.ids(i -> i.values(boundary)))))))
                                .size(1)
                                .source(src -> src.fetch(false)),
                        Void.class);
        double score = rescored.hits().hits().isEmpty()
                ? cursor.score()
                : rescored.hits().hits().get(0).score();
        return List.of(FieldValue.of(score), published, id);
    }

    private static String cursorAt(SortOrder order, Hit<Void> hit, boolean backward, long position) {
        List<FieldValue> values = hit.sort();
        long id = Long.parseLong(hit.id());
        if (order == SortOrder.RELEVANCE) {
            String key = Cursor.scoredKey(values.get(0).doubleValue(), date(values.get(1)));
            return new Cursor(order, key, id, backward, position).token();
        }
        String key = switch (order) {
            case INGESTED -> "";
            case WORDS -> Long.toString(values.get(0).longValue());
            case SOURCE -> values.get(0).stringValue() + "/" + date(values.get(1));
            default -> date(values.get(0)).toString();
        };
        return new Cursor(order, key, id, backward, position).token();
    }

    private static LocalDate date(FieldValue epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis.longValue()), ZoneOffset.UTC);
    }

    /**
     * The facets: what the page lists (the listed articles, under the filter's status and version) by collection,
     * source, domain, year and month; by status under the filter's version; by version under its status.
     */
    private static Map<String, Aggregation> facetAggregations(
            CatalogFilter filter, Narrowing narrowing, int sourceFacets, List<CollectionStats> collections) {
        Map<String, Aggregation> listed = new LinkedHashMap<>();
        if (!collections.isEmpty()) {
            Map<String, Query> members = new LinkedHashMap<>();
            collections.forEach(c -> members.put(c.slug(), fromHosts(c.sources())));
            listed.put("collection", Aggregation.of(a -> a.filters(f -> f.filters(b -> b.keyed(members)))));
        }
        listed.put("source", Aggregation.of(a -> a.terms(t -> t.field("source").size(sourceFacets))));
        listed.put("domain", Aggregation.of(a -> a.terms(t -> t.field("domain").size(sourceFacets))));
        // exact up to 40,000 sources: below its threshold the count is kept as a set
        listed.put(
                "sources",
                Aggregation.of(a -> a.cardinality(c -> c.field("source").precisionThreshold(40_000))));
        listed.put("year", dateHistogram(CalendarInterval.Year, "yyyy"));
        listed.put("month", dateHistogram(CalendarInterval.Month, "yyyy-MM"));
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        aggregations.put(
                "listed",
                Aggregation.of(a -> a.filter(all(visibility(filter, narrowing))).aggregations(listed)));
        aggregations.put(
                "statuses",
                Aggregation.of(a -> a.filter(all(versionPart(filter, narrowing)))
                        .aggregations("status", Aggregation.of(s -> s.terms(t -> t.field("status"))))));
        aggregations.put(
                "versions",
                Aggregation.of(a -> a.filter(all(statusPart(filter, narrowing)))
                        .aggregations("latest", Aggregation.of(l -> l.filter(listedVersion(narrowing))))));
        return aggregations;
    }

    private static List<Listing.FacetValue> terms(Aggregate aggregate) {
        return aggregate.sterms().buckets().array().stream()
                .map(b -> new Listing.FacetValue(b.key(), b.docCount()))
                .toList();
    }

    private static Aggregation dateHistogram(CalendarInterval interval, String format) {
        return Aggregation.of(a -> a.dateHistogram(d ->
                d.field("published").calendarInterval(interval).format(format).minDocCount(1)));
    }

    /** Every collection with the matches of its sources, from the collection aggregation. */
    private static List<Listing.CollectionValue> collectionCounts(List<CollectionStats> collections, Aggregate counts) {
        if (collections.isEmpty()) {
            return List.of();
        }
        Map<String, FiltersBucket> buckets = counts.filters().buckets().keyed();
        return collections.stream()
                .map(c -> new Listing.CollectionValue(
                        c.slug(), c.name(), buckets.get(c.slug()).docCount()))
                .sorted(Listing.CollectionValue.ORDER)
                .toList();
    }

    private static List<Listing.FacetValue> histogram(Aggregate aggregate) {
        return aggregate.dateHistogram().buckets().array().stream()
                .map(b -> new Listing.FacetValue(b.keyAsString(), b.docCount()))
                .toList();
    }

    /** Every match's id from one point in time of the index, into {@code export_selection}. */
    private void selectMatches(Connection c, CatalogFilter filter, Narrowing narrowing)
            throws IOException, SQLException {
        Query query = query(filter, narrowing, WebSearchQuery.parse(filter.q()), false);
        OpenSearchClient client = client();
        String pit = client.createPit(p -> p.index(index.alias()).keepAlive(t -> t.time("1m")))
                .pitId();
        try (PreparedStatement insert =
                c.prepareStatement("insert into export_selection select unnest(?::bigint[]) on conflict do nothing")) {
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> from = after;
                SearchResponse<Void> page = client.search(
                        s -> {
                            s.pit(new Pit.Builder().id(pit).keepAlive("1m").build())
                                    .query(query)
                                    .size(SELECTION_PAGE)
                                    .sort(SortOptions.of(o -> o.field(f -> f.field("id"))))
                                    .trackTotalHits(t -> t.enabled(false))
                                    .source(src -> src.fetch(false));
                            if (from != null) {
                                s.searchAfter(from);
                            }
                            return s;
                        },
                        Void.class);
                List<Hit<Void>> hits = page.hits().hits();
                if (hits.isEmpty()) {
                    return;
                }
                insert.setArray(
                        1,
                        c.createArrayOf(
                                "bigint",
                                hits.stream().map(Hit::id).map(Long::valueOf).toArray()));
                insert.executeUpdate();
                after = hits.get(hits.size() - 1).sort();
            }
        } finally {
            client.deletePit(d -> d.pitId(pit));
        }
    }

    private OpenSearchClient client() {
        return engine.client();
    }
}
