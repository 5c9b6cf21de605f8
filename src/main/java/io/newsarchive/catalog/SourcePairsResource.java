package io.newsarchive.catalog;

import io.newsarchive.reuse.SourcePairs;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Who copies whom, as JSON and CSV ({@code /source-pairs} is its page): the source pairs of {@link SourcePairs}. */
@Tag(name = "Reuse")
@Path("/api/reuse")
public class SourcePairsResource {

    private final SourcePairs sourcePairs;

    SourcePairsResource(SourcePairs sourcePairs) {
        this.sourcePairs = sourcePairs;
    }

    @Operation(
            summary = "The pairs of sources that carry the same passages within a period, the most shared first",
            description = "Each with the passages both carry, how many each carried first (by its earliest article),"
                    + " how many both first carried on the same date, and the median of B's first date less A's, in"
                    + " days; only the latest active versions, boilerplate left out")
    @APIResponse(responseCode = "503", description = "too slow; try a shorter period")
    @GET
    @Path("/source-pairs")
    @Produces(MediaType.APPLICATION_JSON)
    public SourcePairs.Pairs pairs(@BeanParam SourcePairsParams params) {
        return params.pairs(sourcePairs);
    }

    @Operation(
            summary = "The source pairs as CSV: source_a, source_b, shared, a_first, b_first, ties, median_lead_days")
    @APIResponse(
            responseCode = "200",
            description = "one row a pair, the most shared passages first",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "503", description = "too slow; try a shorter period")
    @GET
    @Path("/source-pairs.csv")
    @Produces(CsvTable.MEDIA_TYPE)
    public Response pairsCsv(@BeanParam SourcePairsParams params) {
        return CsvTable.download(
                "source-pairs.csv",
                List.of("source_a", "source_b", "shared", "a_first", "b_first", "ties", "median_lead_days"),
                pairs(params).pairs().stream()
                        .map(p -> List.<Object>of(
                                p.sourceA(),
                                p.sourceB(),
                                p.shared(),
                                p.aFirst(),
                                p.bFirst(),
                                p.ties(),
                                PeriodChart.exact(p.medianLeadDays())))
                        .toList());
    }
}
