package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.preservation.EventFilter;
import io.newsarchive.preservation.EventOutcome;
import io.newsarchive.preservation.EventType;
import io.newsarchive.preservation.PreservationEvent;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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

/** The preservation event log: ingestions, fixity checks, corrections, withdrawals, exports, restores; newest first. */
@Tag(name = "Admin pages")
@Path("/admin/events")
@RolesAllowed(Role.Names.ARCHIVIST)
@Produces(MediaType.TEXT_HTML)
public class EventsPage {

    private static final int PAGE = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance events(
                List<PreservationEvent> events,
                EventFilter filter,
                List<EventType> types,
                List<EventOutcome> outcomes,
                String jsonHref,
                String olderHref);
    }

    @Operation(summary = "The preservation event log")
    @GET
    @Transactional
    public TemplateInstance events(
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
                    String before) {
        EventFilter filter = EventFilter.of(type, outcome, agent, article, from, to);
        EventFilter.Page page = filter.page(before, PAGE, filter.href("/admin/events"));
        return Templates.events(
                page.events(),
                filter,
                List.of(EventType.values()),
                List.of(EventOutcome.values()),
                filter.href("/api/events").toString(),
                page.older());
    }
}
