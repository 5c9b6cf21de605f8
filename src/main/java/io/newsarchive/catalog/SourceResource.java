package io.newsarchive.catalog;

import io.newsarchive.corpus.ArticleUrl;
import io.newsarchive.system.ApiError;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;
import java.util.Locale;

/** Sources as JSON, with their article counts and first and last publication dates. */
@Tag(name = "Catalog")
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    private final SourceCatalog sources;

    SourceResource(SourceCatalog sources) {
        this.sources = sources;
    }

    @Operation(summary = "Every source with its article count and first and last publication dates")
    @GET
    public List<SourceStats> all(@BeanParam SourceListParams params) {
        return params.listed(sources);
    }

    @Operation(summary = "One source")
    @GET
    @Path("/{host}")
    public SourceStats one(@RestPath @Parameter(description = "the source's host name, as bbc.co.uk") String host) {
        return find(sources, host);
    }

    static SourceStats find(SourceCatalog sources, String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return sources.find(ArticleUrl.withoutWww(name)).orElseThrow(() -> ApiError.notFound("no source " + host));
    }
}
