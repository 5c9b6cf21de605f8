package io.newsarchive.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An article as the API shows it; the field names are the catalog's vocabulary (JSON keys, CSV headers).
 *
 * @param sentences the body, one sentence each; left out of listings
 * @param metadataRevision 1 as ingested, one more for each correction, withdrawal or restore
 * @param note      an archivist's note, or null
 * @param withdrawnReason why a withdrawn article was withdrawn, or null
 * @param snippet   in listings with a text query: body text around the matches, as HTML-escaped text whose
 *                  matched words are wrapped in {@code <mark>}, with "…" where it cuts a sentence
 * @param markedHeadline in listings with a text query: the headline the same way, its matched words marked
 */
public record ArticleJson(
        long id,
        String headline,
        LocalDate published,
        String url,
        String normalizedUrl,
        String source,
        String domain,
        String fileName,
        String sha256,
        int sizeBytes,
        int sentenceCount,
        int wordCount,
        Instant ingestedAt,
        int version,
        ArticleStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> sentences,
        boolean latest,
        long ingestRunId,
        int metadataRevision,
        String note,
        String withdrawnReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String snippet,
        @JsonInclude(JsonInclude.Include.NON_NULL) String markedHeadline) {

    static ArticleJson of(Article a) {
        return new ArticleJson(
                a.id,
                a.headline,
                a.published,
                a.url,
                a.normalizedUrl,
                a.source.host,
                a.source.domain,
                a.fileName,
                a.sha256,
                a.sizeBytes,
                a.sentenceCount,
                a.wordCount,
                a.ingestedAt,
                a.version,
                a.status,
                List.of(a.sentences),
                a.latest,
                a.ingestRunId,
                a.metadataRevision,
                a.note,
                a.withdrawnReason,
                null,
                null);
    }

    ArticleJson withMatches(String snippetHtml, String headlineHtml) {
        return new ArticleJson(
                id,
                headline,
                published,
                url,
                normalizedUrl,
                source,
                domain,
                fileName,
                sha256,
                sizeBytes,
                sentenceCount,
                wordCount,
                ingestedAt,
                version,
                status,
                sentences,
                latest,
                ingestRunId,
                metadataRevision,
                note,
                withdrawnReason,
                snippetHtml,
                headlineHtml);
    }
}
