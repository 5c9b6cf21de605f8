package io.newsarchive.catalog;

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

/**
 * A selection's top words ({@code /api/words}) and coverage by source ({@code /api/coverage}), as JSON and CSV;
 * {@code /words} and {@code /coverage} are their pages.
 */
@Tag(name = "Catalog")
@Path("/api")
public class MatchStatisticsResource {

    private final MatchStatistics statistics;

    MatchStatisticsResource(MatchStatistics statistics) {
        this.statistics = statistics;
    }

    @Operation(
            summary = "The most frequent words of the matches, by the articles that hold them",
            description = "Counted in the newest matches, at most catalog.browse.top-words-sample of them (1,000"
                    + " unless set): by stem, without English stop words and words without a letter, each shown"
                    + " as most often written")
    @APIResponse(responseCode = "503", description = "busy or too slow, as a search can be; narrow the filters")
    @GET
    @Path("/words")
    @Produces(MediaType.APPLICATION_JSON)
    public TopWords words(@BeanParam TopWordsParams params) {
        return statistics.topWords(CatalogFilter.of(params), params.checkedLimit());
    }

    @Operation(summary = "The most frequent words of the matches as CSV: word, lexeme, articles, share")
    @APIResponse(
            responseCode = "200",
            description = "one row a word, in the most articles first",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "503", description = "busy or too slow, as a search can be; narrow the filters")
    @GET
    @Path("/words.csv")
    @Produces(CsvTable.MEDIA_TYPE)
    public Response wordsCsv(@BeanParam TopWordsParams params) {
        return CsvTable.download(
                "top-words.csv",
                List.of("word", "lexeme", "articles", "share"),
                words(params).words().stream()
                        .map(w -> List.<Object>of(w.word(), w.lexeme(), w.articles(), w.share()))
                        .toList());
    }

    @Operation(
            summary = "How many articles of each source match, and what part of its articles that is",
            description = "A source's articles are those within the filters' dates, statuses and versions;"
                    + " sources without a match are counted in the totals only")
    @APIResponse(responseCode = "503", description = "busy or too slow, as a search can be; narrow the filters")
    @GET
    @Path("/coverage")
    @Produces(MediaType.APPLICATION_JSON)
    public Coverage coverage(@BeanParam FilterParams params) {
        return statistics.coverage(CatalogFilter.of(params));
    }

    @Operation(summary = "Coverage by source as CSV: source, matches, articles, share")
    @APIResponse(
            responseCode = "200",
            description = "one row a source with matches, the most matches first",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "503", description = "busy or too slow, as a search can be; narrow the filters")
    @GET
    @Path("/coverage.csv")
    @Produces(CsvTable.MEDIA_TYPE)
    public Response coverageCsv(@BeanParam FilterParams params) {
        return CsvTable.download(
                "coverage-by-source.csv",
                List.of("source", "matches", "articles", "share"),
                coverage(params).bySource().stream()
                        .map(s -> List.<Object>of(s.source(), s.matches(), s.articles(), s.share()))
                        .toList());
    }
}
