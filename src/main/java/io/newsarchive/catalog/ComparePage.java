package io.newsarchive.catalog;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Up to five queries drawn on one chart of articles per period, as Media Cloud compares them: a form of five rows,
 * the chart with its table, and links to the same numbers as CSV and JSON ({@code /api/compare}).
 */
@Tag(name = "Pages")
@Path("/compare")
@Produces(MediaType.TEXT_HTML)
public class ComparePage {

    /** A row of the form, as it was sent (its sources and collections each in one field). */
    public record Row(int number, String label, String q, String from, String to, String source, String collection) {}

    /** A choice of a select: its value, what it shows, and whether it is chosen. */
    public record Choice(String value, String label, boolean selected) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance compare(
                List<Row> rows,
                List<Choice> intervals,
                List<Choice> measures,
                Comparison comparison,
                PeriodChart chart,
                String jsonHref,
                String csvHref);
    }

    private final Comparisons comparisons;

    ComparePage(Comparisons comparisons) {
        this.comparisons = comparisons;
    }

    @Operation(summary = "Up to five queries' articles per day, week, month or year on one chart, as counts or shares")
    @GET
    public TemplateInstance compare(@BeanParam CompareParams params, @Context UriInfo uri) {
        ComparedQueries compared =
                ComparedQueries.of(params, uri.getQueryParameters().keySet());
        Comparison comparison = compared.queries().isEmpty() ? null : comparisons.compare(compared);
        String csvHref = compared.href("/api/compare.csv").toString();
        List<Choice> intervals = new ArrayList<>(List.of(new Choice("", "By the dates", compared.interval() == null)));
        for (Interval i : Interval.values()) {
            intervals.add(new Choice(i.toString(), "Per " + i, i == compared.interval()));
        }
        return Templates.compare(
                IntStream.rangeClosed(1, CompareParams.ROWS)
                        .mapToObj(n -> row(n, compared.row(n)))
                        .toList(),
                intervals,
                List.of(
                        new Choice(Measure.COUNT.toString(), "Matches", compared.measure() == Measure.COUNT),
                        new Choice(
                                Measure.SHARE.toString(),
                                "Share of all articles",
                                compared.measure() == Measure.SHARE)),
                comparison,
                comparison == null ? null : comparison.chart(csvHref, links(compared)),
                compared.href("/api/compare").toString(),
                csvHref);
    }

    /** Each period's articles when one query is drawn, as bars; none for several, whose periods are lines. */
    private static Timeline.PeriodLinks links(ComparedQueries compared) {
        return compared.queries().size() == 1 ? compared.queries().get(0)::articles : null;
    }

    private static Row row(int number, ComparedQueries.Query query) {
        if (query == null) {
            return new Row(number, null, null, null, null, null, null);
        }
        CatalogFilter f = query.filter();
        return new Row(
                number,
                query.label(),
                f.q(),
                f.from() == null ? null : f.from().toString(),
                f.to() == null ? null : f.to().toString(),
                String.join(" ", f.sources()),
                String.join(" ", f.collections()));
    }
}
