package io.newsarchive.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsarchive.system.Href;

import java.util.List;

/**
 * What an article's page tells citation managers, crawlers and people citing it: its citation addresses,
 * schema.org {@code NewsArticle} JSON-LD and Dublin Core meta tags. A withdrawn version carries neither kind of
 * metadata, as OAI-PMH gives it none and the sitemaps leave it out: nothing that collects metadata should spread it.
 *
 * @param citation   the version's own page, which always shows these bytes: {@code BASE/articles/ID}
 * @param latest     the address that always leads to the latest public version of the article's URL
 *                   ({@code BASE/cite?url=...}); null for a withdrawn version, which has none
 * @param jsonLd     the JSON-LD, safe to write as it is inside a script element; null for a withdrawn version
 * @param dublinCore the {@code DC.*} meta tags, in order; empty for a withdrawn version
 */
public record ArticleMetadata(String citation, String latest, String jsonLd, List<Meta> dublinCore) {

    public record Meta(String name, String content) {}

    private static final ObjectWriter JSON = new ObjectMapper().writer().with(new ScriptSafe());

    /**
     * @param base       the catalog's public address ({@code PublicAddress})
     * @param freeToRead whether anyone may read the page without an account
     */
    static ArticleMetadata of(Article article, String base, boolean freeToRead) {
        String citation = base + "/articles/" + article.id;
        if (article.status == ArticleStatus.WITHDRAWN) {
            return new ArticleMetadata(citation, null, null, List.of());
        }
        String latest =
                Href.of(base + "/cite").plus("url", article.normalizedUrl).toString();
        List<Meta> dublinCore = List.of(
                new Meta("DC.title", article.headline),
                new Meta("DC.date", article.published.toString()),
                new Meta("DC.source", article.url),
                new Meta("DC.identifier", citation),
                new Meta("DC.publisher", article.source.host),
                // as the article's OAI-PMH record says: a text, kept as the plain-text file it came in
                new Meta("DC.type", "Text"),
                new Meta("DC.format", "text/plain"));
        return new ArticleMetadata(citation, latest, jsonLd(article, base, citation, freeToRead), dublinCore);
    }

    /**
     * The page describes the catalog's copy (its {@code @id} and {@code url} are the citation address); the page it
     * was taken from is what it {@code isBasedOn}, not {@code sameAs}, since that page may have changed or gone.
     */
    private static String jsonLd(Article article, String base, String citation, boolean freeToRead) {
        ObjectNode ld = JsonNodeFactory.instance.objectNode();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("@id", citation);
        ld.put("url", citation);
        ld.put("identifier", citation);
        ld.put("headline", article.headline);
        ld.put("datePublished", article.published.toString());
        if (article.changedAt != null) {
            ld.put("dateModified", article.changedAt.toString());
        }
        ld.put("isBasedOn", article.url);
        ld.putObject("publisher").put("@type", "Organization").put("name", article.source.host);
        ld.put("isAccessibleForFree", freeToRead);
        ld.put("version", article.version);
        ld.put("wordCount", article.wordCount);
        ld.putObject("encoding")
                .put("@type", "MediaObject")
                .put("contentUrl", base + "/api/articles/" + article.id + "/original")
                .put("encodingFormat", "text/plain; charset=utf-8")
                .put("contentSize", article.sizeBytes + " bytes")
                .put("sha256", article.sha256);
        try {
            return JSON.writeValueAsString(ld);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers is always written", e);
        }
    }

    /**
     * Jackson's own six-character escapes (backslash, u, four hex digits) for {@code <}, {@code >} and {@code &}: a headline holding
     * {@code </script>} or {@code <!--} can then neither end its script element nor change how HTML reads it.
     */
    private static final class ScriptSafe extends CharacterEscapes {

        private final int[] escapes = standardAsciiEscapesForJSON();

        ScriptSafe() {
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
