package io.newsarchive.catalog;

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

/** The top words of a selection's matches as a page; {@code GET /api/words} is its JSON twin, {@code /api/words.csv} its CSV. */
@Tag(name = "Pages")
@Path("/words")
@Produces(MediaType.TEXT_HTML)
public class TopWordsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance words(TopWords words, MatchLinks links, String jsonHref, String csvHref);
    }

    private final MatchStatistics statistics;

    TopWordsPage(MatchStatistics statistics) {
        this.statistics = statistics;
    }

    @Operation(summary = "The most frequent words of the matches")
    @GET
    public TemplateInstance words(@BeanParam TopWordsParams params) {
        CatalogFilter filter = CatalogFilter.of(params);
        int limit = params.checkedLimit();
        Href api = filter.href("/api/words")
                .with("limit", limit == TopWordsParams.DEFAULT_LIMIT ? null : Integer.toString(limit));
        return Templates.words(
                statistics.topWords(filter, limit),
                MatchLinks.of(filter),
                api.toString(),
                api.at("/api/words.csv").toString());
    }
}
