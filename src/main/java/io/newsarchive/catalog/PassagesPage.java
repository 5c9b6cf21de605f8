package io.newsarchive.catalog;

import io.newsarchive.reuse.PassageCarriers;
import io.newsarchive.reuse.PassageKeys;
import io.newsarchive.reuse.PassageLookup;
import io.newsarchive.system.Href;
import io.newsarchive.system.Params;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * A form to find every article that carries a passage: it lists them on the catalog page ({@code /?passage=}); and
 * one passage's spread over time.
 */
@Tag(name = "Pages")
@Path("/passages")
@Produces(MediaType.TEXT_HTML)
public class PassagesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance passages(int minWords, int maxLength, int maxArticles);

        static native TemplateInstance passage(
                PassageCarriers.Passage passage, PeriodChart chart, String carriersHref, int maxListed);
    }

    private final PassageCarriers passages;

    PassagesPage(PassageCarriers passages) {
        this.passages = passages;
    }

    @Operation(summary = "A form to find every article that carries a passage")
    @GET
    public TemplateInstance passages() {
        return Templates.passages(PassageKeys.MIN_WORDS, CatalogFilter.MAX_PASSAGE_LENGTH, PassageLookup.MAX_ARTICLES);
    }

    @Operation(
            summary = "One passage: its words, a chart of the articles that carry it per month, the earliest of them")
    @GET
    @Path("/{id}")
    public TemplateInstance passage(
            @RestPath @Parameter(description = "a passage's id (passage_id in an article's reuse)") String id) {
        long passageId = Params.id("id", id);
        PassageCarriers.Passage passage =
                passages.of(passageId).orElseThrow(() -> passages.missing(passageId, "/passages/"));
        // the catalog's listing of its carriers takes its words, not its id; a sentence too long for that has none
        Href carriers = passage.words().length() > CatalogFilter.MAX_PASSAGE_LENGTH
                ? null
                : Href.of("/").plus("passage", passage.words());
        PeriodChart chart = Timeline.of(
                passage.months().stream()
                        .map(m -> new Listing.FacetValue(m.month(), m.articles()))
                        .toList(),
                (first, last) -> carriers == null
                        ? "#carriers"
                        : carriers.plus("from", first.toString())
                                .plus("to", last.toString())
                                .toString(),
                null);
        return Templates.passage(
                passage, chart, carriers == null ? null : carriers.toString(), PassageCarriers.MAX_LISTED);
    }
}
