package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.account.SignedIn;
import io.newsarchive.catalog.Article;
import io.newsarchive.reuse.NearCopies;
import io.newsarchive.reuse.NearCopyDecision;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.Params;
import io.newsarchive.system.Words;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.util.List;

/**
 * The review queue of near-copies: the pairs nobody has decided, the longest waiting first, and the decisions that
 * can be undone; a pair's page shows the two texts side by side with the three decisions. {@link NearCopies} decides.
 */
@Tag(name = "Admin pages")
@Path("/admin/near-copies")
@RolesAllowed(Role.Names.ARCHIVIST)
@Produces(MediaType.TEXT_HTML)
public class NearCopiesPage {

    /** The decided pairs the queue's page lists, newest first. */
    static final int DECIDED = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(NearCopies.Queue queue, List<NearCopies.Pair> decided);

        /**
         * @param pair the pair
         * @param text their texts side by side
         */
        static native TemplateInstance pair(NearCopies.Pair pair, SideBySide text, String csrf);
    }

    @Inject
    SignedIn signedIn;

    @Inject
    NearCopies nearCopies;

    @Operation(summary = "The near-copy pairs nobody has decided, and the latest decisions")
    @GET
    public TemplateInstance queue() {
        return Templates.queue(nearCopies.queue(), nearCopies.recentlyDecided(DECIDED));
    }

    @Operation(summary = "A near-copy pair: both texts side by side, and the form that decides what they are")
    @GET
    @Path("/{article}/{copy}")
    public TemplateInstance pair(
            @RestPath @Parameter(description = "an article's id") String article,
            @RestPath @Parameter(description = "the id of its near-copy") String copy) {
        NearCopies.Pair pair = find(article, copy);
        return Templates.pair(
                pair,
                SideBySide.of(
                        Article.byId(pair.article().id()).sentences,
                        Article.byId(pair.copy().id()).sentences),
                signedIn.csrfToken());
    }

    @Operation(summary = "Decides what a near-copy pair is, or undoes its decision; audited on both articles")
    @POST
    @Path("/{article}/{copy}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(
            @RestPath @Parameter(description = "an article's id") String article,
            @RestPath @Parameter(description = "the id of its near-copy") String copy,
            @RestForm @Parameter(description = "same_article, syndicated, different, or undecided to undo the decision")
                    String decision,
            @RestForm @Parameter(description = "the decision the archivist saw, undecided for none") String seen,
            @RestForm @Parameter(description = "why, kept in the audit log (optional)") String reason,
            @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        NearCopies.Pair pair = find(article, copy);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        nearCopies.decide(
                pair.article().id(),
                pair.copy().id(),
                decision("seen", seen),
                decision("decision", decision),
                why,
                signedIn.name());
        return Response.seeOther(URI.create("/admin/near-copies")).build();
    }

    private NearCopies.Pair find(String article, String copy) {
        long a = Params.id("article", article);
        long b = Params.id("copy", copy);
        return nearCopies
                .pair(a, b)
                .orElseThrow(() -> ApiError.notFound("articles " + a + " and " + b + " are no near-copy pair"));
    }

    /** A decision a form names; null for {@value NearCopies#UNDECIDED}. */
    private static NearCopyDecision decision(String parameter, String word) {
        if (NearCopies.UNDECIDED.equals(word)) {
            return null;
        }
        try {
            return Words.of(NearCopyDecision.class, word == null ? "" : word);
        } catch (IllegalArgumentException e) {
            throw ApiError.badParameter(
                    parameter, parameter + " must be same_article, syndicated, different or " + NearCopies.UNDECIDED);
        }
    }
}
