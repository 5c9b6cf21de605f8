package io.newsarchive.admin;

import io.newsarchive.audit.AuditEvent;
import io.newsarchive.catalog.Article;
import io.newsarchive.catalog.Source;
import io.newsarchive.corpus.ArticleParser;
import io.newsarchive.corpus.ArticleUrl;
import io.newsarchive.corpus.ParseProblem;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.CatalogUser;
import io.newsarchive.system.Params;
import io.newsarchive.system.SignedIn;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Correcting an article's metadata, and withdrawing or restoring it. The original file never changes: each change
 * is a new metadata revision with an audit event holding who, when, why and the old and new values. Every form
 * names the revision it was made from; a form made from an older revision is refused with what changed since.
 */
@Path("/admin/articles/{id}")
@RolesAllowed(CatalogUser.ARCHIVIST)
@Produces(MediaType.TEXT_HTML)
public class ArticleEditPage {

    private static final int MAX_NOTE = 10_000;

    /** What the form holds: the article's values, or what the archivist sent. */
    public record EditForm(String headline, String published, String url, String note, String reason, int revision) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edit(Article article, int versions, EditForm form, List<String> problems,
                                            List<AuditEvent> since, String csrf);
    }

    @Inject
    SignedIn signedIn;

    @Inject
    CatalogConfig config;

    @GET
    @Path("/edit")
    @Transactional
    public TemplateInstance form(@RestPath String id) {
        Article article = article(id);
        return Templates.edit(article, versionsOf(article).size(), formOf(article), List.of(), List.of(),
                signedIn.csrfToken());
    }

    @POST
    @Path("/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response edit(@RestPath String id, @RestForm String headline, @RestForm String published,
                         @RestForm String url, @RestForm String note, @RestForm String reason,
                         @RestForm String revision, @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        Article article = lockedArticle(id);
        EditForm form = new EditForm(trim(headline), trim(published), trim(url), note == null ? "" : note.strip(),
                trim(reason), Params.intInRange("revision", revision, 0, 0, Integer.MAX_VALUE));
        Response conflict = conflict(article, form);
        if (conflict != null) {
            return conflict;
        }
        List<String> problems = new ArrayList<>();
        ParseProblem headlineProblem = ArticleParser.headlineProblem(form.headline(), config.ingest().maxHeadlineChars());
        if (headlineProblem != null) {
            problems.add(headlineProblem.message());
        }
        String newHeadline = form.headline();
        LocalDate newDate = checkDate(form.published(), problems);
        ArticleUrl newUrl = checkUrl(form.url(), article, config.ingest().maxUrlBytes(), problems);
        if (form.note().length() > MAX_NOTE) {
            problems.add("the note is longer than " + MAX_NOTE + " characters");
        }
        if (form.reason().isEmpty()) {
            problems.add("say why you make this change: the reason is kept with it");
        }
        AuditEvent event = AuditEvent.by(signedIn.name(), AuditEvent.EDIT, form.reason())
                .change("headline", article.headline, newHeadline)
                .change("published", article.published, newDate)
                .change("note", article.note, form.note().isEmpty() ? null : form.note());
        boolean urlChanged = newUrl != null && !newUrl.url().equals(article.url);
        if (problems.isEmpty() && event.changes.isEmpty() && !urlChanged) {
            problems.add("nothing was changed");
        }
        if (!problems.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.edit(article,
                    versionsOf(article).size(), form, problems, List.of(), signedIn.csrfToken())).build();
        }
        article.headline = newHeadline;
        article.published = newDate;
        article.note = form.note().isEmpty() ? null : form.note();
        if (urlChanged) {
            changeUrl(article, newUrl, event);
        }
        record(article, event);
        return Response.seeOther(URI.create("/articles/" + article.id)).build();
    }

    @POST
    @Path("/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response withdraw(@RestPath String id, @RestForm String reason, @RestForm String revision,
                             @RestForm String csrf) {
        return setStatus(id, Article.WITHDRAWN, AuditEvent.WITHDRAW, reason, revision, csrf);
    }

    @POST
    @Path("/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response restore(@RestPath String id, @RestForm String reason, @RestForm String revision,
                            @RestForm String csrf) {
        return setStatus(id, Article.ACTIVE, AuditEvent.RESTORE, reason, revision, csrf);
    }

    /** Withdrawing or restoring concerns the article, so every version of it. */
    private Response setStatus(String id, String status, String action, String reason, String revision, String csrf) {
        signedIn.checkCsrf(csrf);
        Article article = lockedArticle(id);
        String why = trim(reason);
        Response conflict = conflict(article, new EditForm(article.headline, article.published.toString(),
                article.url, article.note, why, Params.intInRange("revision", revision, 0, 0, Integer.MAX_VALUE)));
        if (conflict != null) {
            return conflict;
        }
        if (why.isEmpty()) {
            throw ApiError.badParameter("reason", "say why the article is " + (status.equals(Article.WITHDRAWN)
                    ? "withdrawn" : "restored") + ": the reason is kept with the change");
        }
        if (article.status.equals(status)) {
            throw ApiError.failure(Response.Status.CONFLICT, "conflict", "article " + article.id + " is already "
                    + status, null);
        }
        for (Article version : versionsOf(article)) {
            AuditEvent event = AuditEvent.by(signedIn.name(), action, why)
                    .change("status", version.status, status)
                    .change("withdrawn_reason", version.withdrawnReason, status.equals(Article.WITHDRAWN) ? why : null);
            version.status = status;
            version.withdrawnReason = status.equals(Article.WITHDRAWN) ? why : null;
            record(version, event);
        }
        return Response.seeOther(URI.create("/articles/" + article.id)).build();
    }

    /** A new URL with a new normalized URL moves every version of the article to it, and to its source. */
    private void changeUrl(Article article, ArticleUrl url, AuditEvent event) {
        event.change("url", article.url, url.url());
        List<Article> versions = url.normalizedUrl().equals(article.normalizedUrl) ? List.of(article)
                : versionsOf(article);
        Source source = Source.<Source>find("host", url.host()).firstResultOptional().orElseGet(() -> {
            Source created = new Source();
            created.host = url.host();
            created.domain = url.domain();
            created.persist();
            return created;
        });
        for (Article version : versions) {
            AuditEvent moved = AuditEvent.by(signedIn.name(), AuditEvent.EDIT, event.reason)
                    .change("url", version.url, url.url());
            version.url = url.url();
            version.normalizedUrl = url.normalizedUrl();
            version.source = source;
            if (version != article) {
                // after the change, so that the event names the revision it made
                record(version, moved);
            }
        }
    }

    private void record(Article article, AuditEvent event) {
        Article.getEntityManager().flush();
        event.articleId = article.id;
        event.revision = article.metadataRevision;
        event.persist();
    }

    /** Refuses a form made from an older revision: the page shows what changed since and keeps what was typed. */
    private Response conflict(Article article, EditForm form) {
        if (form.revision() == article.metadataRevision) {
            return null;
        }
        List<AuditEvent> since = AuditEvent.list("articleId = ?1 and revision > ?2 order by id", article.id,
                form.revision());
        return Response.status(Response.Status.CONFLICT).entity(Templates.edit(article, versionsOf(article).size(),
                new EditForm(form.headline(), form.published(), form.url(), form.note(), form.reason(),
                        article.metadataRevision),
                List.of("someone else changed this article after you opened it (see below); nothing of yours was"
                        + " saved. Check your values against the current ones and send the form again"),
                since, signedIn.csrfToken())).build();
    }

    private static LocalDate checkDate(String text, List<String> problems) {
        try {
            LocalDate date = LocalDate.parse(text);
            LocalDate latest = LocalDate.now(ZoneOffset.UTC).plusDays(1);
            if (date.isBefore(ArticleParser.EARLIEST) || date.isAfter(latest)) {
                problems.add("the publication date " + date + " is outside the accepted range "
                        + ArticleParser.EARLIEST + " to " + latest);
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add("the publication date \"" + text + "\" is not a date in the form YYYY-MM-DD");
            return null;
        }
    }

    /** The new URL, unless it is invalid or already names another article. */
    private static ArticleUrl checkUrl(String text, Article article, int maxBytes, List<String> problems) {
        try {
            ArticleUrl url = ArticleUrl.parse(text, maxBytes);
            if (!url.normalizedUrl().equals(article.normalizedUrl)
                    && Article.count("normalizedUrl", url.normalizedUrl()) > 0) {
                problems.add("the URL " + url.url() + " already belongs to another article");
                return null;
            }
            return url;
        } catch (IllegalArgumentException e) {
            problems.add("the URL " + e.getMessage());
            return null;
        }
    }

    private static EditForm formOf(Article article) {
        return new EditForm(article.headline, article.published.toString(), article.url,
                article.note == null ? "" : article.note, "", article.metadataRevision);
    }

    private static List<Article> versionsOf(Article article) {
        return Article.list("normalizedUrl = ?1 order by version", article.normalizedUrl);
    }

    private static Article article(String id) {
        return article(id, LockModeType.NONE);
    }

    /** The article, after taking the article write lock until the change commits, so that changes take turns. */
    private static Article lockedArticle(String id) {
        Article.getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(?1, 0)")
                .setParameter(1, Article.WRITE_LOCK_CLASS).getSingleResult();
        return article(id, LockModeType.PESSIMISTIC_WRITE);
    }

    private static Article article(String id, LockModeType lock) {
        long articleId = Params.id("id", id);
        Article article = Article.findById(articleId, lock);
        if (article == null) {
            throw ApiError.notFound("no article " + articleId);
        }
        return article;
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
