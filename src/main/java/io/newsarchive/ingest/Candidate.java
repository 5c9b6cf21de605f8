package io.newsarchive.ingest;

import io.newsarchive.corpus.ParseProblem;
import io.newsarchive.corpus.ParseResult;
import io.newsarchive.corpus.ParsedArticle;

import java.util.ArrayList;
import java.util.List;

/**
 * A file read and parsed, waiting for its outcome.
 *
 * @param seq   1-based position of the file in the run
 * @param bytes the original bytes (empty when the file could not be read)
 */
record Candidate(int seq, InputFile file, byte[] bytes, ParseResult parse) {

    boolean accepted() {
        return parse.accepted();
    }

    ParsedArticle article() {
        return parse.article();
    }

    FileResult result(Outcome outcome, Long articleId, Long revises) {
        return new FileResult(seq, file.name(), outcome, articleId, revises, parse.sha256(), parse.problems());
    }

    /** A result with one more problem than the parser found, one that comes of what is stored. */
    FileResult result(Outcome outcome, Long articleId, Long revises, ParseProblem stored) {
        List<ParseProblem> problems = new ArrayList<>(parse.problems());
        problems.add(stored);
        return new FileResult(seq, file.name(), outcome, articleId, revises, parse.sha256(), problems);
    }
}
