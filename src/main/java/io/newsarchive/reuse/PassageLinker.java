package io.newsarchive.reuse;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the passages new articles share with stored ones, and with each other, and stores them: each passage once,
 * with every sentence that carries it. Runs in the caller's transaction, which holds the catalog's write lock
 * ({@link io.newsarchive.system.CatalogWriteLock}), so that articles and their passages are stored together or not
 * at all, and two writers never miss each other's passages.
 *
 * <p>A new article's passages are looked up under their {@link PassageKeys}: one GIN lookup for the whole batch in
 * {@code reuse_article}, which keeps only the keys an article was the first to carry. A quote that a thousand
 * articles repeat is so found in the one that first carried it (or first carried that wording), not in the thousand;
 * the sentences found are then {@link WordAlignment aligned} with the new one to confirm the match.
 */
public final class PassageLinker {

    /** Candidates a passage is aligned with at most: more are the same passage, already linked together. */
    private static final int MAX_CANDIDATES = 3;
    /** Keys looked up in one GIN scan. */
    private static final int LOOKUP_CHUNK = 256;
    /** Two articles are near-copies when their shared passages cover at least this share of the words of each. */
    static final double NEAR_COPY_COVER = 0.5;

    /**
     * An article to link, as just stored.
     *
     * @param normalizedUrl its address: other versions at it are revisions, not copies
     */
    public record NewArticle(long id, long sourceId, String normalizedUrl, ArticlePassages passages) {}

    /** One sentence of one article. */
    record Place(long article, int sentence) {}

    /** A new article's sentence that carries a passage of another article's sentence. */
    private record Link(Place place, Place other, WordAlignment alignment) {}

    /** A key an article was the first to carry, and its sentence. */
    private record FirstKey(int key, int sentence) {}

    /** What linking needs to know of an article besides its sentences. */
    private record Known(long source, String normalizedUrl, int words) {}

    /** The work of one batch: what is known of its articles and of those they are compared with. */
    private final Connection conn;

    private final Map<Long, Known> known = new HashMap<>();
    private final Map<Place, List<String>> sentences = new HashMap<>();

    private PassageLinker(Connection conn) {
        this.conn = conn;
    }

    /** Links the articles, in order: a later one of them finds its passages in the earlier ones too. */
    public static void link(Connection conn, List<NewArticle> articles) throws SQLException {
        if (!articles.isEmpty()) {
            new PassageLinker(conn).linkAll(articles);
        }
    }

    private void linkAll(List<NewArticle> articles) throws SQLException {
        Set<Integer> lookup = new HashSet<>();
        for (NewArticle a : articles) {
            known.put(
                    a.id(),
                    new Known(a.sourceId(), a.normalizedUrl(), a.passages().words()));
            List<SentenceWords> words = a.passages().sentences();
            for (int n = 0; n < words.size(); n++) {
                sentences.put(new Place(a.id(), n), words.get(n).words());
            }
            lookup.addAll(PassageKeys.lookupKeys(a.passages().units()));
        }
        Map<Integer, Place> keyed = storedKeys(conn, lookup);

        List<Link> wanted = new ArrayList<>();
        Map<Long, List<FirstKey>> firstKeys = new LinkedHashMap<>();
        for (NewArticle a : articles) {
            Set<Link> aligned = new HashSet<>();
            for (PassageKeys.Unit u : a.passages().units()) {
                // the sentences found under most of its keys first: a chance hit shares one key
                Map<Place, Integer> hits = new LinkedHashMap<>();
                for (int k : u.lookup()) {
                    Place other = keyed.get(k);
                    if (other != null && other.article() != a.id()) {
                        hits.merge(other, 1, Integer::sum);
                    }
                }
                hits.entrySet().stream()
                        .sorted(Map.Entry.<Place, Integer>comparingByValue().reversed())
                        .limit(MAX_CANDIDATES)
                        .map(e -> new Link(new Place(a.id(), u.sentence()), e.getKey(), null))
                        .filter(aligned::add)
                        .forEach(wanted::add);
            }
            // the keys this article is the first to carry, for the articles after it to find
            List<FirstKey> first = new ArrayList<>();
            for (PassageKeys.Unit u : a.passages().units()) {
                for (int k : u.stored()) {
                    if (keyed.putIfAbsent(k, new Place(a.id(), u.sentence())) == null) {
                        first.add(new FirstKey(k, u.sentence()));
                    }
                }
            }
            firstKeys.put(a.id(), first);
        }
        readSentences(wanted);
        List<Link> links = new ArrayList<>();
        for (Link w : wanted) {
            List<String> other = sentences.get(w.other());
            if (other != null) {
                WordAlignment.of(sentences.get(w.place()), other)
                        .ifPresent(al -> links.add(new Link(w.place(), w.other(), al)));
            }
        }
        storeArticles(firstKeys);
        storePassages(links);
        storeNearCopies(links);
    }

