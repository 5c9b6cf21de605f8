package io.newsarchive.catalog;

import io.newsarchive.audit.AuditAction;
import io.newsarchive.catalog.ArticleCorrections.Correction;
import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** What corrections decide, without a page: saved, refused with problems, or refused as made from an old revision. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class ArticleCorrectionsTest {

    @Inject
    ArticleCorrections corrections;

    @Test
    void aChangeFromAnOlderRevisionIsAConflictWithWhatChangedSince() {
        String url = uniqueUrl();
        long id = CatalogFixtures.ingest(article("Old headline", LocalDate.of(2024, 3, 1), url, "Text."))
                .get(0);

        assertInstanceOf(
                ArticleCorrections.Saved.class,
                corrections.edit(id, new Correction("New headline", "2024-03-01", url, "", "typo", 1), "first"));
        var conflict = assertInstanceOf(
                ArticleCorrections.Conflict.class,
                corrections.edit(id, new Correction("Other headline", "2024-03-01", url, "", "mine", 1), "second"));
        assertEquals(
                List.of(AuditAction.EDIT),
                conflict.since().stream().map(e -> e.action).toList());
        assertEquals(2, conflict.form().correction().revision(), "the form names the current revision");
        assertEquals("Other headline", conflict.form().correction().headline(), "what was sent is kept");
        assertEquals("New headline", corrections.open(id).article().headline);

        assertInstanceOf(ArticleCorrections.Conflict.class, corrections.withdraw(id, "gone", 1, "second"));
        assertEquals(ArticleStatus.ACTIVE, corrections.open(id).article().status);
    }

    @Test
    void aWithdrawalWithoutAReasonOrOfAWithdrawnArticleIsInvalid() {
        String url = uniqueUrl();
        long id = CatalogFixtures.ingest(article("Headline", LocalDate.of(2024, 3, 1), url, "Text."))
                .get(0);
        var noReason = assertInstanceOf(ArticleCorrections.Invalid.class, corrections.withdraw(id, "", 1, "someone"));
        assertEquals(
                List.of("say why the article is withdrawn: the reason is kept with the change"), noReason.problems());
        assertEquals("Headline", noReason.form().correction().headline(), "the form shows the article");
        assertEquals(1, noReason.form().correction().revision());

        assertInstanceOf(ArticleCorrections.Saved.class, corrections.withdraw(id, "legal request", 1, "someone"));
        var again = assertInstanceOf(ArticleCorrections.Invalid.class, corrections.withdraw(id, "twice", 2, "someone"));
        assertEquals(List.of("the article is already withdrawn"), again.problems());
        assertEquals("twice", again.form().correction().reason(), "what was sent is kept");
        assertEquals(ArticleStatus.WITHDRAWN, corrections.open(id).article().status);
    }

    @Test
    void twoVersionsOfOneArticleChosenTogetherAreWithdrawnOnce() throws Exception {
        String url = uniqueUrl();
        List<Long> versions = CatalogFixtures.ingest(
                article("Versioned", LocalDate.of(2024, 3, 1), url, "First text."),
                article("Versioned", LocalDate.of(2024, 3, 1), url, "Second text."));
        var withdrawn = assertInstanceOf(
                ArticleCorrections.AllWithdrawn.class,
                corrections.withdrawAll(
                        List.of(
                                new ArticleCorrections.Chosen(versions.get(0), 1),
                                new ArticleCorrections.Chosen(versions.get(1), 1)),
                        "both chosen",
                        true,
                        "someone"));
        assertEquals(2, withdrawn.articles().size());
        for (long id : versions) {
            assertEquals(ArticleStatus.WITHDRAWN, corrections.open(id).article().status);
            assertEquals(
                    1,
                    CatalogTestDatabase.count(
                            "select count(*) from audit_event where action = 'withdraw' and article_id = " + id));
        }
    }

    @Test
    void aDateOutsideTheParsersRangeIsInvalid() {
        String url = uniqueUrl();
        long id = CatalogFixtures.ingest(article("Headline", LocalDate.of(2024, 3, 1), url, "Text."))
                .get(0);
        LocalDate latest = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        var invalid = assertInstanceOf(
                ArticleCorrections.Invalid.class,
                corrections.edit(id, new Correction("Headline", "1699-12-31", url, "", "older", 1), "someone"));
        assertEquals(
                List.of("the publication date 1699-12-31 is outside the accepted range 1700-01-01 to " + latest),
                invalid.problems());
    }
}
