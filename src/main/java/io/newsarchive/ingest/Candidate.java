package io.newsarchive.ingest;

import io.newsarchive.corpus.ParseProblem;
import io.newsarchive.corpus.ParseResult;
import io.newsarchive.corpus.ParsedArticle;

import java.sql.SQLException;
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

    /** This file rejected, with why the database refused to store it; its bytes are no longer needed. */
    Candidate refusedByDatabase(SQLException e) {
        String reason = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("");
        List<ParseProblem> problems = new ArrayList<>(parse.problems());
        problems.add(ParseProblem.error(
                "database_refused", null, "the catalog database refused to store this file: " + reason));
        return new Candidate(seq, file, new byte[0], new ParseResult(null, problems, parse.sha256()));
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
