package io.newsarchive.catalog;

import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.CsvRecords;
import io.newsarchive.testing.ReuseLinking;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.catalog.CatalogFixtures.uniqueDomain;
import static io.newsarchive.catalog.CatalogFixtures.uniqueWord;
import static io.newsarchive.testing.CorpusFiles.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /api/words} and {@code /api/coverage} count what fixtures of known words and sources hold; the test profile
 * samples top words in 5 matches ({@code catalog.browse.top-words-sample}).
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class MatchStatisticsTest {

    @Test
    void topWordsCountArticlesByStemShowTheCommonestFormAndLeaveOutStopWordsAndNumbers() {
        String word = uniqueWord();
        String host = "https://news." + uniqueDomain() + "/";
        ingest(
                article(
                        "Convoys of " + word,
                        LocalDate.of(2022, 3, 1),
                        host + "1",
                        "The troops gathered near the border in 2022.",
                        "The troops waited."),
                article(word + " at dawn", LocalDate.of(2022, 3, 2), host + "2", "A soldier saw troops and a troop."),
                article("Quiet " + word, LocalDate.of(2022, 3, 3), host + "3", "Nothing else happened."));

        JsonPath words = given().get("/api/words?q=" + word)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(3, words.getInt("articles"));
        assertFalse(words.getBoolean("sampled"));
        assertEquals(word, words.getString("words[0].word"), "the query's own word is in every match");
        assertEquals(3, words.getInt("words[0].articles"));
        assertEquals(1.0, words.getDouble("words[0].share"));
        Map<String, Object> troops = words.getMap("words.find { it.lexeme == 'troop' }");
        assertEquals("troops", troops.get("word"), "shown as most often written");
        assertEquals(2, troops.get("articles"));
        assertEquals(2 / 3.0, ((Number) troops.get("share")).doubleValue(), 1e-6);
        List<String> lexemes = words.getList("words.lexeme");
        assertFalse(lexemes.contains("the"), "stop words are left out: " + lexemes);
        assertFalse(lexemes.contains("2022"), "numbers are left out: " + lexemes);
        assertTrue(lexemes.contains("gather"), lexemes.toString());

        given().get("/api/words?q=" + word + "&limit=1").then().statusCode(200).body("words.size()", equalTo(1));
        List<CSVRecord> csv = csv("/api/words.csv?q=" + word + "&limit=2");
        assertEquals(2, csv.size());
        assertEquals(word, csv.get(0).get("word"));
        assertEquals("3", csv.get(0).get("articles"));
        assertEquals("troop", csv.get(1).get("lexeme"));
        assertEquals("troops", csv.get(1).get("word"));
        given().get("/api/words?q=" + word + "&limit=0").then().statusCode(400).body("parameter", equalTo("limit"));
        given().get("/api/words?q=" + word + "&sort=relevance")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("sort"));
    }

    @Test
    void topWordsOfManyMatchesCountTheNewestSample() {
        String word = uniqueWord();
        String host = "https://news." + uniqueDomain() + "/";
        String[] files = new String[7];
        for (int i = 0; i < 7; i++) {
            // the two oldest alone hold "archaic"
            files[i] = article(
                    word + " " + i,
                    LocalDate.of(2021, 1, 1 + i),
                    host + i,
                    i < 2 ? "An archaic story." : "A current story.");
        }
        ingest(files);
        JsonPath words = given().get("/api/words?q=" + word)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(5, words.getInt("articles"));
        assertTrue(words.getBoolean("sampled"));
        List<String> lexemes = words.getList("words.lexeme");
        assertTrue(lexemes.contains("current"), lexemes.toString());
        assertFalse(lexemes.contains("archaic"), "only the newest five are counted: " + lexemes);
        assertTrue(given().get("/words?q=" + word)
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .contains("Counted in a sample: the newest 5 matching articles"));
    }

    @Test
    void coverageOfAPassageCountsItsCarriersOutOfAllTheirSourcesArticles() {
        CatalogFixtures.QuotedArticles quoted = CatalogFixtures.ingestQuotedArticles();
        List<String> hosts = quoted.hosts();
        ingest(article(
                "Another story", LocalDate.of(2023, 5, 20), "https://" + hosts.get(0) + "/other.html", "Nothing."));
        ReuseLinking.linkAll();
        String sources = "&source=" + String.join("&source=", hosts);
        // from the carriers' second day: part of a month, counted from the articles themselves
        JsonPath coverage = given().queryParam("passage", quoted.renderings().get(0))
                .get("/api/coverage?from=2023-05-11" + sources)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(2, coverage.getLong("matches"));
        assertEquals(3, coverage.getLong("articles"));
        // one match each: in the order of their hosts
        assertEquals(hosts.subList(1, 3).stream().sorted().toList(), coverage.getList("by_source.source"));
        assertTrue(coverage.getString("filter").contains("carrying the passage"), coverage.getString("filter"));
        JsonPath whole = given().queryParam("passage", quoted.renderings().get(0))
                .get("/api/coverage?" + sources.substring(1))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(3, whole.getLong("matches"));
        assertEquals(4, whole.getLong("articles"));
    }

    @Test
    void coverageCountsEachSourcesMatchesOutOfItsArticles() {
        String word = uniqueWord();
        String domain = uniqueDomain();
        ingest(
                article(word + " one", LocalDate.of(2022, 2, 1), "https://news." + domain + "/1", "Text."),
                article(word + " two", LocalDate.of(2022, 2, 2), "https://news." + domain + "/2", "Text."),
                article(word + " three", LocalDate.of(2022, 2, 3), "https://news." + domain + "/3", "Text."),
                article("Other news", LocalDate.of(2022, 2, 4), "https://news." + domain + "/4", "Text."),
                article(word + " sport", LocalDate.of(2022, 2, 1), "https://sport." + domain + "/1", "Text."),
                article("Other sport", LocalDate.of(2022, 3, 1), "https://sport." + domain + "/2", "Text."),
                article("Weather", LocalDate.of(2022, 2, 1), "https://weather." + domain + "/1", "Text."));
        String sources = "&source=news." + domain + "&source=sport." + domain + "&source=weather." + domain;

        JsonPath coverage = given().get("/api/coverage?q=" + word + sources)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(4, coverage.getLong("matches"));
        assertEquals(7, coverage.getLong("articles"));
        assertEquals(4 / 7.0, coverage.getDouble("share"), 1e-6);
        assertEquals(2, coverage.getInt("sources_matched"));
        assertEquals(3, coverage.getInt("sources"));
        assertEquals(List.of("news." + domain, "sport." + domain), coverage.getList("by_source.source"));
        assertEquals(List.of(3, 1), coverage.getList("by_source.matches"));
        assertEquals(List.of(4, 2), coverage.getList("by_source.articles"));
        assertEquals(List.of(0.75, 0.5), coverage.getList("by_source.share", Double.class));

        // the days of a month partly covered count as well as the whole months
        JsonPath since = given().get("/api/coverage?q=" + word + sources + "&from=2022-02-02")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(2), since.getList("by_source.matches"));
        assertEquals(List.of(3), since.getList("by_source.articles"));
        assertEquals(4, since.getLong("articles"), "news from 2 to 4 February, sport in March");

        // a query of only exclusions matches what lacks the word
        JsonPath without = given().get("/api/coverage?q=-" + word + sources)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(3, without.getLong("matches"));
        assertEquals(3, without.getInt("sources_matched"));

        List<CSVRecord> rows = csv("/api/coverage.csv?q=" + word + sources);
        assertEquals(2, rows.size());
        assertEquals("news." + domain, rows.get(0).get("source"));
        assertEquals("3", rows.get(0).get("matches"));
        assertEquals("4", rows.get(0).get("articles"));
        assertEquals(0.75, Double.parseDouble(rows.get(0).get("share")));
        assertEquals("sport." + domain, rows.get(1).get("source"));

        given().get("/api/coverage?q=" + word + "&from=2022-13-01")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("from"));
        given().get("/api/coverage.csv?limit=3").then().statusCode(400).body("parameter", equalTo("limit"));
    }

    /** A CSV answer read with Commons CSV, by its header. */
    private static List<CSVRecord> csv(String path) {
        String text = given().get(path)
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString(".csv"))
                .extract()
                .asString();
        return CsvRecords.of(text);
    }
}
