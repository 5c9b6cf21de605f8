package io.newsarchive.catalog;

import io.newsarchive.system.Href;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the catalog page shows, with every link worked out: the template only lays it out.
 *
 * @param scope      what the listing is of, named in its heading (a source's host), or null for the catalog
 * @param form       the search form, filled in as the listing was asked for
 * @param rangeText  which of the matches the page shows ("51–100 of 20,706"), or null when it shows none
 * @param filters    the active filters, each with a link that removes it
 * @param domains    the registrable domains of the matches' sources, each a link to {@code source=<domain>}
 * @param collections the collections that have matches, and those chosen
 * @param statuses   the matches of each status, and of all, linking to {@code status=}
 * @param versions   the matches in their latest version and in all versions, linking to {@code all_versions=}
 * @param facetsNote says when facet counts cover only part of the matches
 * @param exports    links that export the whole selection (value: the link, label: the format)
 * @param feedHref   the Atom feed of the selection, or null when it lists withdrawn articles, which feeds do not
 * @param views      the selection's top words and coverage by source
 * @param query      the selection's filters as a query string, as a saved search keeps them
 * @param articleQuery what the links to listed articles carry so that their pages link back to this one
 * @param resultsHref  this page of results, where a withdrawal of articles chosen on it leads back to
 * @param pageIds      the ids of the articles on this page, separated by commas: "all on this page" of the form that
 *                     exports or withdraws the articles ticked; null for a page of more than may be chosen at once
 */
public record CatalogView(
        String title,
        String scope,
        SearchForm form,
        Listing listing,
        String totalText,
        String rangeText,
        String exactTotalHref,
        List<FacetLink> filters,
        List<FacetLink> sources,
        String allSourcesHref,
        List<FacetLink> domains,
        List<FacetLink> collections,
        List<FacetLink> statuses,
        List<FacetLink> versions,
        List<FacetLink> years,
        List<FacetLink> months,
        String facetsNote,
        PeriodChart timeline,
        String nextHref,
        String prevHref,
        String jsonHref,
        List<Choice> exports,
        String feedHref,
        MatchLinks views,
        String query,
        String articleQuery,
        String resultsHref,
        String pageIds) {

    public record Choice(String name, String value, String label, boolean selected) {}

    public record FacetLink(String label, String count, String href, boolean active) {}

    private static final Map<StatusFilter, String> STATUS_LABELS = Map.of(
            StatusFilter.ACTIVE, "Active",
            StatusFilter.WITHDRAWN, "Withdrawn",
            StatusFilter.ALL, "All statuses");

    /** The months facet is listed only for spans up to two years; longer spans offer the years first. */
    private static final int MAX_MONTH_LINKS = 24;

    static CatalogView of(String title, String scope, ListingRequest request, Listing listing) {
        CatalogFilter f = request.filter();
        Href here = request.href("/");
        Href api = here.at("/api/articles");

        List<FacetLink> filters = new ArrayList<>();
        if (f.q() != null) {
            filters.add(new FacetLink(
                    "matching “" + f.q() + "”",
                    "",
                    here.without("q").without("sort").toString(),
                    true));
        }
        if (f.passage() != null) {
            filters.add(new FacetLink(
                    "carrying “" + f.passage() + "”",
                    "",
                    here.without("passage").toString(),
                    true));
        }
        if (f.from() != null || f.to() != null) {
            filters.add(new FacetLink(
                    dateRange(f.from(), f.to()), "", dates(here, null, null).toString(), true));
        }
        f.sources()
                .forEach(s -> filters.add(
                        new FacetLink("from " + s, "", here.toggle("source", s).toString(), true)));
        Map<String, String> collectionNames = new HashMap<>();
        if (listing.facets() != null) {
            listing.facets().collection().forEach(v -> collectionNames.put(v.value(), v.name()));
        }
        f.collections()
                .forEach(slug -> filters.add(new FacetLink(
                        "in " + collectionNames.getOrDefault(slug, slug),
                        "",
                        here.toggle("collection", slug).toString(),
                        true)));
        if (f.statuses() != StatusFilter.ACTIVE) {
            filters.add(new FacetLink(
                    "status " + f.statuses(), "", here.without("status").toString(), true));
        }
        if (f.allVersions()) {
            filters.add(new FacetLink(
                    "all versions", "", here.without("all_versions").toString(), true));
        }

        List<FacetLink> sources = new ArrayList<>();
        List<FacetLink> domains = new ArrayList<>();
        List<FacetLink> statuses = new ArrayList<>();
        List<FacetLink> versions = new ArrayList<>();
        List<FacetLink> collections = new ArrayList<>();
        List<FacetLink> years = new ArrayList<>();
        List<FacetLink> months = new ArrayList<>();
        Timeline.PeriodLinks periodLinks =
                (first, last) -> dates(here, first, last).toString();
        String timelineCsv = here.at("/api/timeline.csv")
                .without("sort")
                .without("limit")
                .without("source_facets")
                .toString();
        PeriodChart timeline = Timeline.of(List.of(), periodLinks, timelineCsv);
        String allSourcesHref = null;
        if (listing.facets() != null) {
            for (Listing.FacetValue v : listing.facets().source()) {
                sources.add(new FacetLink(
                        v.value(),
                        TemplateFormats.grouped(v.count()),
                        here.toggle("source", v.value()).toString(),
                        f.sources().contains(v.value())));
            }
            if (listing.facetSources() != null && listing.facetSources() > sources.size()) {
                allSourcesHref = here.with("source_facets", "1000").toString();
            }
            for (Listing.FacetValue v : listing.facets().domain()) {
                domains.add(new FacetLink(
                        v.value(),
                        TemplateFormats.grouped(v.count()),
                        here.toggle("source", v.value()).toString(),
                        f.sources().contains(v.value())));
            }
            // a domain facet that only repeats the sources (each source its own domain) says nothing new
            Set<String> sourceNames = sources.stream().map(FacetLink::label).collect(Collectors.toSet());
            if (domains.stream().allMatch(d -> sourceNames.contains(d.label()))) {
                domains.clear();
            }
            for (Listing.FacetValue v : listing.facets().status()) {
                StatusFilter status = StatusFilter.of(v.value());
                boolean active = status == f.statuses();
                if (v.count() > 0 || active) {
                    CatalogFilter other = new CatalogFilter(
                            f.q(),
                            f.passage(),
                            f.from(),
                            f.to(),
                            f.sources(),
                            f.collections(),
                            status,
                            f.allVersions());
                    statuses.add(new FacetLink(
                            STATUS_LABELS.get(status),
                            TemplateFormats.grouped(v.count()),
                            relisted(request, other).toString(),
                            active));
                }
            }
            for (Listing.FacetValue v : listing.facets().version()) {
                boolean all = v.value().equals(VersionFilter.ALL.toString());
                CatalogFilter other = new CatalogFilter(
                        f.q(), f.passage(), f.from(), f.to(), f.sources(), f.collections(), f.statuses(), all);
                versions.add(new FacetLink(
                        all ? "All versions" : "Latest version only",
                        TemplateFormats.grouped(v.count()),
                        relisted(request, other).toString(),
                        all == f.allVersions()));
            }
            for (Listing.CollectionValue v : listing.facets().collection()) {
                boolean active = f.collections().contains(v.value());
                if (v.count() > 0 || active) {
                    collections.add(new FacetLink(
                            v.name(),
                            TemplateFormats.grouped(v.count()),
                            here.toggle("collection", v.value()).toString(),
                            active));
                }
            }
            for (Listing.FacetValue v : listing.facets().year()) {
                int year = Integer.parseInt(v.value());
                years.add(period(here, f, v, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
            }
            if (listing.facets().month().size() <= MAX_MONTH_LINKS) {
                for (Listing.FacetValue v : listing.facets().month()) {
                    YearMonth m = YearMonth.parse(v.value());
                    months.add(period(here, f, v, m.atDay(1), m.atEndOfMonth()));
                }
            }
            timeline = Timeline.of(listing.facets().month(), periodLinks, timelineCsv);
        }
        String facetsNote = listing.facetsSampleSize() == null
                ? null
                : "Counts in the facets and the chart cover the first "
                        + TemplateFormats.grouped(listing.facetsSampleSize()) + " matches.";

        String totalText = (listing.totalIsEstimate() ? "About " : "")
                + TemplateFormats.grouped(listing.total())
                + (listing.total() == 1 ? " article" : " articles");
        String rangeText = listing.items().isEmpty()
                ? null
                : TemplateFormats.range(
                        listing.start(), listing.items().size(), listing.total(), listing.totalIsEstimate());
        String exactTotalHref =
                listing.totalIsEstimate() ? here.with("exact_total", "true").toString() : null;
        String nextHref = listing.nextCursor() == null
                ? null
                : here.with("cursor", listing.nextCursor()).toString();
        String prevHref = listing.prevCursor() == null
                ? null
                : here.with("cursor", listing.prevCursor()).toString();
        String cursor = request.cursor() == null ? null : request.cursor().token();
        String jsonHref = api.with("cursor", cursor).toString();
        String resultsHref = here.with("cursor", cursor).toString();
        String articleQuery = Href.of("").plus("results", resultsHref).toString();
        Href export = here.at("/api/export")
                .without("sort")
                .without("limit")
                .without("exact_total")
                .without("source_facets");
        // a page's CSV opens in spreadsheets: formulas neutralised, a byte-order mark for Excel; the API stays exact
        Href spreadsheet =
                export.with("format", "csv").with("spreadsheet_safe", "true").with("bom", "true");
        List<Choice> exports = List.of(
                new Choice("format", spreadsheet.toString(), "CSV", false),
                new Choice("format", spreadsheet.with("include_body", "true").toString(), "CSV with text", false),
                new Choice(
                        "format",
                        export.with("format", "jsonl")
                                .with("include_body", "true")
                                .toString(),
                        "JSON Lines with text",
                        false),
                new Choice("format", export.with("format", "json").toString(), "JSON", false),
                new Choice("format", export.with("format", "zip").toString(), "Original files (ZIP)", false),
                new Choice("format", export.with("format", "bagit").toString(), "BagIt bag", false));
        return new CatalogView(
                title,
                scope,
                SearchForm.of(request),
                listing,
                totalText,
                rangeText,
                exactTotalHref,
                filters,
                sources,
                allSourcesHref,
                domains,
                collections,
                statuses,
                versions,
                years,
                months,
                facetsNote,
                timeline,
                nextHref,
                prevHref,
                jsonHref,
                exports,
                f.statuses() == StatusFilter.ACTIVE ? ArticleFeed.address(f) : null,
                MatchLinks.of(f),
                f.query(),
                articleQuery,
                resultsHref,
                // a page longer than a choice may be (limit=1000) offers no "all on this page"
                listing.items().size() > ChosenArticles.MAX
                        ? null
                        : listing.items().stream()
                                .map(a -> String.valueOf(a.id()))
                                .collect(Collectors.joining(",")));
    }

    /** The same listing with another filter, from its first page, its parameters in the order of the grammar. */
    private static Href relisted(ListingRequest r, CatalogFilter other) {
        return new ListingRequest(other, r.sort(), r.limit(), null, r.facets(), r.exactTotal(), r.sourceFacets())
                .href("/");
    }

    /** A year or month facet value: a link to that period, or back to no dates when it is the current filter. */
    private static FacetLink period(Href here, CatalogFilter f, Listing.FacetValue v, LocalDate from, LocalDate to) {
        boolean active = from.equals(f.from()) && to.equals(f.to());
        String href = (active ? dates(here, null, null) : dates(here, from, to)).toString();
        return new FacetLink(v.value(), TemplateFormats.grouped(v.count()), href, active);
    }

    /** The link restricted to publication dates from {@code from} to {@code to}, or unrestricted when null. */
    private static Href dates(Href link, LocalDate from, LocalDate to) {
        return link.with("from", from == null ? null : from.toString()).with("to", to == null ? null : to.toString());
    }

    private static String dateRange(LocalDate from, LocalDate to) {
        if (from == null) {
            return "published until " + to;
        }
        return to == null ? "published since " + from : "published " + from + " to " + to;
    }
}
