package io.newsarchive.audit;

import io.newsarchive.system.ApiError;
import io.newsarchive.system.CatalogUser;
import io.newsarchive.system.Params;
import io.quarkus.panache.common.Parameters;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The audit log: every change, newest first, filtered by user, action and date. */
@Path("/admin/audit")
@RolesAllowed(CatalogUser.ARCHIVIST)
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

    private static final int PAGE = 100;

    /** The filters as the form shows them. */
    public record Filters(String user, String action, String from, String to) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(List<AuditEvent> events, Filters filters, List<String> actions,
                                             String olderHref);
    }

    @GET
    @Transactional
    public TemplateInstance audit(@RestQuery String user, @RestQuery String action, @RestQuery String from,
                                  @RestQuery String to, @RestQuery String before) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        String username = Params.text("user", user);
        if (username != null) {
            where.add("username = :user");
            params.and("user", username);
        }
        if (action != null && !action.isBlank()) {
            if (!AuditEvent.ACTIONS.contains(action)) {
                throw ApiError.badParameter("action", "action must be one of " + String.join(", ", AuditEvent.ACTIONS)
                        + ", not \"" + action + "\"");
            }
            where.add("action = :action");
            params.and("action", action);
        }
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        if (fromDate != null) {
            where.add("at >= :from");
            params.and("from", fromDate.atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (toDate != null) {
            where.add("at < :to");
            params.and("to", toDate.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (before != null) {
            where.add("id < :before");
            params.and("before", Params.id("before", before));
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id desc";
        List<AuditEvent> events = AuditEvent.find(query, params).page(0, PAGE + 1).list();
        Filters filters = new Filters(blank(user), blank(action), blank(from), blank(to));
        String olderHref = null;
        if (events.size() > PAGE) {
            events = events.subList(0, PAGE);
            olderHref = "/admin/audit?user=" + encode(filters.user()) + "&action=" + encode(filters.action())
                    + "&from=" + encode(filters.from()) + "&to=" + encode(filters.to())
                    + "&before=" + events.get(PAGE - 1).id;
        }
        return Templates.audit(events, filters, AuditEvent.ACTIONS, olderHref);
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
