package io.newsarchive.catalog;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;

/** The list of sources, and each source's catalog (the catalog page filtered to it). */
@Path("/sources")
@Produces(MediaType.TEXT_HTML)
public class SourcesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sources(List<SourceStats> sources, long articles);
    }

    private final SourceCatalog sources;
    private final CatalogPage catalog;

    SourcesPage(SourceCatalog sources, CatalogPage catalog) {
        this.sources = sources;
        this.catalog = catalog;
    }

    @GET
    public TemplateInstance sources() {
        List<SourceStats> all = sources.all();
        return Templates.sources(
                all, all.stream().mapToLong(SourceStats::articles).sum());
    }

    @GET
    @Path("/{host}")
    public TemplateInstance source(@RestPath String host, @BeanParam ListingParams params) {
        SourceStats source = SourceResource.find(sources, host);
        params.source = List.of(source.host());
        return catalog.render(source.host() + " – Catalog", ListingRequest.of(params));
    }
}
