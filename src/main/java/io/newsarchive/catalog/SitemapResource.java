package io.newsarchive.catalog;

import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.DatabaseFailure;
import io.newsarchive.system.Params;
import io.newsarchive.system.PublicAddress;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * {@code /robots.txt} and the sitemaps (sitemaps.org 0.9) of the public article pages: {@code /sitemap.xml} is an
 * index of one sitemap per 50,000 article ids (the protocol's most), each listing the latest, public version of the
 * articles in its range with when it last changed. Ranges of ids keep each sitemap the same as the catalog grows.
 */
@Tag(name = "Harvesting")
@Path("/")
public class SitemapResource {

    /** Article ids a sitemap covers, the most URLs a sitemap may hold. */
    static final int IDS_PER_SITEMAP = 50_000;

    private final DataSource dataSource;
    private final CatalogConfig config;

    SitemapResource(DataSource dataSource, CatalogConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Operation(summary = "What crawlers may visit, and where the sitemap is")
    @GET
    @Path("robots.txt")
    @Produces("text/plain; charset=utf-8")
    public String robots(@Context UriInfo uri) {
        return "User-agent: *\nDisallow: /admin/\nDisallow: /api/export\nDisallow: /signin\n\nSitemap: "
                + PublicAddress.of(config, uri) + "/sitemap.xml\n";
    }

    @Operation(summary = "The sitemap index: one sitemap per 50,000 article ids")
    @GET
    @Path("sitemap.xml")
    @Produces("application/xml; charset=utf-8")
    public String index(@Context UriInfo uri) {
        String base = PublicAddress.of(config, uri);
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        long sitemaps = (maxId() + IDS_PER_SITEMAP - 1) / IDS_PER_SITEMAP;
        for (long n = 1; n <= Math.max(1, sitemaps); n++) {
            xml.append("<sitemap><loc>")
                    .append(base)
                    .append("/sitemaps/articles-")
                    .append(n)
                    .append(".xml</loc></sitemap>\n");
        }
        return xml.append("</sitemapindex>\n").toString();
    }

    @Operation(summary = "A sitemap of public article pages")
    @GET
    @Path("sitemaps/articles-{n}.xml")
    @Produces("application/xml; charset=utf-8")
    public String sitemap(
            @RestPath
                    @Parameter(
                            description = "the sitemap's number, from 0",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
                    String n,
            @Context UriInfo uri) {
        long number = Params.id("n", n);
        String base = PublicAddress.of(config, uri);
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select id, coalesce(changed_at, ingested_at) from article
                        where id > ? and id <= ? and latest and status = 'active' order by id""")) {
            ps.setLong(1, (number - 1) * IDS_PER_SITEMAP);
            ps.setLong(2, number * IDS_PER_SITEMAP);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    xml.append("<url><loc>")
                            .append(base)
                            .append("/articles/")
                            .append(rs.getLong(1))
                            .append("</loc><lastmod>")
                            .append(rs.getObject(2, OffsetDateTime.class)
                                    .atZoneSameInstant(ZoneOffset.UTC)
                                    .toLocalDate())
                            .append("</lastmod></url>\n");
                }
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
        return xml.append("</urlset>\n").toString();
    }

    private long maxId() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select coalesce(max(id), 0) from article");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }
}
