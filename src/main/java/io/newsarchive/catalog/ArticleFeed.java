package io.newsarchive.catalog;

import io.newsarchive.system.ApiError;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.DatabaseFailure;
import io.newsarchive.system.PublicAddress;
import io.newsarchive.system.XmlText;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code GET /api/feed}: an Atom feed (RFC 4287) of a search, its newest {@value #ENTRIES} articles. It takes the
 * catalog's filters ({@code q}, {@code from}, {@code to}, {@code source}, {@code all_versions}) and lists what the
 * catalog page lists for them sorted newest first, from the same search, on either engine. Newest by publication
 * date, as the catalog sorts: that order is what the search answers fast, a page at a time, on both engines; an
 * entry's {@code updated} says when its record last changed (ingest, or the last correction or restore), so that
 * readers show a corrected article again. Only public articles: {@code status} is refused, as a reader keeps what
 * a feed gave it.
 */
@Tag(name = "Harvesting")
@Path("/api/feed")
public class ArticleFeed {

    /** Entries in a feed: the first page of the listing. */
    private static final int ENTRIES = 50;

    private static final String MEDIA_TYPE = "application/atom+xml;charset=UTF-8";
    private static final String LINK_TYPE = "application/atom+xml";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final ArticleSearch search;
    private final DataSource dataSource;
    private final CatalogConfig config;

    ArticleFeed(ArticleSearch search, DataSource dataSource, CatalogConfig config) {
        this.search = search;
        this.dataSource = dataSource;
        this.config = config;
    }

    @Operation(summary = "An Atom feed of a search's newest public articles")
    @APIResponse(
            responseCode = "200",
            description = "at most 50 entries, newest published first",
            content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING)))
    @GET
    public Response feed(@BeanParam FilterParams params, @Context UriInfo uri) {
        CatalogFilter filter = CatalogFilter.of(params);
        if (filter.statuses() != StatusFilter.ACTIVE) {
            throw ApiError.badParameter("status", "a feed lists public articles only: leave out status");
        }
        return atom(filter, address(filter), filter.describe() + ", newest first", uri);
    }

    /**
     * The feed of a filter of public articles ({@code status} active), at {@code self} (a path of this site), titled
     * {@code title} after the catalog's name.
     */
    public Response atom(CatalogFilter filter, String self, String title, UriInfo uri) {
        ListingRequest request = listing(filter);
        List<ArticleJson> items = search.list(request).items();
        Map<Long, Instant> changed = lastChanged(items);
        String base = PublicAddress.of(config, uri);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(body, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", base + self);
            element(xml, "title", config.name() + ": " + title);
            // an empty feed has nothing that changed: a fixed time keeps its ETag, so readers polling it get 304s
            element(
                    xml,
                    "updated",
                    time(changed.values().stream().max(Instant::compareTo).orElse(Instant.EPOCH)));
            link(xml, "self", LINK_TYPE, base + self);
            link(xml, "alternate", "text/html", base + request.href("/"));
            for (ArticleJson a : items) {
                entry(xml, a, changed.getOrDefault(a.id(), a.ingestedAt()), base);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("an XML document in memory is always written", e);
        }
        return Response.ok(body.toByteArray(), MEDIA_TYPE).build();
    }

    /** The listing a feed shows: the catalog's filters, newest first, the first page. */
    private static ListingRequest listing(CatalogFilter filter) {
        return new ListingRequest(
                filter, SortOrder.NEWEST, ENTRIES, null, false, false, ListingRequest.DEFAULT_SOURCE_FACETS);
    }

    /** The feed of these filters, as a path and query: its id and self link, and the catalog page's feed link. */
    static String address(CatalogFilter filter) {
        return listing(filter).href("/api/feed").without("sort").toString();
    }

    private static void entry(XMLStreamWriter xml, ArticleJson a, Instant updated, String base)
            throws XMLStreamException {
        String page = base + "/articles/" + a.id();
        xml.writeStartElement(ATOM, "entry");
        element(xml, "id", page);
        element(xml, "title", a.headline());
        element(xml, "updated", time(updated));
        // a day, stated as its first instant in UTC, as the format wants a time
        element(xml, "published", time(a.published().atStartOfDay().toInstant(ZoneOffset.UTC)));
        xml.writeStartElement(ATOM, "author");
        element(xml, "name", a.source());
        xml.writeEndElement();
        link(xml, "alternate", "text/html", page);
        link(xml, "related", null, a.url());
        xml.writeStartElement(ATOM, "summary");
        if (a.snippet() != null) {
            // the snippet is HTML (escaped text with <mark>), which the writer escapes once more as type html asks
            xml.writeAttribute("type", "html");
            xml.writeCharacters(XmlText.of(a.snippet()));
        } else {
            xml.writeCharacters(
                    XmlText.of("Published " + a.published() + " by " + a.source() + ", " + a.wordCount() + " words."));
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(ATOM, name);
        xml.writeCharacters(XmlText.of(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement(ATOM, "link");
        xml.writeAttribute("rel", rel);
        if (type != null) {
            xml.writeAttribute("type", type);
        }
        xml.writeAttribute("href", XmlText.of(href));
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** When each listed article's record last changed: its last metadata revision, or else its ingest. */
    private Map<Long, Instant> lastChanged(List<ArticleJson> items) {
        Map<Long, Instant> changed = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select id, coalesce(changed_at, ingested_at) from article where id = any(?)")) {
            ps.setArray(
                    1,
                    c.createArrayOf(
                            "bigint", items.stream().map(ArticleJson::id).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changed.put(
                            rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
        return changed;
    }
}
