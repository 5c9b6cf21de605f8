package io.newsarchive.catalog;

import io.newsarchive.audit.AuditEvent;
import io.newsarchive.preservation.EventJson;
import io.newsarchive.preservation.PreservationEvent;
import io.newsarchive.reuse.ArticleReuse;
import io.newsarchive.reuse.NearCopies;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.Href;
import io.newsarchive.system.Params;
import io.newsarchive.system.PublicAddress;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * One article version: metadata, body sentence by sentence, versions, neighbours from its source and day, and the
 * history of its metadata and its preservation events; archivists also find the edit, withdraw and restore forms here.
 * Its address is the version's citation address; the page also names the one of the latest version of its URL
 * ({@link CitationResource}) and carries JSON-LD and Dublin Core ({@link ArticleMetadata}).
 */
@Tag(name = "Pages")
@Path("/articles/{id}")
public class ArticlePage {

    /** Another version of the same normalized URL. */
    public record Version(
            long id, int version, Instant ingestedAt, ArticleStatus status, String sha256, boolean current) {}

    /** Another article of the same source and day. */
    public record Neighbour(long id, String headline) {}

    /**
     * A sentence of the body, numbered from 1.
     *
     * @param shared the passage it shares with articles of other sources; null when it shares none
     */
    public record BodyLine(int number, String text, ArticleReuse.SharedSentence shared) {

        /** The catalog's listing of every article that carries this sentence; null for one too long to look up. */
        public String carriersHref() {
            return text.length() > CatalogFilter.MAX_PASSAGE_LENGTH
                    ? null
                    : Href.of("/").plus("passage", text).toString();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance article(
                ArticleJson article,
                Article stored,
                List<BodyLine> body,
                ArticleReuse.Reuse reuse,
                List<NearCopies.Decided> copies,
                List<Version> versions,
                List<Neighbour> sameDay,
                List<AuditEvent> history,
                List<EventJson> events,
                ArticleMetadata metadata,
                String results);
    }

    /** A listing of the catalog or of a source, as its pages link to themselves; nothing that leaves the site. */
    private static final Pattern LISTING = Pattern.compile("/(?:sources/[^/?#]+)?(?:\\?[^#\\s]*)?");

    private static final int MAX_RESULTS_LENGTH = 4000;

    private static final int NEIGHBOURS = 20;

    private final CatalogConfig config;
    private final ArticleReuse articleReuse;
    private final NearCopies nearCopies;

    ArticlePage(CatalogConfig config, ArticleReuse articleReuse, NearCopies nearCopies) {
        this.config = config;
        this.articleReuse = articleReuse;
        this.nearCopies = nearCopies;
    }

    @Operation(summary = "An article version's page")
    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance article(
            @RestPath @Parameter(description = "an article version's id") String id,
            @RestQuery
                    @Parameter(
                            description = "the catalog page the reader came from (/?q=words), shown as a link back to"
                                    + " the results")
                    String results,
            @Context UriInfo uri) {
        Article article = Article.byId(Params.id("id", id));
        String back = results(results);
        List<Version> versions =
                Article.<Article>list("normalizedUrl = ?1 order by version", article.normalizedUrl).stream()
                        .map(v ->
                                new Version(v.id, v.version, v.ingestedAt, v.status, v.sha256, v.id.equals(article.id)))
                        .toList();
        List<Neighbour> sameDay = Article.<Article>find(
                        "source = ?1 and published = ?2 and latest and status = ?3 and id <> ?4 order by id",
                        article.source,
                        article.published,
                        ArticleStatus.ACTIVE,
                        article.id)
                .page(0, NEIGHBOURS)
                .list()
                .stream()
                .map(n -> new Neighbour(n.id, n.headline))
                .toList();
        ArticleReuse.Reuse reuse = articleReuse.of(article.id).orElseThrow();
        List<BodyLine> body = IntStream.range(0, article.sentences.length)
                .mapToObj(i -> new BodyLine(
                        i + 1, article.sentences[i], reuse.sentence(i + 1).orElse(null)))
                .toList();
        return Templates.article(
                ArticleJson.of(article),
                article,
                body,
                reuse,
                nearCopies.decidedOf(article.id),
                versions,
                sameDay,
                AuditEvent.ofArticle(article.id),
                PreservationEvent.ofArticle(article.id),
                ArticleMetadata.of(article, PublicAddress.of(config, uri), config.anonymousBrowsing()),
                back);
    }

    /**
     * The address of the catalog's results that parameter {@code results} names, for a link back to them; null when
     * it is empty, a 400 naming it when it is no such address.
     */
    public static String results(String results) {
        if (results == null || results.isEmpty()) {
            return null;
        }
        if (results.length() > MAX_RESULTS_LENGTH || !LISTING.matcher(results).matches()) {
            throw ApiError.badParameter(
                    "results", "results must be an address of the catalog's results, such as /?q=words");
        }
        return results;
    }
}
