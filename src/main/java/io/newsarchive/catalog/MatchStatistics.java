package io.newsarchive.catalog;

import io.newsarchive.system.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a query's matches hold, as Media Cloud shows it: their most frequent words, and how much of each source they
 * are. Read on PostgreSQL as a listing is, within its statement timeout and its turns ({@link PostgresSearch#read}).
 */
@ApplicationScoped
public class MatchStatistics {

    /**
     * The stems in most of the sampled articles, from their text vectors ({@code ts_stat}: ndoc articles hold a
     * lexeme), each with the form it is written in most often there: the articles' words as typed (the
     * {@code simple} configuration: lower case, neither stemmed nor stop words dropped), each taken to its stem by
     * {@code english_stem}, the dictionary by which the {@code english} configuration made the vectors' lexemes.
     */
    private static final String TOP_WORDS = """
            with lexemes as (
                select word, ndoc from ts_stat(?) where word ~ '[[:alpha:]]' order by ndoc desc, word limit ?
            ), forms as (
                select distinct on (lexeme) lexeme, word
                from (select (ts_lexize('english_stem', s.word))[1] as lexeme, s.word, s.nentry from ts_stat(?) s) f
                where lexeme in (select word from lexemes)
                order by lexeme, nentry desc, word
            )
            select l.word, l.ndoc, coalesce(f.word, l.word)
            from lexemes l left join forms f on f.lexeme = l.word
            order by l.ndoc desc, l.word""";

    private final PostgresSearch search;
    private final ListingCounts counts;
    private final int sample;
    private final int maxQueryTerms;

    MatchStatistics(PostgresSearch search, ListingCounts counts, CatalogConfig config) {
        this.search = search;
        this.counts = counts;
        this.sample = config.browse().topWordsSample();
        this.maxQueryTerms = config.browse().maxQueryTerms();
    }

    /**
     * The {@code limit} words found in the most matches of the newest {@code catalog.browse.top-words-sample}
     * matches, counted by their stem from the articles' text vectors (English stop words and words without a
     * letter left out), each shown in the form most often written.
     */
    public TopWords topWords(CatalogFilter filter, int limit) {
        return search.read(filter, (c, where, deadline) -> {
            ListingRequest newest = new ListingRequest(filter, SortOrder.NEWEST, sample, null, false, false, 0);
            ListingPages.Page page = ListingPages.page(c, newest, where, deadline);
            List<Long> ids = page.items().stream().map(ArticleJson::id).toList();
            String sampled = " from article where id = any('{"
                    + ids.stream().map(String::valueOf).collect(Collectors.joining(","))
                    + "}'::bigint[])";
            List<TopWords.Word> words = new ArrayList<>();
            deadline.nextStatement();
            try (PreparedStatement ps = c.prepareStatement(TOP_WORDS)) {
                ps.setString(1, "select search_vector" + sampled);
                ps.setInt(2, limit);
                ps.setString(
                        3,
                        "select to_tsvector('simple'::regconfig, headline || ' ' || article_body_text(sentences))"
                                + sampled);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long articles = rs.getLong(2);
                        words.add(new TopWords.Word(
                                rs.getString(3), rs.getString(1), articles, share(articles, ids.size())));
                    }
                }
            }
            return new TopWords(filter.describe(), ids.size(), page.next() != null, words);
        });
    }

    /**
     * How many articles of each source match, out of how many it has within the filter's dates, statuses and
     * versions, the sources with most matches first; counted exactly, within the statement timeout.
     */
    public Coverage coverage(CatalogFilter filter) {
        return search.read(filter, (c, where, deadline) -> {
            List<Object> params = new ArrayList<>();
            String matched = counts.matches(filter, where, false, params);
            // out of the articles without the passage, which article_month_count counts
            CatalogFilter everything = filter.withoutPassage();
            String all = ListingCounts.monthCounts(
                    everything,
                    where.passageIds() == null ? where : FilterConditions.of(c, everything, maxQueryTerms),
                    params);
            String sql = """
                    with matched (source_id, month, status, latest, n) as (
                    %s
                    ), everything (source_id, month, status, latest, n) as (
                    %s
                    ), hits as (
                        select source_id, sum(n) as matches from matched group by 1 having sum(n) <> 0
                    ), sources as (
                        select source_id, sum(n) as articles from everything group by 1 having sum(n) <> 0
                    )
                    select host, matches, articles, sources from (
                        select s.host, h.matches, a.articles, null::bigint as sources
                        from hits h join sources a using (source_id) join source s on s.id = h.source_id
                        union all
                        select null, (select coalesce(sum(matches), 0) from hits), coalesce(sum(articles), 0), count(*)
                        from sources
                    ) r
                    order by host is not null, matches desc, host""".formatted(matched, all);
            List<Coverage.Source> bySource = new ArrayList<>();
            long matches = 0;
            long articles = 0;
            long sources = 0;
            try (PreparedStatement ps = FilterConditions.prepare(c, sql, params);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) == null) {
                        matches = rs.getLong(2);
                        articles = rs.getLong(3);
                        sources = rs.getLong(4);
                    } else {
                        bySource.add(new Coverage.Source(
                                rs.getString(1), rs.getLong(2), rs.getLong(3), share(rs.getLong(2), rs.getLong(3))));
                    }
                }
            }
            return new Coverage(
                    filter.describe(), matches, articles, share(matches, articles), bySource.size(), sources, bySource);
        });
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
