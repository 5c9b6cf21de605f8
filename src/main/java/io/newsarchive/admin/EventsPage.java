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
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/** The preservation event log: ingestions, fixity checks, corrections, withdrawals, exports, restores; newest first. */
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

    @GET
    @Transactional
    public TemplateInstance events(
            @RestQuery String type,
            @RestQuery String outcome,
            @RestQuery String agent,
            @RestQuery String article,
            @RestQuery String from,
            @RestQuery String to,
            @RestQuery String before) {
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
