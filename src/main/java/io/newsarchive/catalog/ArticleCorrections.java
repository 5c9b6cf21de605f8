package io.newsarchive.catalog;

import io.newsarchive.audit.AuditAction;
import io.newsarchive.audit.AuditEvent;
import io.newsarchive.corpus.ArticleParser;
import io.newsarchive.corpus.ArticleUrl;
import io.newsarchive.corpus.ParseProblem;
import io.newsarchive.preservation.EventOutcome;
import io.newsarchive.preservation.EventType;
import io.newsarchive.preservation.PreservationEvent;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.CatalogWriteLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Correcting an article's metadata, and withdrawing or restoring it. The original file never changes: each change
 * is a new metadata revision with an audit event holding who, when, why and the old and new values. Every change
 * names the revision it was made from; one made from an older revision is refused with what changed since.
 * Changes take turns under the article write lock, the one ingests take too.
 */
@ApplicationScoped
public class ArticleCorrections {

    private static final int MAX_NOTE = 10_000;

    @Inject
    CatalogConfig config;

    /** The values of a correction: the article's own, or what the archivist sent. */
    public record Correction(String headline, String published, String url, String note, String reason, int revision) {}

    /** An article as the correction form shows it. */
    public record Form(Article article, int versions, Correction correction) {}

    /** What became of a change. */
    public sealed interface Result {}

    public record Saved(Article article) implements Result {}

    /** Nothing was saved; the problems say why, and the form keeps what was sent. */
    public record Invalid(Form form, List<String> problems) implements Result {}

    /** The change was made from an older revision; nothing was saved. The form names the current revision. */
    public record Conflict(Form form, List<AuditEvent> since) implements Result {}

    /** An article chosen for a withdrawal of several, with the metadata revision it had when it was chosen. */
    public record Chosen(long id, int revision) {}

    /** What became of a withdrawal of several articles: all of them are withdrawn, or none is. */
    public sealed interface Withdrawal {}

    public record AllWithdrawn(List<Article> articles) implements Withdrawal {}

    /**
     * Nothing was withdrawn; each problem names its article.
     *
     * @param changed whether an article changed after it was chosen (a conflict), rather than the request being wrong
     */
    public record NoneWithdrawn(boolean changed, List<String> problems) implements Withdrawal {}

    /** The article and its values, for a new correction. */
    @Transactional
    public Form open(long id) {
        Article article = Article.byId(id);
        return formOf(article, "");
    }

    /** The form with the article's values as stored and the reason given. */
    private Form formOf(Article article, String reason) {
        return new Form(
                article,
                versionsOf(article).size(),
                new Correction(
                        article.headline,
                        article.published.toString(),
                        article.url,
                        article.note == null ? "" : article.note,
                        reason,
                        article.metadataRevision));
    }

    /** Sets the headline, publication date, URL and note, all checked, as one revision. */
    @Transactional
    public Result edit(long id, Correction correction, String by) {
        Article article = lockedArticle(id);
        Conflict conflict = conflict(article, correction);
        if (conflict != null) {
            return conflict;
        }
        List<String> problems = new ArrayList<>();
        ParseProblem headlineProblem = ArticleParser.headlineProblem(
                correction.headline(), config.ingest().maxHeadlineChars());
        if (headlineProblem != null) {
            problems.add(headlineProblem.message());
        }
        LocalDate newDate = checkDate(correction.published(), problems);
        ArticleUrl newUrl = checkUrl(correction.url(), article, config.ingest().maxUrlBytes(), problems);
        if (correction.note().length() > MAX_NOTE) {
            problems.add("the note is longer than " + MAX_NOTE + " characters");
        }
        if (correction.reason().isEmpty()) {
            problems.add("say why you make this change: the reason is kept with it");
        }
        String newNote = correction.note().isEmpty() ? null : correction.note();
        AuditEvent event = AuditEvent.by(by, AuditAction.EDIT, correction.reason())
                .change("headline", article.headline, correction.headline())
                .change("published", article.published, newDate)
                .change("note", article.note, newNote);
        boolean urlChanged = newUrl != null && !newUrl.url().equals(article.url);
        if (problems.isEmpty() && event.changes.isEmpty() && !urlChanged) {
            problems.add("nothing was changed");
        }
        if (!problems.isEmpty()) {
            return new Invalid(new Form(article, versionsOf(article).size(), correction), problems);
        }
        article.headline = correction.headline();
        article.published = newDate;
        article.note = newNote;
        if (urlChanged) {
            changeUrl(article, newUrl, event, by);
        }
        record(article, event);
        return new Saved(article);
    }

