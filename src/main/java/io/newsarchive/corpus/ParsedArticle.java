package io.newsarchive.corpus;

import java.time.LocalDate;
import java.util.List;

/** The content of a valid corpus file. Sentences are the trimmed, non-blank body lines in file order. */
public record ParsedArticle(
        String headline, LocalDate published, ArticleUrl url, List<String> sentences, int wordCount) {}
