package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.account.SignedIn;
import io.newsarchive.audit.AuditEvent;
import io.newsarchive.catalog.Article;
import io.newsarchive.catalog.ArticleCorrections;
import io.newsarchive.catalog.ArticleCorrections.Correction;
import io.newsarchive.catalog.ArticleCorrections.Form;
import io.newsarchive.system.Params;
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

/** The correction form of an article, and its withdraw and restore buttons; {@link ArticleCorrections} decides. */
@Tag(name = "Admin pages")
@Path("/admin/articles/{id}")
@RolesAllowed(Role.Names.ARCHIVIST)
@Produces(MediaType.TEXT_HTML)
public class ArticleEditPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edit(
                Article article,
                int versions,
                Correction form,
                List<String> problems,
                List<AuditEvent> since,
                String csrf);
    }

    @Inject
    SignedIn signedIn;

    @Inject
    ArticleCorrections corrections;

    @Operation(summary = "The correction form of an article version")
    @GET
    @Path("/edit")
    public TemplateInstance form(@RestPath @Parameter(description = "an article version's id") String id) {
        return render(corrections.open(Params.id("id", id)), List.of(), List.of());
    }

    @Operation(summary = "Corrects an article version's metadata")
    @POST
    @Path("/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(
            @RestPath @Parameter(description = "an article version's id") String id,
            @RestForm String headline,
            @RestForm String published,
            @RestForm String url,
            @RestForm String note,
            @RestForm String reason,
            @RestForm String revision,
            @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        long articleId = Params.id("id", id);
        Correction correction = new Correction(
                trim(headline), trim(published), trim(url), trim(note), trim(reason), revision(revision));
        return answer(corrections.edit(articleId, correction, signedIn.name()));
    }

    @Operation(summary = "Withdraws an article version")
    @POST
    @Path("/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(
            @RestPath @Parameter(description = "an article version's id") String id,
            @RestForm String reason,
            @RestForm String revision,
            @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        long articleId = Params.id("id", id);
        return answer(corrections.withdraw(articleId, trim(reason), revision(revision), signedIn.name()));
    }

    @Operation(summary = "Makes a withdrawn article version public again")
    @POST
    @Path("/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restore(
            @RestPath @Parameter(description = "an article version's id") String id,
            @RestForm String reason,
            @RestForm String revision,
            @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        long articleId = Params.id("id", id);
        return answer(corrections.restore(articleId, trim(reason), revision(revision), signedIn.name()));
    }

    private Response answer(ArticleCorrections.Result result) {
        if (result instanceof ArticleCorrections.Saved saved) {
            return Response.seeOther(URI.create("/articles/" + saved.article().id))
                    .build();
        }
        if (result instanceof ArticleCorrections.Invalid invalid) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(render(invalid.form(), invalid.problems(), List.of()))
                    .build();
        }
        ArticleCorrections.Conflict conflict = (ArticleCorrections.Conflict) result;
        return Response.status(Response.Status.CONFLICT)
                .entity(render(
                        conflict.form(),
                        List.of("someone else changed"
                                + " this article after you opened it (see below); nothing of yours was saved. Check your values"
                                + " against the current ones and send the form again"),
                        conflict.since()))
                .build();
    }

    private TemplateInstance render(Form form, List<String> problems, List<AuditEvent> since) {
        return Templates.edit(
                form.article(), form.versions(), form.correction(), problems, since, signedIn.csrfToken());
    }

    private static int revision(String revision) {
        return Params.intInRange("revision", revision, 0, 0, Integer.MAX_VALUE);
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
