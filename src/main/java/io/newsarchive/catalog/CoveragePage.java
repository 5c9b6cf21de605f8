package io.newsarchive.catalog;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The coverage of a selection by source as a page; {@code GET /api/coverage} is its JSON twin. */
@Tag(name = "Pages")
@Path("/coverage")
@Produces(MediaType.TEXT_HTML)
public class CoveragePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance coverage(Coverage coverage, MatchLinks links, String jsonHref, String csvHref);
    }

    private final MatchStatistics statistics;

    CoveragePage(MatchStatistics statistics) {
        this.statistics = statistics;
    }

    @Operation(summary = "How many articles of each source match, and what part of its articles that is")
    @GET
    public TemplateInstance coverage(@BeanParam FilterParams params) {
        CatalogFilter filter = CatalogFilter.of(params);
        return Templates.coverage(
                statistics.coverage(filter),
                MatchLinks.of(filter),
                filter.href("/api/coverage").toString(),
                filter.href("/api/coverage.csv").toString());
    }
}
