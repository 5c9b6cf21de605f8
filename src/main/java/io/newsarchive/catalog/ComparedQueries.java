package io.newsarchive.catalog;

import io.newsarchive.system.ApiError;
import io.newsarchive.system.Href;
import io.newsarchive.system.Params;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checked queries of a comparison, each a listing's filter of the latest active articles numbered by its row of
 * the form, and how they are counted. Rows without words, dates, sources or collections are left out.
 *
 * @param interval null to choose one by the queries' dates
 */
public record ComparedQueries(List<Query> queries, Interval interval, Measure measure) {

    /**
     * @param label as given, or null
     * @param name  what the chart, the table and the CSV call it: its label, its words, its sources or "All
     *              articles", told apart from the names of the queries before it by its number
     */
    public record Query(int number, String label, CatalogFilter filter, String name) {

        /** A link to the query's articles published from {@code first} to {@code last}, within its own dates. */
        String articles(LocalDate first, LocalDate last) {
            LocalDate from = filter.from() != null && filter.from().isAfter(first) ? filter.from() : first;
            LocalDate to = filter.to() != null && filter.to().isBefore(last) ? filter.to() : last;
            return new CatalogFilter(
                            filter.q(),
                            filter.passage(),
                            from,
                            to,
                            filter.sources(),
                            filter.collections(),
                            filter.statuses(),
                            filter.allVersions())
                    .href("/")
                    .toString();
        }
    }

    static final int MAX_LABEL_LENGTH = 100;

    private static final Pattern NUMBERED = Pattern.compile("(?:label|q|from|to|source|collection)([0-9]+)");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    /** The queries of {@code params}; {@code given} names every query parameter sent, to refuse a row too many. */
    static ComparedQueries of(CompareParams params, Set<String> given) {
        for (String name : given) {
            Matcher numbered = NUMBERED.matcher(name);
            if (numbered.matches() && !numbered.group(1).matches("[1-" + CompareParams.ROWS + "]")) {
                throw ApiError.badParameter(
                        name,
                        "a comparison takes up to " + CompareParams.ROWS + " queries, numbered 1 to "
                                + CompareParams.ROWS + ", not " + name);
            }
        }
        Interval interval = Interval.of("interval", params.interval, null);
        Measure measure = Measure.of("measure", params.measure);
        List<Query> queries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (CompareParams.Row row : params.rows()) {
            FilterParams filter = new FilterParams();
            filter.q = row.q();
            filter.from = row.from();
            filter.to = row.to();
            filter.source = split(row.source());
            filter.collection = split(row.collection());
            if (blank(filter.q)
                    && blank(filter.from)
                    && blank(filter.to)
                    && filter.source.isEmpty()
                    && filter.collection.isEmpty()) {
                continue;
            }
            String label = Params.text("label" + row.number(), row.label());
            if (label != null && label.length() > MAX_LABEL_LENGTH) {
                throw ApiError.badParameter(
                        "label" + row.number(),
                        "label" + row.number() + " is longer than " + MAX_LABEL_LENGTH + " characters");
            }
            CatalogFilter checked = inRow(row.number(), () -> CatalogFilter.of(filter));
            String name = label != null ? label : name(checked);
            if (!names.add(name)) {
                name = name + " (" + row.number() + ")";
                names.add(name);
            }
            queries.add(new Query(row.number(), label, checked, name));
        }
        return new ComparedQueries(List.copyOf(queries), interval, measure);
    }

    /** The comparison of one query, the filter's (its statuses and versions aside), as the catalog page links to it. */
    static ComparedQueries of(CatalogFilter filter) {
        return new ComparedQueries(List.of(new Query(1, null, filter, name(filter))), null, Measure.COUNT);
    }

    /**
     * Runs what reads or counts a query, a failure about one of its parameters (a 400, or a 503 of its words taking
     * too long) then naming that query's parameter: {@code to2} rather than {@code to}.
     */
    static <T> T inRow(int number, Supplier<T> reading) {
        try {
            return reading.get();
        } catch (ApiError.Failure failure) {
            ApiError said = failure.body();
            if (said.parameter() == null) {
                throw failure;
            }
            throw ApiError.failure(
                    Response.Status.fromStatusCode(failure.status()),
                    said.error(),
                    "query " + number + ": " + said.message(),
                    said.parameter() + number);
        }
    }

    /** A link to {@code path} with these queries as the form sends them, each numbered as its row. */
    Href href(String path) {
        Href href = Href.of(path);
        if (interval != null) {
            href = href.plus("interval", interval.toString());
        }
        if (measure != Measure.COUNT) {
            href = href.plus("measure", measure.toString());
        }
        for (Query query : queries) {
            CatalogFilter f = query.filter();
            int n = query.number();
            href = href.plus("label" + n, query.label())
                    .plus("q" + n, f.q())
                    .plus("from" + n, f.from() == null ? null : f.from().toString())
                    .plus("to" + n, f.to() == null ? null : f.to().toString());
            for (String source : f.sources()) {
                href = href.plus("source" + n, source);
            }
            for (String collection : f.collections()) {
                href = href.plus("collection" + n, collection);
            }
        }
        return href;
    }

    /** The query of row {@code number}, or null when the row is empty. */
    Query row(int number) {
        return queries.stream().filter(q -> q.number() == number).findFirst().orElse(null);
    }

    private static String name(CatalogFilter filter) {
        if (filter.q() != null) {
            return filter.q();
        }
        List<String> scope = new ArrayList<>(filter.sources());
        scope.addAll(filter.collections());
        return scope.isEmpty() ? "All articles" : String.join(", ", scope);
    }

    /** The values with those a form's single field holds, separated by spaces or commas, taken apart. */
    private static List<String> split(List<String> values) {
        return values.stream()
                .flatMap(v -> Arrays.stream(SEPARATORS.split(v.strip())))
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
