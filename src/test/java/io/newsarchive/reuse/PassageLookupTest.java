package io.newsarchive.reuse;

import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.catalog.CatalogFixtures.QuotedArticles;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.ReuseLinking;
import io.newsarchive.testing.SampleArticles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PassageLookup} over articles stored and linked as the service links them. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class PassageLookupTest {

    @Inject
    PassageLookup lookup;

    @Test
    void everyRenderingOfAQuoteFindsEveryArticleThatCarriesIt() {
        QuotedArticles quoted = CatalogFixtures.ingestQuotedArticles();
        linkAll();
        for (String rendering : quoted.renderings()) {
            assertEquals(quoted.carriers(), lookup.carriers(rendering), rendering);
        }
        String straight = quoted.renderings().get(0);
        // the quote without the words around it, and the sentence without any mark or capital
        String quote = straight.substring(straight.indexOf('"') + 1, straight.length() - 1);
        assertEquals(quoted.carriers(), lookup.carriers(quote), quote);
        String bare = straight.replaceAll("[^\\p{L}\\p{N} ]", "").toLowerCase(Locale.ROOT);
        assertEquals(quoted.carriers(), lookup.carriers(bare), bare);
    }

    @Test
    void eachSharedSentenceOfTheSamplesFindsBoth() {
        long mail = CatalogFixtures.ingest(SampleArticles.atUrl(
                        SampleArticles.DAILY_MAIL, "https://www.dailymail.co.uk/news/" + CatalogFixtures.uniqueWord()))
                .get(0);
        long mirror = CatalogFixtures.ingest(SampleArticles.atUrl(
                        SampleArticles.MIRROR, "https://www.mirror.co.uk/news/" + CatalogFixtures.uniqueWord()))
                .get(0);
        linkAll();
        for (SampleArticles.SharedPair pair : SampleArticles.SHARED) {
            // other tests' copies of the samples carry them too
            for (String sentence : List.of(pair.dailyMailSentence(), pair.mirrorSentence())) {
                assertTrue(lookup.carriers(sentence).containsAll(List.of(mail, mirror)), pair.name() + ": " + sentence);
            }
        }
        // the Mirror's quote alone, without "Blinken said of ...:"
        String mirrorQuote = SampleArticles.SHARED.get(1).mirrorSentence().split(": ", 2)[1];
        assertTrue(lookup.carriers(mirrorQuote).containsAll(List.of(mail, mirror)), mirrorQuote);
    }

    @Test
    void aSentenceOfOneArticleFindsThatArticleAlone() {
        QuotedArticles quoted = CatalogFixtures.ingestQuotedArticles();
        linkAll();
        String harvest = given().get("/api/articles/" + quoted.unrelated()).path("sentences[0]");
        assertEquals(List.of(quoted.unrelated()), lookup.carriers(harvest));
    }

    @Test
    void articlesNotLinkedYetAreNotFound() {
        QuotedArticles quoted = CatalogFixtures.ingestQuotedArticles();
        assertEquals(List.of(), lookup.carriers(quoted.renderings().get(0)));
        linkAll();
        assertEquals(quoted.carriers(), lookup.carriers(quoted.renderings().get(0)));
    }

    private void linkAll() {
        ReuseLinking.linkAll();
    }
}