    /** The stored sentence that was first to carry each of these keys that any has. */
    static Map<Integer, Place> storedKeys(Connection conn, Set<Integer> lookup) throws SQLException {
        Map<Integer, Place> keyed = new HashMap<>();
        if (lookup.isEmpty()) {
            return keyed;
        }
        // The keys in sorted chunks, each one GIN scan: one scan of all the batch's keys checks every key against
        // every row found, and a scan a key costs more to start than a chunk's keys cost to find.
        Array keys = conn.createArrayOf("integer", lookup.stream().sorted().toArray());
        try (PreparedStatement select = conn.prepareStatement("""
                select r.article_id, r.keys, r.key_sentences
                from generate_series(1, cardinality(?::integer[]), ?) g
                cross join lateral (select article_id, keys, key_sentences from reuse_article
                                    where keys && (?::integer[])[g:g + ? - 1]) r""")) {
            select.setArray(1, keys);
            select.setInt(2, LOOKUP_CHUNK);
            select.setArray(3, keys);
            select.setInt(4, LOOKUP_CHUNK);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long article = rs.getLong(1);
                    Integer[] stored = (Integer[]) rs.getArray(2).getArray();
                    Short[] sentences = (Short[]) rs.getArray(3).getArray();
                    for (int i = 0; i < stored.length; i++) {
                        if (lookup.contains(stored[i])) {
                            keyed.putIfAbsent(stored[i], new Place(article, sentences[i]));
                        }
                    }
                }
            }
        }
        return keyed;
    }

    /** Reads the stored sentences to align with, and what is known of their articles. */
    private void readSentences(List<Link> wanted) throws SQLException {
        Set<Place> stored = new LinkedHashSet<>();
        for (Link w : wanted) {
            if (!sentences.containsKey(w.other())) {
                stored.add(w.other());
            }
        }
        if (stored.isEmpty()) {
            return;
        }
        storedSentences(conn, stored)
                .forEach((place, text) ->
                        sentences.put(place, SentenceWords.of(text).words()));
        Set<Long> unknown = new TreeSet<>();
        stored.forEach(place -> {
            if (!known.containsKey(place.article())) {
                unknown.add(place.article());
            }
        });
        if (unknown.isEmpty()) {
            return;
        }
        try (PreparedStatement select = conn.prepareStatement("""
                select a.id, a.source_id, a.normalized_url, r.words
                from article a join reuse_article r on r.article_id = a.id
                where a.id = any(?)""")) {
            select.setArray(1, conn.createArrayOf("bigint", unknown.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    known.put(rs.getLong(1), new Known(rs.getLong(2), rs.getString(3), rs.getInt(4)));
                }
            }
        }
    }

    /** The text of each of these stored sentences (none for a number past its article's last sentence). */
    static Map<Place, String> storedSentences(Connection conn, Collection<Place> places) throws SQLException {
        Map<Place, String> texts = new LinkedHashMap<>();
        try (PreparedStatement select = conn.prepareStatement("""
                select p.article, p.sentence, a.sentences[p.sentence + 1]
                from unnest(?::bigint[], ?::integer[]) p(article, sentence)
                join article a on a.id = p.article""")) {
            select.setArray(1, articles(conn, places));
            select.setArray(2, sentences(conn, places));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String text = rs.getString(3);
                    if (text != null) {
                        texts.put(new Place(rs.getLong(1), rs.getInt(2)), text);
                    }
                }
            }
        }
        return texts;
    }

    /** The places' articles, in order, as an SQL array. */
    static Array articles(Connection conn, Collection<Place> places) throws SQLException {
        return conn.createArrayOf("bigint", places.stream().map(Place::article).toArray());
    }

    /** The places' sentence numbers, in order, as an SQL array. */
    static Array sentences(Connection conn, Collection<Place> places) throws SQLException {
        return conn.createArrayOf(
                "integer", places.stream().map(Place::sentence).toArray());
    }

    private void storeArticles(Map<Long, List<FirstKey>> firstKeys) throws SQLException {
        try (PreparedStatement insert = conn.prepareStatement("""
                insert into reuse_article (article_id, words, keys, key_sentences)
                values (?, ?, ?::integer[], ?::smallint[])""")) {
            for (Map.Entry<Long, List<FirstKey>> e : firstKeys.entrySet()) {
                List<FirstKey> keys = e.getValue();
                insert.setLong(1, e.getKey());
                insert.setInt(2, known.get(e.getKey()).words());
                insert.setArray(
                        3,
                        conn.createArrayOf(
                                "integer", keys.stream().map(FirstKey::key).toArray()));
                insert.setArray(
                        4,
                        conn.createArrayOf(
                                "smallint",
                                keys.stream().map(k -> (short) k.sentence()).toArray()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Puts each linked pair of sentences in one passage: the passage either already carries, or a new one. A link
     * between sentences of two passages makes them one.
     */
    private void storePassages(List<Link> links) throws SQLException {
        if (links.isEmpty()) {
            return;
        }
        Map<Place, Place> parent = new HashMap<>();
        Set<Place> revisions = new HashSet<>();
        for (Link l : links) {
            union(parent, l.place(), l.other());
            if (known.get(l.place().article())
                    .normalizedUrl()
                    .equals(known.get(l.other().article()).normalizedUrl())) {
                revisions.add(l.place());
            }
        }
        Map<Place, Set<Long>> passagesOf = storedPassages(parent.keySet());
        Map<Place, Set<Place>> groups = new LinkedHashMap<>();
        for (Place p : parent.keySet()) {
            groups.computeIfAbsent(find(parent, p), r -> new LinkedHashSet<>()).add(p);
        }
        Map<Long, Long> kept = mergePassages(groups.values(), passagesOf);
        List<Long> newIds = newPassageIds(groups.values().stream()
                .filter(g -> g.stream().noneMatch(passagesOf::containsKey))
                .count());
        List<Long> carrierPassages = new ArrayList<>();
        List<Place> carriers = new ArrayList<>();
        Map<List<Long>, Integer> counts = new HashMap<>();
        int next = 0;
        for (Set<Place> group : groups.values()) {
            Long passage = group.stream()
                    .flatMap(p -> passagesOf.getOrDefault(p, Set.of()).stream())
                    .map(kept::get)
                    .findFirst()
                    .orElse(null);
            if (passage == null) {
                passage = newIds.get(next++);
            }
            Set<Long> counted = new HashSet<>();
            for (Place p : group) {
                if (passagesOf.getOrDefault(p, Set.of()).stream().map(kept::get).noneMatch(passage::equals)) {
                    carrierPassages.add(passage);
                    carriers.add(p);
                    // an article counts once for its source, and a revision not again
                    if (!revisions.contains(p) && counted.add(p.article())) {
                        counts.merge(List.of(passage, known.get(p.article()).source()), 1, Integer::sum);
                    }
                }
            }
        }
        addCarriers(carrierPassages, carriers);
        addCounts(counts);
        Set<Long> changed = new TreeSet<>(kept.keySet());
        changed.addAll(carrierPassages);
        recountSourceDays(changed);
    }

    /**
     * Makes the stored passages that a group of linked sentences carries one, the lowest id kept, and answers the id
     * kept for each. All merges are done before any carrier is added: two groups can link the same passage, and a
     * carrier must never be added under an id that a merge took away.
     */
    private Map<Long, Long> mergePassages(Collection<Set<Place>> groups, Map<Place, Set<Long>> passagesOf)
            throws SQLException {
        Map<Long, Long> parent = new HashMap<>();
        for (Set<Place> group : groups) {
            List<Long> ids = group.stream()
                    .flatMap(p -> passagesOf.getOrDefault(p, Set.of()).stream())
                    .toList();
            ids.forEach(id -> union(parent, id, ids.get(0)));
        }
        Map<Long, TreeSet<Long>> joined = new HashMap<>();
        parent.keySet()
                .forEach(id -> joined.computeIfAbsent(find(parent, id), r -> new TreeSet<>())
                        .add(id));
        Map<Long, Long> kept = new HashMap<>();
        for (TreeSet<Long> ids : joined.values()) {
            if (ids.size() > 1) {
                merge(ids.first(), List.copyOf(ids.tailSet(ids.first(), false)));
            }
            ids.forEach(id -> kept.put(id, ids.first()));
        }
        return kept;
    }

    private static <T> void union(Map<T, T> parent, T a, T b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        T ra = find(parent, a);
        T rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }

    private static <T> T find(Map<T, T> parent, T p) {
        T root = p;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(p, root);
        return root;
    }

    private Map<Place, Set<Long>> storedPassages(Set<Place> places) throws SQLException {
        Map<Place, Set<Long>> passages = new HashMap<>();
        try (PreparedStatement select = conn.prepareStatement("""
                select c.article_id, c.sentence, c.passage_id
                from unnest(?::bigint[], ?::smallint[]) p(article, sentence)
                join passage_carrier c on c.article_id = p.article and c.sentence = p.sentence""")) {
            select.setArray(
                    1,
                    conn.createArrayOf(
                            "bigint", places.stream().map(Place::article).toArray()));
            select.setArray(
                    2,
                    conn.createArrayOf(
                            "smallint", places.stream().map(Place::sentence).toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    passages.computeIfAbsent(new Place(rs.getLong(1), rs.getInt(2)), p -> new HashSet<>())
                            .add(rs.getLong(3));
                }
            }
        }
        return passages;
    }

    private List<Long> newPassageIds(long count) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement next =
                conn.prepareStatement("select nextval('passage_id_seq') from generate_series(1, ?)")) {
            next.setLong(1, count);
            try (ResultSet rs = next.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * The carriers and counts of the other passages move to the first, and the others are gone; their ids lead to
     * the first from now on.
     */
    private void merge(long passage, List<Long> others) throws SQLException {
        Array ids = conn.createArrayOf("bigint", others.toArray());
        try (PreparedStatement merged = conn.prepareStatement("""
                        with moved as (update passage_merge set into_id = ? where into_id = any(?))
                        insert into passage_merge (passage_id, into_id) select unnest(?::bigint[]), ?
                        on conflict (passage_id) do update set into_id = excluded.into_id""");
                PreparedStatement carriers = conn.prepareStatement("""
                        with gone as (delete from passage_carrier where passage_id = any(?) returning *)
                        insert into passage_carrier (passage_id, article_id, sentence)
                        select ?, article_id, sentence from gone
                        on conflict do nothing""");
                PreparedStatement counts = conn.prepareStatement("""
                        with gone as (delete from passage_source where passage_id = any(?) returning *)
                        insert into passage_source (passage_id, source_id, articles)
                        select ?, source_id, sum(articles) from gone group by source_id
                        on conflict (passage_id, source_id)
                        do update set articles = passage_source.articles + excluded.articles""")) {
            merged.setLong(1, passage);
            merged.setArray(2, ids);
            merged.setArray(3, ids);
            merged.setLong(4, passage);
            merged.executeUpdate();
            for (PreparedStatement move : List.of(carriers, counts)) {
                move.setArray(1, ids);
                move.setLong(2, passage);
                move.executeUpdate();
            }
        }
    }

    private void addCarriers(List<Long> passages, List<Place> places) throws SQLException {
        try (PreparedStatement insert = conn.prepareStatement("""
                insert into passage_carrier (passage_id, article_id, sentence)
                select * from unnest(?::bigint[], ?::bigint[], ?::smallint[]) on conflict do nothing""")) {
            insert.setArray(1, conn.createArrayOf("bigint", passages.toArray()));
            insert.setArray(
                    2,
                    conn.createArrayOf(
                            "bigint", places.stream().map(Place::article).toArray()));
            insert.setArray(
                    3,
                    conn.createArrayOf(
                            "smallint", places.stream().map(Place::sentence).toArray()));
            insert.executeUpdate();
        }
    }

    private void addCounts(Map<List<Long>, Integer> counts) throws SQLException {
        try (PreparedStatement upsert = conn.prepareStatement("""
                insert into passage_source (passage_id, source_id, articles)
                select * from unnest(?::bigint[], ?::bigint[], ?::integer[])
                on conflict (passage_id, source_id)
                do update set articles = passage_source.articles + excluded.articles""")) {
            List<Map.Entry<List<Long>, Integer>> rows = List.copyOf(counts.entrySet());
            upsert.setArray(
                    1,
                    conn.createArrayOf(
                            "bigint", rows.stream().map(e -> e.getKey().get(0)).toArray()));
            upsert.setArray(
                    2,
                    conn.createArrayOf(
                            "bigint", rows.stream().map(e -> e.getKey().get(1)).toArray()));
            upsert.setArray(
                    3,
                    conn.createArrayOf(
                            "integer", rows.stream().map(Map.Entry::getValue).toArray()));
            upsert.executeUpdate();
        }
    }

    /** Writes again the days each source carried these passages, merged away or not ({@link SourcePairs}, V22). */
    private void recountSourceDays(Set<Long> passages) throws SQLException {
        try (PreparedStatement recount = conn.prepareStatement("select passage_source_days_recount(?::bigint[])")) {
            recount.setArray(1, conn.createArrayOf("bigint", passages.toArray()));
            recount.execute();
        }
    }

    /**
     * Records as near-copies the pairs of articles at different addresses whose linked sentences cover at least
     * {@value #NEAR_COPY_COVER} of the words of each.
     */
    private void storeNearCopies(List<Link> links) throws SQLException {
        // the words each article's sentences share with the other article, the widest alignment per sentence
        Map<List<Long>, Map<Integer, Integer>> mine = new HashMap<>();
        Map<List<Long>, Map<Integer, Integer>> theirs = new HashMap<>();
        for (Link l : links) {
            long a = l.place().article();
            long b = l.other().article();
            if (known.get(a).normalizedUrl().equals(known.get(b).normalizedUrl())) {
                continue;
            }
            List<Long> pair = List.of(a, b);
            mine.computeIfAbsent(pair, p -> new HashMap<>())
                    .merge(
                            l.place().sentence(),
                            l.alignment().aTo() - l.alignment().aFrom(),
                            Math::max);
            theirs.computeIfAbsent(pair, p -> new HashMap<>())
                    .merge(
                            l.other().sentence(),
                            l.alignment().bTo() - l.alignment().bFrom(),
                            Math::max);
        }
        try (PreparedStatement insert = conn.prepareStatement("""
                insert into near_copy (article_id, copy_id, similarity) values (?, ?, ?)
                on conflict do nothing""")) {
            for (Map.Entry<List<Long>, Map<Integer, Integer>> e : mine.entrySet()) {
                long a = e.getKey().get(0);
                long b = e.getKey().get(1);
                double coverA = covered(e.getValue(), known.get(a).words());
                double coverB = covered(theirs.get(e.getKey()), known.get(b).words());
                if (coverA >= NEAR_COPY_COVER && coverB >= NEAR_COPY_COVER) {
                    insert.setLong(1, Math.min(a, b));
                    insert.setLong(2, Math.max(a, b));
                    insert.setFloat(3, (float) Math.min(1, Math.min(coverA, coverB)));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static double covered(Map<Integer, Integer> sentences, int words) {
        int covered = sentences.values().stream().mapToInt(Integer::intValue).sum();
        return words == 0 ? 0 : (double) covered / words;
    }
}
