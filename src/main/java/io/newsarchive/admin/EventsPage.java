package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.preservation.EventFilter;
import io.newsarchive.preservation.EventOutcome;
import io.newsarchive.preservation.EventParams;
import io.newsarchive.preservation.EventType;
import io.newsarchive.preservation.PreservationEvent;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    public TemplateInstance events(@BeanParam EventParams params) {
        EventFilter filter = EventFilter.of(params);
        EventFilter.Page page = filter.page(params.before, PAGE, filter.href("/admin/events"));
        return Templates.events(
                page.events(),
                filter,
                List.of(EventType.values()),
                List.of(EventOutcome.values()),
                filter.href("/api/events").toString(),
                page.older());
    }
}
