package io.newsarchive.export;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.newsarchive.account.SignedIn;
import io.newsarchive.catalog.CatalogFilter;
import io.newsarchive.catalog.ChosenArticles;
import io.newsarchive.catalog.FilterParams;
import io.newsarchive.catalog.StatusFilter;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.ContentDisposition;
import io.newsarchive.system.Params;
import io.newsarchive.system.PublicAddress;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code GET /api/export}: the whole selection of a listing's filters, or the articles chosen by id, as CSV, JSON or
 * JSON Lines, or their original files as a zip or a BagIt bag.
 */
@Tag(name = "Export")
@Path("/api/export")
public class ExportResource {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    private final ArticleExport export;
    private final CatalogConfig config;
    private final SignedIn signedIn;
    private final Clock clock = Clock.systemUTC();

    ExportResource(ArticleExport export, CatalogConfig config, SignedIn signedIn) {
        this.export = export;
        this.config = config;
        this.signedIn = signedIn;
    }

    @Operation(summary = "The whole selection of a listing's filters, or the articles chosen by id, as one file")
    @APIResponse(
            responseCode = "200",
            description = "the export, named in Content-Disposition",
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = "application/json",
                        schema = @Schema(type = SchemaType.ARRAY, implementation = Object.class)),
                @Content(mediaType = "application/jsonl", schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @GET
    public Response export(
            @BeanParam FilterParams params,
            @RestQuery("id")
                    @Parameter(
                            description =
                                    "an article version's id: the export holds exactly the articles named, whatever"
                                            + " their status or version, instead of a filter's selection; repeat it or separate"
                                            + " ids by commas, at most " + ChosenArticles.MAX,
                            explode = Explode.TRUE)
                    List<String> ids,
            @RestQuery
                    @Parameter(
                            description = "csv by default; zip and bagit hold the original files",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"csv", "json", "jsonl", "zip", "bagit"},
                                            defaultValue = "csv"))
                    String format,
            @RestQuery("include_body")
                    @Parameter(
                            description = "include each article's text (csv, json, jsonl)",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    String includeBody,
            @RestQuery
                    @Parameter(
                            description = "begin a CSV with a byte order mark, for spreadsheets",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    String bom,
            @RestQuery("spreadsheet_safe")
                    @Parameter(
                            description = "quote CSV fields a spreadsheet would take for formulas",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    String spreadsheetSafe,
            @RestQuery("end_line")
                    @Parameter(
                            description = "end a CSV with a line that counts its records",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    String endLine,
            @Context UriInfo uri,
            @Context HttpServerRequest request) {
        CatalogFilter filter = CatalogFilter.of(params);
        // an id given empty (as the catalog page's form sends it with nothing ticked) still asks for a choice
        List<Long> chosen = uri.getQueryParameters().containsKey("id") ? chosen(ids, params) : List.of();
        ExportFormat exportFormat = ExportFormat.of(format == null ? "csv" : format);
        String name = chosen.isEmpty() ? name(filter) : name(chosen);
        String described = chosen.isEmpty() ? filter.describe() : describe(chosen);
        String query = uri.getRequestUri().getRawQuery();
        ArticleExport.Started started = export.start(new ArticleExport.Request(
                filter,
                chosen,
                exportFormat,
                Params.bool("include_body", includeBody, false),
                Params.bool("bom", bom, false),
                Params.bool("spreadsheet_safe", spreadsheetSafe, false),
                Params.bool("end_line", endLine, false),
                name,
                described + " (GET " + uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query) + ")",
                PublicAddress.of(config, uri),
                signedIn.anonymous() ? null : signedIn.name()));
        StreamingOutput body = out -> {
            try {
                started.writeTo(out);
            } catch (IOException | RuntimeException e) {
                breakTransfer(request);
                throw e;
            }
        };
        return Response.ok(body, exportFormat.mediaType)
                .header("Content-Disposition", ContentDisposition.attachment(name + "." + exportFormat.extension))
                .build();
    }

    /**
     * Once the status line is sent, a failure can only be told by breaking the connection: the error answer would
     * end the response and make a short file look whole. Vert.x closes a connection only after what is queued has
     * gone out, so a slow client could still receive the error answer's clean end; the close is therefore sent
     * past Vert.x's handler, straight to the socket, and awaited before the failure goes on to the error answer.
     */
    private static void breakTransfer(HttpServerRequest request) {
        if (request.response().headWritten()) {
            Channel channel = ((ConnectionBase) request.connection()).channel();
            ChannelHandlerContext first = channel.pipeline().firstContext();
            // no handler left: the connection is closed already
            (first == null ? channel.close() : first.close()).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** The articles chosen by id, which name the whole export: a filter beside them is refused by name. */
    private static List<Long> chosen(List<String> ids, FilterParams params) {
        String filter = params.anyGiven();
        if (filter != null) {
            throw ApiError.badParameter(
                    filter, "id names the articles to export by itself: leave out " + filter + ", or id");
        }
        return ChosenArticles.ids(ids);
    }

    private String name(List<Long> chosen) {
        return "catalog-" + STAMP.format(clock.instant()) + "-" + chosen.size()
                + (chosen.size() == 1 ? "-article" : "-articles");
    }

    private static String describe(List<Long> chosen) {
        return (chosen.size() == 1 ? "The article" : "The " + chosen.size() + " articles") + " chosen by id: "
                + chosen.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Says what and when: {@code catalog-2026-11-22T1030Z-q-kharkiv-source-bbc.co.uk}. */
    private String name(CatalogFilter filter) {
        StringBuilder name = new StringBuilder("catalog-").append(STAMP.format(clock.instant()));
        if (filter.q() != null) {
            name.append("-q-").append(slug(filter.q()));
        }
        if (filter.passage() != null) {
            name.append("-passage-").append(slug(filter.passage()));
        }
        filter.sources().forEach(s -> name.append("-source-").append(slug(s)));
        filter.collections().forEach(c -> name.append("-collection-").append(c));
        if (filter.from() != null) {
            name.append("-from-").append(filter.from());
        }
        if (filter.to() != null) {
            name.append("-to-").append(filter.to());
        }
        if (filter.statuses() != StatusFilter.ACTIVE) {
            name.append("-").append(filter.statuses());
        }
        if (filter.allVersions()) {
            name.append("-all-versions");
        }
        return name.toString();
    }

    private static String slug(String text) {
        String slug =
                text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}.]+", "-").replaceAll("^-|-$", "");
        return slug.length() > 40 ? slug.substring(0, 40) : slug;
    }
}
