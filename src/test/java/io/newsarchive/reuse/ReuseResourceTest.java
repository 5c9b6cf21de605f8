package io.newsarchive.reuse;

import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.SampleArticles;
import io.newsarchive.testing.SampleArticles.SharedPair;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.catalog.CatalogFixtures.ownSentence;
import static io.newsarchive.catalog.CatalogFixtures.uniqueDomain;
import static io.newsarchive.catalog.CatalogFixtures.uniqueWord;
import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.ReuseLinking.linkAll;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/articles/{id}/reuse, and the article page's marks, after the articles are linked as the service does. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class ReuseResourceTest {

    private static final String NOT_LOOKED_FOR = "have not been looked for in this article yet";
    /** A body sentence on the article page, numbered from 1, and whether it is marked shared. */
    private static final Pattern BODY_LINE = Pattern.compile("<li id=\"s(\\d+)\"( class=\"shared\")?>");

    private static JsonPath reuse(long id) {
        return given().get("/api/articles/" + id + "/reuse")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The numbers (from 1) of the sentences the API lists as shared. */
    private static List<Integer> listed(long id) {
        return reuse(id).getList("sentences.sentence", Integer.class);
    }

    /** The ids of the articles listed as carrying the sentence numbered so. */
    private static List<Long> carriers(long id, int sentence) {
        return reuse(id).getList(carriersOf(sentence) + ".article_id", Long.class);
    }

    private static String sharedSentence(int sentence) {
        return "sentences.find { it.sentence == " + sentence + " }";
    }

    private static String carriersOf(int sentence) {
        return sharedSentence(sentence) + ".carriers";
    }

    private static String page(long id) {
        return given().get("/articles/" + id).then().statusCode(200).extract().asString();
    }

    /** The numbers of the body sentences the page marks shared; every body sentence is checked to be on it. */
    private static List<Integer> markedShared(String page, int sentences) {
        List<Integer> shared = new ArrayList<>();
        Matcher line = BODY_LINE.matcher(page);
        int n = 0;
        while (line.find()) {
            assertEquals(++n, Integer.parseInt(line.group(1)), "body lines in order");
            if (line.group(2) != null) {
                shared.add(n);
            }
        }
        assertEquals(sentences, n, "every body sentence is a numbered line");
        return shared;
    }

    private static String url(String domain) {
        return "https://www." + domain + "/news/" + uniqueWord() + ".html";
    }

    /** A sentence of twelve words no other sentence has. */
    @Test
    void theSamplesListTheirFourSharedPassagesEarliestFirst() {
        // the samples' own hosts at addresses of their own: another test's copies of them are then of the same two
        // sources, and listed with the same four sentences at most
        long mail = ingest(SampleArticles.atUrl(
                        SampleArticles.DAILY_MAIL, "https://www.dailymail.co.uk/news/" + uniqueWord() + ".html"))
                .get(0);
        long mirror = ingest(SampleArticles.atUrl(
                        SampleArticles.MIRROR, "https://www.mirror.co.uk/news/" + uniqueWord() + ".html"))
                .get(0);
        int mailSentences = SampleArticles.sentences(SampleArticles.DAILY_MAIL).size();
        int mirrorSentences = SampleArticles.sentences(SampleArticles.MIRROR).size();

        for (long id : new long[] {mail, mirror}) {
            given().get("/api/articles/" + id + "/reuse")
                    .then()
                    .statusCode(200)
                    .body("article_id", equalTo((int) id))
                    .body("looked_for", equalTo(false))
                    .body("sentences.size()", equalTo(0));
            assertTrue(page(id).contains(NOT_LOOKED_FOR));
        }

        linkAll();

        List<Integer> mailShared = SampleArticles.SHARED.stream()
                .map(p -> p.dailyMail() + 1)
                .sorted()
                .toList();
        List<Integer> mirrorShared =
                SampleArticles.SHARED.stream().map(p -> p.mirror() + 1).sorted().toList();
        assertEquals(mailShared, listed(mail));
        assertEquals(mirrorShared, listed(mirror));
        JsonPath mailReuse = reuse(mail);
        JsonPath mirrorReuse = reuse(mirror);
        assertTrue(mailReuse.getBoolean("looked_for"));
        assertTrue(mirrorReuse.getBoolean("looked_for"));
        for (SharedPair pair : SampleArticles.SHARED) {
            Map<String, Object> toMirror = carrier(mailReuse, pair.dailyMail() + 1, mirror);
            Map<String, Object> toMail = carrier(mirrorReuse, pair.mirror() + 1, mail);
            assertEquals(pair.mirror() + 1, toMirror.get("sentence"), pair.name());
            assertEquals(pair.dailyMail() + 1, toMail.get("sentence"), pair.name());
            assertEquals("mirror.co.uk", toMirror.get("source"), pair.name());
            assertEquals("2022-01-22", toMirror.get("published"), pair.name());
            assertEquals("dailymail.co.uk", toMail.get("source"), pair.name());
            assertEquals("2022-01-21", toMail.get("published"), pair.name());
            // the spans align the same words seen from either side
            assertNotNull(toMirror.get("words"), pair.name());
            assertEquals(toMirror.get("words"), toMail.get("other_words"), pair.name());
            assertEquals(toMirror.get("other_words"), toMail.get("words"), pair.name());
            double score = ((Number) toMirror.get("score")).doubleValue();
            assertTrue(score > 0.8 && score <= 1, pair.name() + ": " + score);
            assertEquals(score, ((Number) toMail.get("score")).doubleValue(), pair.name());

            // the Daily Mail's came out a day before the Mirror's
            assertTrue(mailReuse.getBoolean(sharedSentence(pair.dailyMail() + 1) + ".first_here"), pair.name());
            assertFalse(mirrorReuse.getBoolean(sharedSentence(pair.mirror() + 1) + ".first_here"), pair.name());
            for (JsonPath reuse : List.of(mailReuse, mirrorReuse)) {
                int sentence = reuse == mailReuse ? pair.dailyMail() + 1 : pair.mirror() + 1;
                List<String> published = reuse.getList(carriersOf(sentence) + ".published", String.class);
                assertEquals(published.stream().sorted().toList(), published, "earliest first");
                assertEquals(
                        published.size(),
                        reuse.getInt(sharedSentence(sentence) + ".other_articles"),
                        "every article that carries it is listed");
            }
        }
        // the Washington Post sentence is the same 40 words in both
        SharedPair post = SampleArticles.SHARED.get(0);
        Map<String, Object> postInMirror = carrier(mailReuse, post.dailyMail() + 1, mirror);
        assertEquals(Map.of("from", 0, "to", 40), postInMirror.get("words"));
        assertEquals(Map.of("from", 0, "to", 40), postInMirror.get("other_words"));
        assertEquals(1.0, ((Number) postInMirror.get("score")).doubleValue());

        String mailPage = page(mail);
        assertFalse(mailPage.contains(NOT_LOOKED_FOR));
        assertEquals(mailShared, markedShared(mailPage, mailSentences));
        assertTrue(mailPage.contains("/articles/" + mirror + "#s" + (post.mirror() + 1)), "a link to the Mirror's");
        String mirrorPage = page(mirror);
        assertEquals(mirrorShared, markedShared(mirrorPage, mirrorSentences));
        assertTrue(
                mirrorPage.contains("/articles/" + mail + "#s" + (post.dailyMail() + 1)), "a link to the Daily Mail's");
    }

    /** The carrier of this id of the shared sentence numbered so. */
    private static Map<String, Object> carrier(JsonPath reuse, int sentence, long carrier) {
        Map<String, Object> found = reuse.getMap(carriersOf(sentence) + ".find { it.article_id == " + carrier + " }");
        assertNotNull(found, "sentence " + sentence + " is carried by " + carrier);
        return found;
    }

    @Test
    void aSourcesBoilerplateIsLeftOutButASentenceTwoSourcesShareIsListed() {
        String boilerplate = "Sign up to the " + uniqueWord() + " newsletter for the day's essential stories from"
                + " across the country, delivered every single morning.";
        String shared = "Residents of " + uniqueWord() + " said the flooding had cut off the only road into the"
                + " valley for three days.";
        String often = uniqueDomain();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            List<String> body = new ArrayList<>(List.of(ownSentence(), ownSentence(), ownSentence(), boilerplate));
            if (i == 0) {
                body.add(1, shared);
            }
            files.add(article("Story " + i, url(often), body.toArray(String[]::new)));
        }
        files.add(article("Elsewhere", url(uniqueDomain()), ownSentence(), shared, ownSentence(), boilerplate));
        List<Long> ids = ingest(files.toArray(String[]::new));
        long first = ids.get(0);
        long elsewhere = ids.get(12);

        linkAll();

        assertEquals(List.of(2), listed(first), "the shared sentence, not the boilerplate");
        assertEquals(List.of(elsewhere), carriers(first, 2));
        assertEquals(List.of(2), listed(elsewhere));
        assertEquals(List.of(first), carriers(elsewhere, 2));
        for (long id : ids.subList(1, 12)) {
            assertEquals(List.of(), listed(id), "article " + id);
            assertTrue(reuse(id).getBoolean("looked_for"));
        }
        assertEquals(List.of(2), markedShared(page(elsewhere), 4));
    }

    @Test
    void articlesOfTheSameSourceAreNotListed() throws SQLException {
        String shared = "The " + uniqueWord() + " bridge will stay closed to lorries until the engineers have"
                + " finished their survey of its piers.";
        String domain = uniqueDomain();
        List<Long> ids = ingest(
                article("One", url(domain), ownSentence(), shared),
                article("Two", url(domain), shared, ownSentence(), ownSentence()));

        linkAll();

        assertEquals(1, passagesCarriedByBoth(ids.get(0), ids.get(1)), "linked, but not listed");
        assertEquals(List.of(), listed(ids.get(0)));
        assertEquals(List.of(), listed(ids.get(1)));
    }

    @Test
    void aRevisionListsItsPassagesButNeverItsOlderVersion() throws SQLException {
        String shared = "The " + uniqueWord() + " hospital said on Sunday that it had treated forty people for"
                + " smoke inhalation after the fire.";
        String revised = url(uniqueDomain());
        long older = ingest(article("Fire", revised, ownSentence(), shared)).get(0);
        long other = ingest(article("Fire elsewhere", url(uniqueDomain()), shared, ownSentence()))
                .get(0);
        linkAll();
        assertEquals(List.of(older), carriers(other, 1));

        long newer = ingest(article("Fire, updated", revised, ownSentence(), ownSentence(), shared))
                .get(0);
        linkAll();

        assertEquals(1, passagesCarriedByBoth(older, newer), "the versions share the passage");
        assertEquals(List.of(3), listed(newer));
        assertEquals(List.of(other), carriers(newer, 3), "the other source's, not the older version");
        assertEquals(List.of(newer), carriers(other, 1), "the latest version only");
        assertEquals(
                2,
                CatalogTestDatabase.count("select sum(articles) from passage_source where passage_id = (select"
                        + " passage_id from passage_carrier where article_id = " + other + ")"),
                "the revision is not counted again for its source");
    }

    @Test
    void articlesSharingMostSentencesAreNearCopiesAndOneQuoteIsNot() throws SQLException {
        List<String> story =
                Stream.generate(CatalogFixtures::ownSentence).limit(4).toList();
        List<Long> copies = ingest(
                article(
                        "A story",
                        url(uniqueDomain()),
                        Stream.concat(story.stream(), Stream.of(ownSentence())).toArray(String[]::new)),
                article(
                        "The story again",
                        url(uniqueDomain()),
                        Stream.concat(Stream.of(ownSentence()), story.stream()).toArray(String[]::new)));
        String quote = "'We will not rest until every family in " + uniqueWord() + " has a roof over its head"
                + " again,' the minister said.";
        List<Long> quoting = ingest(
                article("Quoting", url(uniqueDomain()), ownSentence(), quote, ownSentence(), ownSentence()),
                article("Quoting too", url(uniqueDomain()), ownSentence(), ownSentence(), quote, ownSentence()));

        linkAll();

        assertEquals(List.of(1, 2, 3, 4), listed(copies.get(0)));
        double similarity = nearCopy(copies.get(0), copies.get(1));
        assertTrue(similarity >= 0.75 && similarity <= 0.85, "four of five sentences alike: " + similarity);
        assertEquals(List.of(2), listed(quoting.get(0)));
        assertEquals(-1, nearCopy(quoting.get(0), quoting.get(1)));
    }

    @Test
    void anArticleThatRepeatsAPassageCountsOnce() throws SQLException {
        String quote = "'The " + uniqueWord() + " lifeboat crew went out three times in one night to reach the"
                + " stranded walkers,' the coastguard said.";
        long first = ingest(article("Rescue", url(uniqueDomain()), ownSentence(), quote))
                .get(0);
        linkAll();
        // the quote in its opening line and again, as some stories end, in its last
        long repeating = ingest(article("Rescue again", url(uniqueDomain()), quote, ownSentence(), quote))
                .get(0);
        linkAll();
        assertEquals(2, passagesCarriedByBoth(first, repeating), "both lines of the later article carry it");

        given().get("/api/articles/" + first + "/reuse")
                .then()
                .body("sentences.sentence", equalTo(List.of(2)))
                .body("sentences[0].other_articles", equalTo(1))
                .body("sentences[0].carriers.article_id", equalTo(List.of((int) repeating)))
                .body("sentences[0].carriers[0].sentence", equalTo(1));
    }

    @Test
    void anUnknownArticleIsA404AndABadIdA400NamingIt() {
        given().get("/api/articles/999999999/reuse")
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"))
                .body("message", containsString("999999999"));
        for (String bad : List.of("x", "-1", "0", "1.5")) {
            given().get("/api/articles/" + bad + "/reuse")
                    .then()
                    .statusCode(400)
                    .body("parameter", equalTo("id"));
        }
    }

    /** How many passages both articles carry. */
    private static long passagesCarriedByBoth(long a, long b) throws SQLException {
        return CatalogTestDatabase.count("select count(*) from passage_carrier x join passage_carrier y using"
                + " (passage_id) where x.article_id = " + a + " and y.article_id = " + b);
    }

    /** The similarity of the two articles' near-copy row, -1 when there is none. */
    private static double nearCopy(long a, long b) throws SQLException {
        try (Connection c = CatalogTestDatabase.connect();
                PreparedStatement select =
                        c.prepareStatement("select similarity from near_copy where article_id = ? and copy_id = ?")) {
            select.setLong(1, Math.min(a, b));
            select.setLong(2, Math.max(a, b));
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getDouble(1) : -1;
            }
        }
    }
}