    @Transactional
    public Result withdraw(long id, String reason, int revision, String by) {
        return setStatus(id, ArticleStatus.WITHDRAWN, AuditAction.WITHDRAW, reason, revision, by);
    }

    @Transactional
    public Result restore(long id, String reason, int revision, String by) {
        return setStatus(id, ArticleStatus.ACTIVE, AuditAction.RESTORE, reason, revision, by);
    }

    /** The article versions of these ids, in their order, for a withdrawal of several; a 400 naming unknown ids. */
    @Transactional
    public List<Article> chosen(List<Long> ids) {
        List<Article> articles = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (long id : ids) {
            Article article = Article.findById(id);
            if (article == null) {
                missing.add(id);
            } else {
                articles.add(article);
            }
        }
        if (!missing.isEmpty()) {
            throw ChosenArticles.unknown(missing);
        }
        return articles;
    }

    /**
     * Withdraws every article chosen, each as {@link #withdraw} would, in one transaction: when any of them is
     * withdrawn already or changed after it was chosen, or the reason or the confirmation is missing, none is.
     */
    @Transactional
    public Withdrawal withdrawAll(List<Chosen> chosen, String reason, boolean confirmed, String by) {
        List<String> problems = new ArrayList<>();
        if (reason.isEmpty()) {
            problems.add("say why the articles are withdrawn: the reason is kept with each of them");
        }
        if (!confirmed) {
            problems.add("tick the box to confirm that these articles leave the public catalog");
        }
        lockArticles();
        List<Long> missing = new ArrayList<>();
        List<Article> articles = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Chosen one : chosen) {
            Article article = Article.findById(one.id(), LockModeType.PESSIMISTIC_WRITE);
            if (article == null) {
                missing.add(one.id());
            } else if (article.metadataRevision != one.revision()) {
                changed.add("“" + article.headline + "” (article " + article.id + ") was changed after you chose it"
                        + " (see its history): choose it again");
            } else if (article.status == ArticleStatus.WITHDRAWN) {
                problems.add("“" + article.headline + "” (article " + article.id + ") is already withdrawn");
            } else {
                articles.add(article);
            }
        }
        if (!missing.isEmpty()) {
            throw ChosenArticles.unknown(missing);
        }
        if (!changed.isEmpty()) {
            changed.addAll(problems);
            return new NoneWithdrawn(true, changed);
        }
        if (!problems.isEmpty()) {
            return new NoneWithdrawn(false, problems);
        }
        List<String> urlsDone = new ArrayList<>();
        for (Article article : articles) {
            // two versions of one article chosen: it is withdrawn once
            if (!urlsDone.contains(article.normalizedUrl)) {
                urlsDone.add(article.normalizedUrl);
                changeStatus(article, ArticleStatus.WITHDRAWN, AuditAction.WITHDRAW, reason, by);
            }
        }
        return new AllWithdrawn(articles);
    }

    /** Withdrawing or restoring concerns the article, so every version of it. */
    private Result setStatus(
            long id, ArticleStatus status, AuditAction action, String reason, int revision, String by) {
        Article article = lockedArticle(id);
        Conflict conflict = conflict(
                article,
                new Correction(
                        article.headline, article.published.toString(), article.url, article.note, reason, revision));
        if (conflict != null) {
            return conflict;
        }
        String problem = reason.isEmpty()
                ? "say why the article is " + (status == ArticleStatus.WITHDRAWN ? "withdrawn" : "restored")
                        + ": the reason is kept with the change"
                : article.status == status ? "the article is already " + status : null;
        if (problem != null) {
            return new Invalid(formOf(article, reason), List.of(problem));
        }
        changeStatus(article, status, action, reason, by);
        return new Saved(article);
    }

    /** Sets the status of every version of the article, each change audited. */
    private static void changeStatus(
            Article article, ArticleStatus status, AuditAction action, String reason, String by) {
        String withdrawnReason = status == ArticleStatus.WITHDRAWN ? reason : null;
        for (Article version : versionsOf(article)) {
            AuditEvent event = AuditEvent.by(by, action, reason)
                    .change("status", version.status, status)
                    .change("withdrawn_reason", version.withdrawnReason, withdrawnReason);
            version.status = status;
            version.withdrawnReason = withdrawnReason;
            record(version, event);
        }
    }

    /** A new URL with a new normalized URL moves every version of the article to it, and to its source. */
    private static void changeUrl(Article article, ArticleUrl url, AuditEvent event, String by) {
        event.change("url", article.url, url.url());
        List<Article> versions =
                url.normalizedUrl().equals(article.normalizedUrl) ? List.of(article) : versionsOf(article);
        Source source = Source.<Source>find("host", url.host())
                .firstResultOptional()
                .orElseGet(() -> {
                    Source created = new Source();
                    created.host = url.host();
                    created.domain = url.domain();
                    created.persist();
                    return created;
                });
        for (Article version : versions) {
            AuditEvent moved = AuditEvent.by(by, AuditAction.EDIT, event.reason).change("url", version.url, url.url());
            version.url = url.url();
            version.normalizedUrl = url.normalizedUrl();
            version.source = source;
            if (version != article) {
                // after the change, so that the event names the revision it made
                record(version, moved);
            }
        }
    }

    /** The change in the audit log, and in the preservation event log in PREMIS's words. */
    private static void record(Article article, AuditEvent event) {
        Article.getEntityManager().flush();
        event.articleId = article.id;
        event.revision = article.metadataRevision;
        event.persist();
        PreservationEvent preservation = PreservationEvent.of(
                switch (event.action) {
                    case WITHDRAW -> EventType.DEACCESSION;
                    case RESTORE -> EventType.ACCESSION;
                    default -> EventType.METADATA_MODIFICATION;
                },
                EventOutcome.SUCCESS,
                event.username,
                switch (event.action) {
                            case WITHDRAW -> "withdrawn";
                            case RESTORE -> "restored";
                            default -> "corrected " + String.join(", ", event.changes.keySet());
                        }
                        + ": " + event.reason);
        preservation.dateTime = event.at;
        preservation.articleId = article.id;
        preservation.persist();
    }

    /** Refuses a change made from an older revision, with what changed since, keeping what was sent. */
    private static Conflict conflict(Article article, Correction correction) {
        if (correction.revision() == article.metadataRevision) {
            return null;
        }
        List<AuditEvent> since =
                AuditEvent.list("articleId = ?1 and revision > ?2 order by id", article.id, correction.revision());
        return new Conflict(
                new Form(
                        article,
                        versionsOf(article).size(),
                        new Correction(
                                correction.headline(),
                                correction.published(),
                                correction.url(),
                                correction.note(),
                                correction.reason(),
                                article.metadataRevision)),
                since);
    }

    private static LocalDate checkDate(String text, List<String> problems) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add("the publication date \"" + text + "\" is not a date in the form YYYY-MM-DD");
            return null;
        }
        ParseProblem dateProblem = ArticleParser.dateProblem(date, LocalDate.now(ZoneOffset.UTC));
        if (dateProblem != null) {
            problems.add("the publication date " + dateProblem.message());
        }
        return date;
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

    private static List<Article> versionsOf(Article article) {
        return Article.list("normalizedUrl = ?1 order by version", article.normalizedUrl);
    }

    /** The article, after taking the article write lock until the change commits, so that changes take turns. */
    private static Article lockedArticle(long id) {
        lockArticles();
        return Article.byId(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Takes the article write lock until the transaction ends. */
    private static void lockArticles() {
        Article.getEntityManager()
                .createNativeQuery("select 1 from pg_advisory_xact_lock(?1, 0)")
                .setParameter(1, CatalogWriteLock.CLASS)
                .getSingleResult();
    }
}
