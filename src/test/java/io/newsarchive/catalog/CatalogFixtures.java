package io.newsarchive.catalog;

import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.TestUsers.asAdmin;

/** Articles for listing tests, stored through the ingest API, on sources no other test uses. */
public final class CatalogFixtures {

    private CatalogFixtures() {}

    /** A registrable domain of its own, such as {@code t3f9a1c2.co.uk}. */
    public static String uniqueDomain() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + ".co.uk";
    }

    /** A made-up word no other article contains, for text searches. */
    public static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (char c :
                UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            word.append((char) ('a' + Character.digit(c, 16)));
        }
        return word.toString();
    }

    /** Ingests the files in order and answers their article ids. */
    public static List<Long> ingest(String... files) {
        RequestSpecification request = asAdmin();
        for (int i = 0; i < files.length; i++) {
            request.multiPart(
                    "file",
                    String.format("%03d_fixture.txt", i),
                    files[i].getBytes(StandardCharsets.UTF_8),
                    "text/plain");
        }
        List<Number> ids =
                request.post("/api/ingest").then().statusCode(200).extract().path("files.article_id");
        return ids.stream().map(Number::longValue).toList();
    }

    /** A sentence of twelve made-up words: no other article shares a run of it. */
    public static String ownSentence() {
        return String.join(
                        " ",
                        Stream.generate(CatalogFixtures::uniqueWord).limit(12).toList()) + ".";
    }

    /**
     * Two articles of two sources, published a day apart, that share four of their five sentences: near-copies
     * once linked. The second differs in its first sentence and in one word of its third.
     *
     * @param word a made-up word that both carry, in no other fixture
     */
    public record NearCopyArticles(String word, long first, long copy) {}

    /** Ingests {@link NearCopyArticles}; their passages are not looked for yet. */
    public static NearCopyArticles ingestNearCopies() {
        String word = uniqueWord();
        List<String> story = new ArrayList<>(
                Stream.generate(CatalogFixtures::ownSentence).limit(4).toList());
        story.set(0, word + " " + story.get(0));
        List<String> first = new ArrayList<>(story);
        first.add(ownSentence());
        List<String> copy = new ArrayList<>(story);
        copy.add(0, ownSentence());
        copy.set(2, copy.get(2).replace(".", " today."));
        List<Long> ids = ingest(
                article(
                        "A story " + word,
                        LocalDate.of(2023, 6, 1),
                        "https://" + uniqueDomain() + "/story.html",
                        first.toArray(String[]::new)),
                article(
                        "The story again " + word,
                        LocalDate.of(2023, 6, 2),
                        "https://" + uniqueDomain() + "/story-again.html",
                        copy.toArray(String[]::new)));
        return new NearCopyArticles(word, ids.get(0), ids.get(1));
    }

    /**
     * Three articles of three sources that carry one quote, and one of a fourth source that does not.
     *
     * @param word       a made-up word of the quote's, in no other fixture
     * @param renderings the quote's sentence as each carrier writes it: with straight quotes; with curly ones and a
     *                   space before its colon; without its comma
     * @param hosts      the carriers' hosts, in the order of {@code carriers}
     * @param unrelated  an article with a sentence that shares a few of the quote's words
     */
    public record QuotedArticles(
            String word, List<Long> carriers, List<String> hosts, List<String> renderings, long unrelated) {}

    /** Ingests {@link QuotedArticles}, a quote of their own; their passages are not looked for yet. */
    public static QuotedArticles ingestQuotedArticles() {
        // a made-up word after at most two common ones: no two fixtures share a run of words long enough to align
        List<String> w = IntStream.range(0, 7).mapToObj(i -> uniqueWord()).toList();
        String quote = "We will " + w.get(0) + " not sign " + w.get(1) + " a deal, " + w.get(2) + " whatever "
                + w.get(3) + " offers.";
        String said = "Minister " + w.get(4) + " said";
        List<String> renderings = List.of(
                said + ": \"" + quote + "\"",
                said + " : \u201c" + quote + "\u201d",
                said + ": \"" + quote.replace(",", "") + "\"");
        List<String> hosts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < renderings.size(); i++) {
            hosts.add("news." + uniqueDomain());
            files.add(article(
                    "Farm talks " + w.get(0) + " " + i,
                    LocalDate.of(2023, 5, 10 + i),
                    "https://" + hosts.get(i) + "/farm-talks.html",
                    "Talks ran late on day " + i + ".",
                    renderings.get(i),
                    "Reporter " + i + " filed this story."));
        }
        files.add(article(
                "Harvest " + w.get(0),
                LocalDate.of(2023, 5, 11),
                "https://news." + uniqueDomain() + "/harvest.html",
                // at most three fixed words in a row: the harvests of two calls never align with each other
                "The " + w.get(0) + " farmers said " + w.get(5) + " harvest " + w.get(6) + " was best, whatever "
                        + w.get(3) + " offers."));
        List<Long> ids = ingest(files.toArray(String[]::new));
        return new QuotedArticles(w.get(0), List.copyOf(ids.subList(0, 3)), List.copyOf(hosts), renderings, ids.get(3));
    }
}
