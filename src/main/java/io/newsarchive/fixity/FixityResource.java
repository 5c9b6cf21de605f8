package io.newsarchive.fixity;

import io.newsarchive.account.Role;
import io.newsarchive.account.SignedIn;
import io.newsarchive.preservation.EventJson;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.DatabaseFailure;
import io.newsarchive.system.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;

import java.sql.SQLException;
import java.util.Map;

/** Fixity checks on demand, for archivists: one article's original now, or a new pass over the whole catalog. */
@Tag(name = "Preservation")
@Path("/api/fixity")
@RolesAllowed(Role.Names.ARCHIVIST)
@Produces(MediaType.APPLICATION_JSON)
public class FixityResource {

    private static final Logger LOG = Logger.getLogger(FixityResource.class);

    private final FixityChecks checks;
    private final SignedIn signedIn;
    private final CatalogConfig config;
    /** The container's threads, without the context of the request that starts a pass (a pass outlives it). */
    private static final ManagedExecutor EXECUTOR = ManagedExecutor.builder()
            .propagated(ThreadContext.NONE)
            .cleared(ThreadContext.ALL_REMAINING)
            .build();

    FixityResource(FixityChecks checks, SignedIn signedIn, CatalogConfig config) {
        this.checks = checks;
        this.signedIn = signedIn;
        this.config = config;
    }

    /** {@code POST /api/fixity/articles/{id}}: hashes the article version's original now; the event says how it went. */
    @Operation(summary = "Checks one original's fixity now")
    @POST
    @Path("/articles/{id}")
    public EventJson article(@RestPath @Parameter(description = "an article version's id") String id) {
        long articleId = Params.id("id", id);
        try {
            return checks.checkArticle(articleId, signedIn.name())
                    .map(EventJson::of)
                    .orElseThrow(() -> ApiError.notFound("no article " + articleId));
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /**
     * {@code POST /api/fixity}: begins a new pass over every original in the background, at the service's rate; its
     * chunks appear in {@code /api/events?type=fixity+check} as it goes.
     */
    @Operation(summary = "Begins a fixity pass over every original")
    @APIResponse(
            responseCode = "202",
            description = "the pass begins in the background",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            properties = @SchemaProperty(name = "message", type = SchemaType.STRING))))
    @POST
    public Response all() {
        String by = signedIn.name();
        EXECUTOR.execute(() -> {
            try {
                if (checks.run(by, true, config.fixity().maxBytesPerSecond().asLongValue())
                        .isEmpty()) {
                    LOG.infof("fixity pass asked for by %s: a pass is running already, which goes on", by);
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("fixity pass asked for by %s stopped: %s", by, e.getMessage());
            }
        });
        return Response.accepted(Map.of(
                        "message",
                        "a new fixity pass over every original begins (unless one is running); its checks appear in"
                                + " /api/events?type=fixity+check"))
                .build();
    }
}
