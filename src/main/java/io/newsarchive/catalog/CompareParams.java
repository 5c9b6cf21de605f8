package io.newsarchive.catalog;

import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/**
 * The queries of a comparison, up to five, each by the parameters of a listing numbered with its row
 * ({@code q1}, {@code source1}, ..., {@code q5}), and how they are counted. Kept as the client sent them;
 * {@link ComparedQueries#of} checks them.
 */
public class CompareParams {

    /** How many queries a comparison takes, as the chart has colours for. */
    static final int ROWS = 5;

    @RestQuery
    @Parameter(
            description = "count per day, week, month or year; by the span of the queries' dates when left out (per"
                    + " day up to 62 days, per week up to a year and a half, else per month)",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"day", "week", "month", "year"}))
    public String interval;

    @RestQuery
    @Parameter(
            description = "what the chart draws: each query's matches, or their share of all the catalog's (latest,"
                    + " active) articles of the period; count when left out",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"count", "share"}))
    public String measure;

    @RestQuery
    @Parameter(description = "query 1's name on the chart, the table and the CSV; its words (q1) when left out")
    public String label1;

    @RestQuery
    @Parameter(description = "query 1's words, as q of /api/articles")
    public String q1;

    @RestQuery
    @Parameter(
            description = "query 1's first publication date, inclusive",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String from1;

    @RestQuery
    @Parameter(
            description = "query 1's last publication date, inclusive",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String to1;

    @RestQuery
    @Parameter(
            description = "query 1's sources' host names; repeat, or separate them by spaces or commas",
            explode = Explode.TRUE)
    public List<String> source1;

    @RestQuery
    @Parameter(
            description = "query 1's source collections' slugs; repeat, or separate them by spaces or commas",
            explode = Explode.TRUE)
    public List<String> collection1;

    @RestQuery
    @Parameter(description = "query 2's name on the chart, the table and the CSV; its words (q2) when left out")
    public String label2;

    @RestQuery
    @Parameter(description = "query 2's words, as q of /api/articles")
    public String q2;

    @RestQuery
    @Parameter(
            description = "query 2's first publication date, inclusive",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String from2;

    @RestQuery
    @Parameter(
            description = "query 2's last publication date, inclusive",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String to2;

    @RestQuery
    @Parameter(
            description = "query 2's sources' host names; repeat, or separate them by spaces or commas",
            explode = Explode.TRUE)
    public List<String> source2;

    @RestQuery
    @Parameter(
            description = "query 2's source collections' slugs; repeat, or separate them by spaces or commas",
            explode = Explode.TRUE)
    public List<String> collection2;

    @RestQuery
    @Parameter(description = "query 3's name on the chart, the table and the CSV; its words (q3) when left out")
    public String label3;

    @RestQuery
    @Parameter(description = "query 3's words, as q of /api/articles")
    public String q3;

    @RestQuery
    @Parameter(
            description = "query 3's first publication date, inclusive",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String from3;

    @RestQuery
    @Parameter(
            description = "query 3's last publication date, inclusive",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String to3;

    @RestQuery
    @Parameter(
            description = "query 3's sources' host names; repeat, or separate them by spaces or commas",
            explode = Explode.TRUE)
    public List<String> source3;

    @RestQuery
    @Parameter(
            description = "query 3's source collections' slugs; repeat, or separate them by spaces or commas",
            explode = Explode.TRUE)
    public List<String> collection3;

    @RestQuery
    @Parameter(description = "query 4's name on the chart, the table and the CSV; its words (q4) when left out")
    public String label4;

    @RestQuery
    @Parameter(description = "query 4's words, as q of /api/articles")
    public String q4;

    @RestQuery
    @Parameter(
            description = "query 4's first publication date, inclusive",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String from4;

    @RestQuery
    @Parameter(
            description = "query 4's last publication date, inclusive",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String to4;

    @RestQuery
    @Parameter(
            description = "query 4's sources' host names; repeat, or separate them by spaces or commas",
            explode = Explode.TRUE)
    public List<String> source4;

    @RestQuery
    @Parameter(
            description = "query 4's source collections' slugs; repeat, or separate them by spaces or commas",
            explode = Explode.TRUE)
    public List<String> collection4;

    @RestQuery
    @Parameter(description = "query 5's name on the chart, the table and the CSV; its words (q5) when left out")
    public String label5;

    @RestQuery
    @Parameter(description = "query 5's words, as q of /api/articles")
    public String q5;

    @RestQuery
    @Parameter(
            description = "query 5's first publication date, inclusive",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String from5;

    @RestQuery
    @Parameter(
            description = "query 5's last publication date, inclusive",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String to5;

    @RestQuery
    @Parameter(
            description = "query 5's sources' host names; repeat, or separate them by spaces or commas",
            explode = Explode.TRUE)
    public List<String> source5;

    @RestQuery
    @Parameter(
            description = "query 5's source collections' slugs; repeat, or separate them by spaces or commas",
            explode = Explode.TRUE)
    public List<String> collection5;

    /** A query's parameters as one row of the form. */
    record Row(
            int number, String label, String q, String from, String to, List<String> source, List<String> collection) {}

    List<Row> rows() {
        return List.of(
                row(1, label1, q1, from1, to1, source1, collection1),
                row(2, label2, q2, from2, to2, source2, collection2),
                row(3, label3, q3, from3, to3, source3, collection3),
                row(4, label4, q4, from4, to4, source4, collection4),
                row(5, label5, q5, from5, to5, source5, collection5));
    }

    private static Row row(
            int number, String label, String q, String from, String to, List<String> source, List<String> collection) {
        return new Row(
                number,
                label,
                q,
                from,
                to,
                source == null ? List.of() : source,
                collection == null ? List.of() : collection);
    }
}
