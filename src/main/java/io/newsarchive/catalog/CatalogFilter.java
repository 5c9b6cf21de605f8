package io.newsarchive.catalog;

import io.newsarchive.corpus.ArticleUrl;
import io.newsarchive.reuse.PassageKeys;
import io.newsarchive.reuse.PassageLookup;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.Href;
import io.newsarchive.system.Params;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which articles a listing or an export covers.
 *
 * @param q           the web-search text query, or null
 * @param passage     a passage its articles carry, however they wrote it ({@link PassageLookup}), or null
 * @param from        first publication date, inclusive, or null
 * @param to          last publication date, inclusive, or null
 * @param sources     hosts or registrable domains (lower case, without {@code www.}); empty for all
 * @param collections slugs of source collections, whose sources' articles are listed; empty for all
 * @param statuses    active articles (the default), withdrawn ones, or all
 * @param allVersions whether earlier versions of an article are listed too
 */
public record CatalogFilter(
        String q,
        String passage,
        LocalDate from,
        LocalDate to,
        List<String> sources,
        List<String> collections,
        StatusFilter statuses,
        boolean allVersions) {

    static final int MAX_QUERY_LENGTH = 500;
    static final int MAX_PASSAGE_LENGTH = 2000;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern HOST = Pattern.compile("[\\p{L}\\p{N}._-]{1,253}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    public static CatalogFilter of(FilterParams p) {
        String q = Params.text("q", p.q);
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw ApiError.badParameter("q", "q is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        String passage = passage(p.passage);
        LocalDate from = Params.date("from", p.from);
        LocalDate to = Params.date("to", p.to);
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiError.badParameter("to", "to (" + to + ") is before from (" + from + ")");
        }
        return new CatalogFilter(
                q,
                passage,
                from,
                to,
                sources(p.source),
                collections(p.collection),
                StatusFilter.of(p.status),
                Params.bool("all_versions", p.allVersions, false));
    }

    /** The filter with the sources replaced, as the source pages and facet links need it. */
    public CatalogFilter withSources(List<String> replaced) {
        return new CatalogFilter(q, passage, from, to, List.copyOf(replaced), collections, statuses, allVersions);
    }

    /** The filter without its passage. */
    CatalogFilter withoutPassage() {
        return new CatalogFilter(q, null, from, to, sources, collections, statuses, allVersions);
    }

    /** The filter with its status and version parts set aside: articles of every status, every version. */
    public CatalogFilter widened() {
        return new CatalogFilter(q, passage, from, to, sources, collections, StatusFilter.ALL, true);
    }

    /** A link to {@code path} with these filters as the catalog writes them, in the default order. */
    Href href(String path) {
        return new ListingRequest(
                        this,
                        SortOrder.of(null, q != null),
                        ListingRequest.DEFAULT_LIMIT,
                        null,
                        true,
                        false,
                        ListingRequest.DEFAULT_SOURCE_FACETS)
                .href(path);
    }

    /** The filters as a query string ({@code q=...&source=...}; empty for none), as saved searches keep them. */
    public String query() {
        String link = href("").toString();
        return link.isEmpty() ? "" : link.substring(1);
    }

    /** The filters in words, for people reading an export's description or a feed's title years later. */
    public String describe() {
        StringBuilder text = new StringBuilder(allVersions ? "All versions of the articles" : "The articles");
        if (q != null) {
            text.append(" matching \"").append(q).append('"');
        }
        if (passage != null) {
            text.append(q != null ? " and" : "")
                    .append(" carrying the passage \"")
                    .append(passage)
                    .append('"');
        }
        if (!sources.isEmpty()) {
            text.append(" from ").append(String.join(", ", sources));
        }
        if (!collections.isEmpty()) {
            text.append(collections.size() == 1 ? " in the collection " : " in the collections ")
                    .append(String.join(", ", collections));
        }
        if (from != null) {
            text.append(" published from ").append(from);
        }
        if (to != null) {
            text.append(from != null ? " to " : " published up to ").append(to);
        }
        text.append(
                switch (statuses) {
                    case WITHDRAWN -> ", withdrawn ones only";
                    case ALL -> ", withdrawn ones included";
                    case ACTIVE -> "";
                });
        return text.toString();
    }

    /**
     * A passage as pasted, its line breaks and runs of spaces made one space; a 400 when it is too long, or too short
     * to be a passage.
     */
    private static String passage(String value) {
        String passage = Params.text(
                "passage", value == null ? null : SPACES.matcher(value).replaceAll(" "));
        if (passage == null) {
            return null;
        }
        if (passage.length() > MAX_PASSAGE_LENGTH) {
            throw ApiError.badParameter("passage", "passage is longer than " + MAX_PASSAGE_LENGTH + " characters");
        }
        if (!PassageLookup.longEnough(passage)) {
            throw ApiError.badParameter(
                    "passage",
                    "passage must have at least " + PassageKeys.MIN_WORDS
                            + " words: shorter ones are common phrases; search a phrase with q=\"...\"");
        }
        return passage;
    }

    private static List<String> sources(List<String> values) {
        List<String> sources = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            String host = value.strip().toLowerCase(Locale.ROOT);
            if (host.isEmpty()) {
                continue;
            }
            if (!HOST.matcher(host).matches()) {
                throw ApiError.badParameter(
                        "source", "source must be a host name such as example.com, not \"" + value + "\"");
            }
            host = ArticleUrl.withoutWww(host);
            if (!sources.contains(host)) {
                sources.add(host);
            }
        }
        return List.copyOf(sources);
    }

    /** The slugs as written, checked in form here; which collections there are is checked with the catalog. */
    private static List<String> collections(List<String> values) {
        List<String> slugs = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            String slug = value.strip().toLowerCase(Locale.ROOT);
            if (slug.isEmpty()) {
                continue;
            }
            if (!SLUG.matcher(slug).matches()) {
                throw ApiError.badParameter(
                        "collection",
                        "collection must be a collection's slug such as uk-tabloids (see /api/collections), not \""
                                + value + "\"");
            }
            if (!slugs.contains(slug)) {
                slugs.add(slug);
            }
        }
        return List.copyOf(slugs);
    }
}
