package io.newsarchive.ingest;

import io.newsarchive.corpus.ParseProblem;

import java.util.List;

/**
 * The outcome of one file.
 *
 * @param articleId the article stored from this file, or the stored article it duplicates
 * @param revises   for {@code revised}: the previous version of the article
 */
public record FileResult(
        int seq,
        String name,
        Outcome outcome,
        Long articleId,
        Long revises,
        String sha256,
        List<ParseProblem> problems) {

    public boolean hasWarning() {
        return problems.stream().anyMatch(p -> !p.isError());
    }
}
