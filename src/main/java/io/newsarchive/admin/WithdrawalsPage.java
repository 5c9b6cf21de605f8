package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.account.SignedIn;
import io.newsarchive.catalog.Article;
import io.newsarchive.catalog.ArticleCorrections;
import io.newsarchive.catalog.ArticleCorrections.Chosen;
import io.newsarchive.catalog.ArticlePage;
import io.newsarchive.catalog.ArticleStatus;
import io.newsarchive.catalog.ChosenArticles;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.Href;
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
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Withdrawing several articles chosen on the catalog page: a page that lists them with one reason and a box to
 * tick, and its form; {@link ArticleCorrections#withdrawAll} decides, all or nothing.
 */
@Tag(name = "Admin pages")
@Path("/admin/withdrawals")
@RolesAllowed(Role.Names.ARCHIVIST)
@Produces(MediaType.TEXT_HTML)
public class WithdrawalsPage {

    @CheckedTemplate
    static class Templates {
        /**
         * @param active    the chosen articles that the form withdraws
         * @param withdrawn the chosen articles withdrawn already
         * @param results   the catalog's results they were chosen from, or null
         */
        static native TemplateInstance withdrawals(
                List<Article> active,
                List<Article> withdrawn,
                String reason,
                List<String> problems,
                String results,
                String csrf);
    }

    @Inject
    SignedIn signedIn;

    @Inject
    ArticleCorrections corrections;

    @Operation(summary = "The articles chosen on the catalog page, with the form that withdraws them all")
    @GET
    public TemplateInstance confirm(
            @RestQuery("id")
                    @Parameter(
                            description = "an article version's id; repeat it or separate ids by commas, at most "
                                    + ChosenArticles.MAX,
                            explode = Explode.TRUE)
                    List<String> ids,
            @RestQuery
                    @Parameter(
                            description = "the catalog page they were chosen on (/?q=words), shown as a link back to"
                                    + " the results")
                    String results) {
        return render(corrections.chosen(ChosenArticles.ids(ids)), "", List.of(), ArticlePage.results(results));
    }

    @Operation(summary = "Withdraws every article chosen, or none when any of them cannot be")
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(
            @RestForm("id") List<String> ids,
            @RestForm("revision") List<String> revisions,
            @RestForm String reason,
            @RestForm String confirm,
            @RestForm String results,
            @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        List<Long> articleIds = ChosenArticles.ids(ids);
        if (revisions == null || revisions.size() != articleIds.size()) {
            throw ApiError.badParameter("revision", "send one revision for each id, in the same order");
        }
        List<Chosen> chosen = new ArrayList<>();
        for (int i = 0; i < articleIds.size(); i++) {
            String revision = revisions.get(i);
            if (revision == null || revision.isBlank()) {
                throw ApiError.badParameter("revision", "send the revision of each article chosen, not a blank one");
            }
            chosen.add(new Chosen(articleIds.get(i), Params.intInRange("revision", revision, 0, 0, Integer.MAX_VALUE)));
        }
        String back = ArticlePage.results(results);
        String why = reason == null ? "" : reason.strip();
        ArticleCorrections.Withdrawal withdrawal =
                corrections.withdrawAll(chosen, why, confirm != null && !confirm.isEmpty(), signedIn.name());
        if (withdrawal instanceof ArticleCorrections.NoneWithdrawn none) {
            return Response.status(none.changed() ? Response.Status.CONFLICT : Response.Status.BAD_REQUEST)
                    .entity(render(corrections.chosen(articleIds), why, none.problems(), back))
                    .build();
        }
        // the page of the same articles, now listed as withdrawn
        Href page = Href.of("/admin/withdrawals");
        for (long id : articleIds) {
            page = page.plus("id", String.valueOf(id));
        }
        return Response.seeOther(URI.create(page.with("results", back).toString()))
                .build();
    }

    private TemplateInstance render(List<Article> chosen, String reason, List<String> problems, String results) {
        return Templates.withdrawals(
                chosen.stream().filter(a -> a.status != ArticleStatus.WITHDRAWN).toList(),
                chosen.stream().filter(a -> a.status == ArticleStatus.WITHDRAWN).toList(),
                reason,
                problems,
                results,
                signedIn.csrfToken());
    }
}
