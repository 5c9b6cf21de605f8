package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.audit.AuditAction;
import io.newsarchive.audit.AuditEvent;
import io.newsarchive.system.Href;
import io.newsarchive.system.Params;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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

/** The audit log: every change, newest first, filtered by user, action and date. */
@Tag(name = "Admin pages")
@Path("/admin/audit")
@RolesAllowed(Role.Names.ARCHIVIST)
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

    private static final int PAGE = 100;

    /** The filters as the form shows them; {@code action} is null for any. */
    public record Filters(String user, AuditAction action, String from, String to) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(
                List<AuditEvent> events, Filters filters, List<AuditAction> actions, String olderHref);
    }

    @Operation(summary = "The audit log")
    @GET
    public TemplateInstance audit(
            @RestQuery @Parameter(description = "the user who made the change") String user,
            @RestQuery
                    @Parameter(
                            description = "what was done",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {
                                                "edit",
                                                "withdraw",
                                                "restore",
                                                "ingest",
                                                "user_add",
                                                "user_role",
                                                "user_disable",
                                                "user_enable",
                                                "user_password",
                                                "collection_add",
                                                "collection_edit",
                                                "collection_sources",
                                                "collection_delete",
                                                "run_dismiss",
                                                "run_undismiss",
                                                "near_copy_decision"
                                            }))
                    String action,
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
                            description = "only changes older than this audit event id: the next page",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
                    String before) {
        String username = Params.text("user", user);
        AuditAction chosen =
                action == null || action.isBlank() ? null : Params.oneOf("action", action, AuditAction.values());
        List<AuditEvent> events = AuditEvent.latest(
                username,
                chosen,
                Params.date("from", from),
                Params.date("to", to),
                before == null ? null : Params.id("before", before),
                PAGE + 1);
        Filters filters = new Filters(blank(user), chosen, blank(from), blank(to));
        String olderHref = null;
        if (events.size() > PAGE) {
            events = events.subList(0, PAGE);
            olderHref = Href.of("/admin/audit")
                    .plus("user", filters.user())
                    .plus("action", chosen == null ? "" : chosen.toString())
                    .plus("from", filters.from())
                    .plus("to", filters.to())
                    .plus("before", events.get(PAGE - 1).id.toString())
                    .toString();
        }
        return Templates.audit(events, filters, List.of(AuditAction.values()), olderHref);
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }
}
