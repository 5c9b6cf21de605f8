package io.newsarchive.corpus;

import java.util.List;

/**
 * What the parser made of one file: the article when the file has no errors, and every problem found.
 *
 * @param sha256 lower-case hex SHA-256 of the original bytes; null when the file was too large to read whole
 */
public record ParseResult(ParsedArticle article, List<ParseProblem> problems, String sha256) {

    public boolean accepted() {
        return article != null;
    }
}
