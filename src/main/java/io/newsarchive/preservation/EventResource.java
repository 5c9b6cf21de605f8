package io.newsarchive.preservation;

import io.newsarchive.account.Role;
import io.newsarchive.system.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
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
            @BeanParam EventParams params,
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
        EventFilter filter = EventFilter.of(params);
        int size = Params.intInRange("limit", limit, 100, 1, 1000);
        EventFilter.Page page = filter.page(
                params.before,
                size,
                filter.href("/api/events").plus("limit", limit == null ? null : String.valueOf(size)));
        return new EventPage(page.events().stream().map(EventJson::of).toList(), page.older());
    }
}
