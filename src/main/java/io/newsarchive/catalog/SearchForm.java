package io.newsarchive.catalog;

import io.newsarchive.catalog.CatalogView.Choice;
import io.newsarchive.system.ApiError;

import java.util.ArrayList;
import java.util.List;

/**
 * The search form above a listing: the words and dates as they were typed, the order, and the filters it keeps; and,
 * when the catalog could not take the search, what is wrong and with which parameter, shown next to the form so that
 * what was typed can be mended there.
 *
 * @param error     what is wrong with the search, or null
 * @param parameter the parameter at fault, or null
 */
public record SearchForm(
        String q,
        String from,
        String to,
        List<Choice> sorts,
        List<Choice> pageSizes,
        List<Choice> hidden,
        String error,
        String parameter) {

    /** The page sizes offered; another size asked for in the URL is offered too, so that the form keeps it. */
    private static final List<Integer> PAGE_SIZES = List.of(20, 50, 100, 200);

    /** The form of a listing the catalog answered. */
    static SearchForm of(ListingRequest request) {
        CatalogFilter f = request.filter();
        List<Choice> hidden = new ArrayList<>();
        if (f.passage() != null) {
            hidden.add(new Choice("passage", f.passage(), "passage", true));
        }
        f.sources().forEach(s -> hidden.add(new Choice("source", s, s, true)));
        f.collections().forEach(c -> hidden.add(new Choice("collection", c, c, true)));
        if (f.statuses() != StatusFilter.ACTIVE) {
            hidden.add(
                    new Choice("status", f.statuses().toString(), f.statuses().toString(), true));
        }
        if (f.allVersions()) {
            hidden.add(new Choice("all_versions", "true", "all versions", true));
        }
        boolean byDefault = request.sort() == SortOrder.of(null, f.q() != null);
        return new SearchForm(
                f.q() == null ? "" : f.q(),
                f.from() == null ? "" : f.from().toString(),
                f.to() == null ? "" : f.to().toString(),
                sorts(byDefault ? "" : request.sort().param),
                pageSizes(Integer.toString(request.limit())),
                hidden,
                null,
                null);
    }

    /** The form of a search the catalog refused: what was typed, less the filter at fault, and why. */
    static SearchForm refused(ListingParams p, ApiError refused) {
        String at = refused.parameter();
        List<Choice> hidden = new ArrayList<>();
        keep(hidden, "passage", p.passage, at);
        if (p.source != null && !"source".equals(at)) {
            p.source.forEach(s -> hidden.add(new Choice("source", s, s, true)));
        }
        if (p.collection != null && !"collection".equals(at)) {
            p.collection.forEach(c -> hidden.add(new Choice("collection", c, c, true)));
        }
        keep(hidden, "status", p.status, at);
        keep(hidden, "all_versions", p.allVersions, at);
        return new SearchForm(
                p.q == null ? "" : p.q,
                p.from == null ? "" : p.from,
                p.to == null ? "" : p.to,
                sorts(p.sort == null || "sort".equals(at) ? "" : p.sort),
                pageSizes(p.limit == null || p.limit.isEmpty() || "limit".equals(at) ? "" : p.limit),
                hidden,
                refused.message(),
                at);
    }

    private static void keep(List<Choice> hidden, String name, String value, String at) {
        if (value != null && !value.isEmpty() && !name.equals(at)) {
            hidden.add(new Choice(name, value, name, true));
        }
    }

    /**
     * The orders, {@code selected} chosen. The first leaves the order to the words typed, so that a query typed on a
     * page sorted newest first (the home page) comes back by relevance.
     */
    private static List<Choice> sorts(String selected) {
        return List.of(
                new Choice("sort", "", "Best match, else newest", selected.isEmpty()),
                new Choice("sort", "-published", "Newest first", selected.equals(SortOrder.NEWEST.param)),
                new Choice("sort", "published", "Oldest first", selected.equals(SortOrder.OLDEST.param)),
                new Choice(
                        "sort",
                        SortOrder.INGESTED.param,
                        "Recently ingested first",
                        selected.equals(SortOrder.INGESTED.param)),
                new Choice(
                        "sort", SortOrder.SOURCE.param, "By source, A to Z", selected.equals(SortOrder.SOURCE.param)),
                new Choice("sort", SortOrder.WORDS.param, "Longest first", selected.equals(SortOrder.WORDS.param)));
    }

    /**
     * The page sizes, {@code selected} chosen; none chosen is the default size, whose value is empty so that the form
     * leaves it out of the address as links do.
     */
    private static List<Choice> pageSizes(String selected) {
        String size = selected.isEmpty() ? Integer.toString(ListingRequest.DEFAULT_LIMIT) : selected;
        List<Choice> sizes = new ArrayList<>();
        for (int n : PAGE_SIZES) {
            String value = n == ListingRequest.DEFAULT_LIMIT ? "" : Integer.toString(n);
            sizes.add(new Choice("limit", value, n + " a page", size.equals(Integer.toString(n))));
        }
        if (sizes.stream().noneMatch(Choice::selected)) {
            sizes.add(new Choice("limit", size, size + " a page", true));
        }
        return sizes;
    }
}
