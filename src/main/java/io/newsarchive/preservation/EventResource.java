package io.newsarchive.preservation;

import io.newsarchive.account.Role;
import io.newsarchive.system.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/**
 * {@code GET /api/events}: the preservation event log of the whole catalog, newest first, with filters; for
 * archivists, as the audit log (an article's own events are public, {@code /api/articles/{id}/events}).
 */
@Tag(name = "Preservation")
@Path("/api/events")
@RolesAllowed(Role.Names.ARCHIVIST)
public class EventResource {

    /** A page of events, and the address of the next (older) page, or null at the end. */
    public record EventPage(List<EventJson> items, String next) {}

    @Operation(summary = "The catalog's preservation events, newest first")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public EventPage events(
            @RestQuery
                    @Parameter(
                            description = "the PREMIS event type",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {
                                                "ingestion",
                                                "fixity check",
                                                "metadata modification",
                                                "deaccession",
                                                "accession",
                                                "dissemination",
                                                "recovery"
                                            }))
                    String type,
            @RestQuery
                    @Parameter(
                            description = "how the events ended",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"success", "failure"}))
                    String outcome,
            @RestQuery @Parameter(description = "who or what acted: a user name, or the catalog for its own checks")
                    String agent,
            @RestQuery
                    @Parameter(
                            description = "an article version's id",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
                    String article,
            @RestQuery
                    @Parameter(
                            description = "first day, inclusive (UTC)",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String from,
            @RestQuery
                    @Parameter(
                            description = "last day, inclusive (UTC)",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String to,
            @RestQuery
                    @Parameter(
                            description = "only events older than this event id: the next page",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
                    String before,
            @RestQuery
                    @Parameter(
                            description = "events a page",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "1000",
                                            defaultValue = "100"))
                    String limit) {
        EventFilter filter = EventFilter.of(type, outcome, agent, article, from, to);
        int size = Params.intInRange("limit", limit, 100, 1, 1000);
        EventFilter.Page page = filter.page(
                before, size, filter.href("/api/events").plus("limit", limit == null ? null : String.valueOf(size)));
        return new EventPage(page.events().stream().map(EventJson::of).toList(), page.older());
    }
}
