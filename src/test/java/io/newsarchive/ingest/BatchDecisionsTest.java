package io.newsarchive.ingest;

import io.newsarchive.catalog.ArticleStatus;
import io.newsarchive.corpus.ArticleParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static io.newsarchive.testing.CorpusFiles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The decisions of ingest, without a database: what is new, what is a copy, what revises what. */
class BatchDecisionsTest {

    private static final ArticleParser PARSER = new ArticleParser(10_000_000, 1000, 2000);
    private static final String URL = "https://example.com/story";

    private final BatchDecisions decisions = new BatchDecisions();
    private int seq;

    @Test
    void aNewFileIsAddedAndTheSameBytesAgainAreItsDuplicateAndNewBytesAtItsUrlRevisionIt() {
        Candidate first = candidate(article("Story", URL, "First text."));
        Candidate copy = candidate(article("Story", URL, "First text."));
        Candidate revision = candidate(article("Story", URL, "Corrected text."));
        Candidate broken = candidate("no date\n\n" + URL + "\nText.\n");

        BatchDecisions.Batch batch =
                decisions.decide(List.of(first, copy, revision, broken), Map.of(), Map.of(), ids(100));

        assertEquals(
                List.of(Outcome.ADDED, Outcome.DUPLICATE, Outcome.REVISED, Outcome.REJECTED),
                batch.results().stream().map(FileResult::outcome).toList());
        assertEquals(100L, batch.results().get(0).articleId());
        assertEquals(100L, batch.results().get(1).articleId(), "a duplicate names the article it copies");
        assertEquals(101L, batch.results().get(2).articleId());
        assertEquals(100L, batch.results().get(2).revises());
        assertEquals(
                List.of(1, 2),
                batch.stored().stream().map(s -> s.version().number()).toList());
        assertEquals(List.of(), batch.superseded(), "nothing stored was replaced");
    }

    @Test
    void whatTheDatabaseHoldsDecidesToo() {
        Candidate stored = candidate(article("Stored", "https://example.com/a", "Text."));
        Candidate revision = candidate(article("Withdrawn story", URL, "New text."));
        Map<String, Long> storedShas = Map.of(stored.parse().sha256(), 7L);
        Map<String, BatchDecisions.Version> storedUrls = Map.of(
                revision.article().url().normalizedUrl(),
                new BatchDecisions.Version(8L, 3, ArticleStatus.WITHDRAWN, "a court order"));

        BatchDecisions.Batch batch = decisions.decide(List.of(stored, revision), storedShas, storedUrls, ids(200));

        assertEquals(Outcome.DUPLICATE, batch.results().get(0).outcome());
        assertEquals(7L, batch.results().get(0).articleId());
        assertEquals(Outcome.REVISED, batch.results().get(1).outcome());
        assertEquals(8L, batch.results().get(1).revises());
        BatchDecisions.Version version = batch.stored().get(0).version();
        assertEquals(4, version.number());
        assertEquals(ArticleStatus.WITHDRAWN, version.status(), "a withdrawn article's new version stays withdrawn");
        assertEquals("a court order", version.withdrawnReason());
        assertEquals("withdrawn", batch.results().get(1).problems().get(0).code());
        assertEquals(List.of(8L), batch.superseded());
    }

    @Test
    void aBatchThatWasNotStoredIsForgottenAndADryRunHasNoIds() {
        Candidate file = candidate(article("Story", URL, "Text."));
        BatchDecisions.Memory before = decisions.remember();
        decisions.decide(List.of(file), Map.of(), Map.of(), null);
        decisions.restore(before);

        BatchDecisions.Batch again = decisions.decide(List.of(file), Map.of(), Map.of(), null);

        assertEquals(Outcome.ADDED, again.results().get(0).outcome(), "not a duplicate of a batch that failed");
        assertNull(again.results().get(0).articleId());
    }

    private Candidate candidate(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String name = (++seq) + ".txt";
        return new Candidate(
                seq, new InputFile(name, name, null, null, null), bytes, PARSER.parse(bytes, LocalDate.of(2026, 1, 1)));
    }

    private static Iterator<Long> ids(long from) {
        return LongStream.iterate(from, i -> i + 1).boxed().iterator();
    }
}
