package io.newsarchive.catalog;

import io.newsarchive.reuse.SourcePairs;
import io.newsarchive.system.Href;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Who copies whom as a page; {@code GET /api/reuse/source-pairs} is its JSON twin. */
@Tag(name = "Pages")
@Path("/source-pairs")
@Produces(MediaType.TEXT_HTML)
public class SourcePairsPage {

    /** A pair as the table shows it, each source linked to its catalog within the period. */
    public record Row(SourcePairs.Pair pair, String aHref, String bHref) {

        /** Which source the median passage reached first, and by how long: "A by 2 days", "same day". */
        public String lead() {
            double days = pair.medianLeadDays();
            if (days == 0) {
                return "same day";
            }
            String by = PeriodChart.exact(Math.abs(days)) + (Math.abs(days) == 1 ? " day" : " days");
            return (days > 0 ? pair.sourceA() : pair.sourceB()) + " by " + by;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance pairs(
                SourcePairs.Pairs pairs, List<Row> rows, String from, String to, String jsonHref, String csvHref);
    }

    private final SourcePairs sourcePairs;

    SourcePairsPage(SourcePairs sourcePairs) {
        this.sourcePairs = sourcePairs;
    }

    @Operation(summary = "The pairs of sources that carry the same passages, and which of the two had them first")
    @GET
    public TemplateInstance pairs(@BeanParam SourcePairsParams params) {
        SourcePairs.Pairs pairs = params.pairs(sourcePairs);
        Href catalog = SourcePairsParams.href("/", pairs).without("limit");
        List<Row> rows = pairs.pairs().stream()
                .map(p -> new Row(
                        p,
                        catalog.at("/sources/" + p.sourceA()).toString(),
                        catalog.at("/sources/" + p.sourceB()).toString()))
                .toList();
        return Templates.pairs(
                pairs,
                rows,
                pairs.from() == null ? "" : pairs.from().toString(),
                pairs.to() == null ? "" : pairs.to().toString(),
                SourcePairsParams.href("/api/reuse/source-pairs", pairs).toString(),
                SourcePairsParams.href("/api/reuse/source-pairs.csv", pairs).toString());
    }
}
