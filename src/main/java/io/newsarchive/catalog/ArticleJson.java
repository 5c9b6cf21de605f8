package io.newsarchive.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An article as the API shows it; the field names are the catalog's vocabulary (JSON keys, CSV headers). */
public record ArticleJson(long id, String headline, LocalDate published, String url, String normalizedUrl,
                          String source, String domain, String fileName, String sha256, int sizeBytes,
                          int sentenceCount, int wordCount, Instant ingestedAt, int version, String status,
                          List<String> sentences, boolean latest, long ingestRunId) {

    static ArticleJson of(Article a) {
        return new ArticleJson(a.id, a.headline, a.published, a.url, a.normalizedUrl, a.source.host, a.source.domain,
                a.fileName, a.sha256, a.sizeBytes, a.sentenceCount, a.wordCount, a.ingestedAt, a.version, a.status,
                List.of(a.sentences), a.latest, a.ingestRunId);
    }
}
