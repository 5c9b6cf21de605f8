package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.preservation.EventFilter;
import io.newsarchive.preservation.EventOutcome;
import io.newsarchive.preservation.EventType;
import io.newsarchive.preservation.PreservationEvent;
import io.newsarchive.system.Params;
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
        List<PreservationEvent> events = filter.latest(before == null ? null : Params.id("before", before), PAGE + 1);
        String olderHref = null;
        if (events.size() > PAGE) {
            events = events.subList(0, PAGE);
            olderHref = filter.href("/admin/events")
                    .plus("before", events.get(PAGE - 1).id.toString())
                    .toString();
        }
        return Templates.events(
                events,
                filter,
                List.of(EventType.values()),
                List.of(EventOutcome.values()),
                filter.href("/api/events").toString(),
                olderHref);
    }
}
