package io.newsarchive.catalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A link to a catalog listing: the current filters with one thing changed. Immutable; parameters keep the order
 * of the URL grammar so that equal listings have equal URLs. Cursors are never carried over: a changed filter
 * starts at the first page.
 */
public final class CatalogUrl {

    private record Param(String name, String value) {
    }

    private final String path;
    private final List<Param> params;

    private CatalogUrl(String path, List<Param> params) {
        this.path = path;
        this.params = List.copyOf(params);
    }

    /** The listing of {@code request} at {@code path}, without its cursor; defaults are left out. */
    static CatalogUrl of(String path, ListingRequest request) {
        CatalogFilter f = request.filter();
        List<Param> params = new ArrayList<>();
        add(params, "q", f.q());
        add(params, "from", f.from() == null ? null : f.from().toString());
        add(params, "to", f.to() == null ? null : f.to().toString());
        f.sources().forEach(s -> add(params, "source", s));
        add(params, "status", f.statuses() == StatusFilter.ACTIVE ? null : f.status());
        add(params, "all_versions", f.allVersions() ? "true" : null);
        add(params, "sort", request.sort() == SortOrder.of(null, f.q() != null) ? null : request.sort().param);
        add(params, "limit", request.limit() == ListingRequest.DEFAULT_LIMIT ? null : Integer.toString(request.limit()));
        add(params, "exact_total", request.exactTotal() ? "true" : null);
        add(params, "source_facets", request.sourceFacets() == ListingRequest.DEFAULT_SOURCE_FACETS ? null
                : Integer.toString(request.sourceFacets()));
        return new CatalogUrl(path, params);
    }

    private static void add(List<Param> params, String name, String value) {
        if (value != null) {
            params.add(new Param(name, value));
        }
    }

    CatalogUrl at(String otherPath) {
        return new CatalogUrl(otherPath, params);
    }

    /** This URL with {@code name} set to {@code value} only (or removed, when value is null). */
    CatalogUrl with(String name, String value) {
        List<Param> changed = new ArrayList<>();
        boolean placed = false;
        for (Param p : params) {
            if (!p.name().equals(name)) {
                changed.add(p);
            } else if (!placed && value != null) {
                changed.add(new Param(name, value));
                placed = true;
            }
        }
        if (!placed && value != null) {
            changed.add(new Param(name, value));
        }
        return new CatalogUrl(path, changed);
    }

    CatalogUrl without(String name) {
        return with(name, null);
    }

    /** This URL restricted to publication dates from {@code from} to {@code to}, or unrestricted when null. */
    CatalogUrl dates(LocalDate from, LocalDate to) {
        return with("from", from == null ? null : from.toString()).with("to", to == null ? null : to.toString());
    }

    /** This URL with the source added if it was not among its sources, or removed if it was. */
    CatalogUrl toggleSource(String host) {
        List<Param> changed = new ArrayList<>(params);
        if (!changed.remove(new Param("source", host))) {
            changed.add(new Param("source", host));
        }
        return new CatalogUrl(path, changed);
    }

    @Override
    public String toString() {
        StringBuilder url = new StringBuilder(path);
        char separator = '?';
        for (Param p : params) {
            url.append(separator).append(p.name()).append('=').append(URLEncoder.encode(p.value(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }
}
