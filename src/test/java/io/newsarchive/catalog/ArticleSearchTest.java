package io.newsarchive.catalog;

import io.newsarchive.reuse.NearCopies;
import io.newsarchive.reuse.NearCopyDecision;
import io.newsarchive.reuse.ReuseBacklog;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.ReuseLinking;
import io.newsarchive.testing.SearchIndex;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.catalog.CatalogFixtures.uniqueDomain;
import static io.newsarchive.catalog.CatalogFixtures.uniqueWord;
import static io.newsarchive.testing.CorpusFiles.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/articles}: keyset pages, filters, text search, totals and facets, checked against the database. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
public class ArticleSearchTest {

    @Inject
    NearCopies nearCopies;

    @Inject
    ReuseBacklog reuse;

    @Test
    void cursorsWalkTheListingForwardAndBackWithoutRepeatsOrGaps() {
        String host = "news." + uniqueDomain();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // several articles share a date, so the id breaks ties
            files.add(article(
                    "Story " + i, LocalDate.of(2022, 3, 1 + i / 3), "https://" + host + "/s/" + i, "Text " + i + "."));
        }
        List<Long> ids = ingest(files.toArray(String[]::new));
        List<Long> newestFirst = new ArrayList<>();
        for (int i = 22; i >= 0; i--) {
            newestFirst.add(ids.get(i));
        }

        List<List<Long>> pages = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<String> prevCursors = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = listing("source=" + host + "&limit=5" + (cursor == null ? "" : "&cursor=" + cursor));
            pages.add(itemIds(page));
            starts.add(page.getInt("start"));
            prevCursors.add(page.getString("prev_cursor"));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        assertEquals(newestFirst, pages.stream().flatMap(List::stream).toList());
        assertEquals(List.of(5, 5, 5, 5, 3), pages.stream().map(List::size).toList());
        assertEquals(List.of(1, 6, 11, 16, 21), starts, "each page says where it starts");
        assertNull(prevCursors.get(0), "the first page has no previous page");

        // back from the last page: the same pages in reverse, and the first page has no previous one
        JsonPath back = listing("source=" + host + "&limit=5&cursor=" + prevCursors.get(4));
        assertEquals(pages.get(3), itemIds(back));
        assertEquals(16, back.getInt("start"));
        for (int i = 2; i >= 0; i--) {
            back = listing("source=" + host + "&limit=5&cursor=" + back.getString("prev_cursor"));
            assertEquals(pages.get(i), itemIds(back));
            assertEquals(starts.get(i), back.getInt("start"));
        }
        assertNull(back.getString("prev_cursor"));
    }

    @Test
    void recentlyIngestedFirstListsTheLastStoredFirstWhateverTheirDates() {
        String host = "news." + uniqueDomain();
        // a text query, so that a search engine answers it where one is on
        String word = uniqueWord();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // each later file is older by its date, so that ingestion and publication orders differ
            ids.addAll(ingest(article(
                    "Stored " + i,
                    LocalDate.of(2022, 6, 20 - i),
                    "https://" + host + "/i/" + i,
                    word + " " + i + ".")));
        }
        List<Long> lastStoredFirst = new ArrayList<>(ids);
        Collections.reverse(lastStoredFirst);
        List<Long> seen = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = listing("q=" + word + "&source=" + host + "&sort=-ingested&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(itemIds(page));
            starts.add(page.getInt("start"));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        assertEquals(lastStoredFirst, seen);
        assertEquals(List.of(1, 4, 7), starts);
        String newestCursor = listing("q=" + word + "&sort=-published&limit=3").getString("next_cursor");
        given().get("/api/articles?q=" + word + "&sort=-ingested&cursor=" + newestCursor)
                .then()
                .statusCode(400)
                .body("parameter", equalTo("cursor"));
    }

    @Test
    void aListingSurvivesInsertsBetweenPages() {
        String host = "news." + uniqueDomain();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            files.add(article("Before " + i, LocalDate.of(2022, 5, 1 + i), "https://" + host + "/b/" + i, "Text."));
        }
        Set<Long> original = new LinkedHashSet<>(ingest(files.toArray(String[]::new)));

        JsonPath first = listing("source=" + host + "&limit=4&sort=published");
        List<Long> seen = new ArrayList<>(itemIds(first));
        // newer and older rows arrive, some on dates already passed, some ahead of the reader
        Set<Long> inserted = new LinkedHashSet<>(ingest(
                article("Late A", LocalDate.of(2022, 5, 2), "https://" + host + "/l/a", "Text."),
                article("Late B", LocalDate.of(2022, 5, 10), "https://" + host + "/l/b", "Text."),
                article("Late C", LocalDate.of(2022, 6, 30), "https://" + host + "/l/c", "Text.")));
        String cursor = first.getString("next_cursor");
        while (cursor != null) {
            JsonPath page = listing("source=" + host + "&limit=4&sort=published&cursor=" + cursor);
            seen.addAll(itemIds(page));
            cursor = page.getString("next_cursor");
        }
        assertEquals(seen.size(), new LinkedHashSet<>(seen).size(), "no article is listed twice: " + seen);
        assertTrue(seen.containsAll(original), "every article present from the start is listed");
        List<Long> ahead = inserted.stream().skip(1).toList();
        assertTrue(seen.containsAll(ahead), "articles inserted ahead of the reader are listed too");
    }

    @Test
    void filtersByDatesSourceHostOrDomainAndVisibility() {
        String domain = uniqueDomain();
        String news = "news." + domain;
        String sport = "sport." + domain;
        List<Long> ids = ingest(
                article("A", LocalDate.of(2021, 12, 31), "https://" + news + "/a", "Text."),
                article("B", LocalDate.of(2022, 1, 1), "https://" + news + "/b", "Text."),
                article("C", LocalDate.of(2022, 1, 31), "https://" + sport + "/c", "Text."),
                article("D", LocalDate.of(2022, 2, 1), "https://www." + sport + "/d", "Text."),
                article("D revised", LocalDate.of(2022, 2, 1), "https://www." + sport + "/d", "Text, corrected."));

        assertEquals(
                List.of(ids.get(2), ids.get(1)),
                itemIds(listing("source=" + domain + "&from=2022-01-01&to=2022-01-31")));
        assertEquals(List.of(ids.get(1), ids.get(0)), itemIds(listing("source=" + news)));
        assertEquals(List.of(ids.get(4), ids.get(2)), itemIds(listing("source=www." + sport)));
        assertEquals(
                List.of(ids.get(4), ids.get(3), ids.get(2)),
                itemIds(listing("source=" + sport + "&all_versions=true")));
        assertEquals(List.of(ids.get(0), ids.get(1)), itemIds(listing("source=" + news + "&sort=published")));
        assertEquals(List.of(), itemIds(listing("source=nowhere-" + domain)));

        assertEquals(2, listing("source=" + news).getInt("total"));
        withdraw(ids.get(1));
        assertEquals(List.of(ids.get(0)), itemIds(listing("source=" + news)));
        assertEquals(1, listing("source=" + news).getInt("total"), "counts follow the change at once");
        assertEquals(List.of(ids.get(1)), itemIds(listing("source=" + news + "&status=withdrawn")));
        assertEquals(List.of(ids.get(1), ids.get(0)), itemIds(listing("source=" + news + "&status=all")));
        JsonPath withdrawn = listing("source=" + domain + "&status=withdrawn");
        assertEquals(1, withdrawn.getInt("total"));
        assertEquals("withdrawn", withdrawn.getString("items[0].status"));
    }

    @Test
    void textSearchTakesPhrasesAlternativesAndExclusionsAndMarksMatches() {
        String host = "news." + uniqueDomain();
        String red = uniqueWord();
        String blue = uniqueWord();
        String green = uniqueWord();
        List<Long> ids = ingest(
                article(
                        "Nothing in the headline",
                        LocalDate.of(2022, 1, 3),
                        "https://" + host + "/1",
                        "First a " + blue + " and then " + red + " later.",
                        "Unrelated."),
                article(
                        "The " + red + " report",
                        LocalDate.of(2022, 1, 2),
                        "https://" + host + "/2",
                        "It says " + red + " " + blue + " & 5 < 6 \"so\" once.",
                        "Unrelated."),
                article("Other", LocalDate.of(2022, 1, 1), "https://" + host + "/3", "Only " + green + " here."),
                article(
                        "Deep",
                        LocalDate.of(2021, 12, 31),
                        "https://" + host + "/5",
                        "Filler one.",
                        "Filler two.",
                        "Filler three.",
                        red + " " + red + " " + red + ", said " + red + " again."));

        // the headline weighs more than the body; a lead (headline and first three sentences) that matches comes
        // before matches further down, however many
        assertEquals(List.of(ids.get(1), ids.get(0), ids.get(3)), itemIds(listing("q=" + red)));
        assertEquals(List.of(ids.get(1)), itemIds(listing("q=\"" + red + " " + blue + "\"")));
        assertEquals(
                List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3)),
                itemIds(listing("q=" + red + " or " + green + "&sort=-published")));
        assertEquals(List.of(ids.get(0), ids.get(3)), itemIds(listing("q=" + red + " -report")));
        // every dash negates, as PostgreSQL reads them: a lone one too, and two look for the word
        assertEquals(List.of(ids.get(0), ids.get(3)), itemIds(listing("q=" + red + " - report")));
        assertEquals(List.of(ids.get(1)), itemIds(listing("q=" + red + " --report")));
        assertEquals(List.of(ids.get(1)), itemIds(listing("q=" + red + " -- report")));
        assertEquals(List.of(ids.get(0), ids.get(3)), itemIds(listing("q=" + red + " ---report")));
        assertEquals(List.of(ids.get(1)), itemIds(listing("q=--or " + red + " report")));
        // PostgreSQL's operator characters only separate words, and OR may touch them
        assertEquals(List.of(ids.get(0), ids.get(3)), itemIds(listing("q=" + red + " (-report)")));
        assertEquals(List.of(ids.get(1)), itemIds(listing("q=report!" + red)));
        assertEquals(List.of(ids.get(1)), itemIds(listing("q=report:" + red)));
        assertEquals(
                List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3)),
                itemIds(listing("q=" + red + " (OR " + green + ")&sort=-published")));
        assertEquals(
                List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3)),
                itemIds(listing("q=" + red + " OR, " + green + "&sort=-published")));

        JsonPath found = listing("q=" + blue + "&sort=published");
        assertEquals(List.of(ids.get(1), ids.get(0)), itemIds(found));
        assertThatSnippet(found.getString("items[0].snippet"), blue);
        assertTrue(
                found.getString("items[0].snippet").contains("&amp; 5 &lt; 6 &quot;so&quot;"),
                "stored text is escaped in snippets: " + found.getString("items[0].snippet"));
        assertFalse(listing("source=" + host).getString("items[0]").contains("snippet"), "no snippet without a query");

        // the lexeme of "happily" (happili) is not a substring of the word, and is still marked
        String yellow = uniqueWord();
        long happy = ingest(article(
                        "Mood",
                        LocalDate.of(2022, 1, 4),
                        "https://" + host + "/4",
                        "A plain first sentence.",
                        "They lived " + yellow + " happily ever after."))
                .get(0);
        JsonPath mood = listing("q=happily " + yellow);
        assertEquals(List.of(happy), itemIds(mood));
        assertThatSnippet(mood.getString("items[0].snippet"), "happily");

        // ranked pages, one article each, follow the ranking forward and back, across the lead tier
        String anyColour = "q=" + red + " or " + blue + " or " + green;
        List<Long> ranked = itemIds(listing(anyColour));
        List<Long> walked = new ArrayList<>();
        JsonPath page = listing(anyColour + "&limit=1");
        walked.addAll(itemIds(page));
        while (page.getString("next_cursor") != null) {
            page = listing(anyColour + "&limit=1&cursor=" + page.getString("next_cursor"));
            walked.addAll(itemIds(page));
        }
        assertEquals(4, ranked.size());
        assertEquals(ranked.get(3), ids.get(3));
        assertEquals(ranked, walked);
        List<Long> back = new ArrayList<>(itemIds(page));
        while (page.getString("prev_cursor") != null) {
            page = listing(anyColour + "&limit=1&cursor=" + page.getString("prev_cursor"));
            back.add(0, itemIds(page).get(0));
        }
        assertEquals(ranked, back);
    }

    @Test
    void aQueryOfOnlyExclusionsListsTheRestNewestFirstWithExactCounts() {
        String domain = uniqueDomain();
        String red = uniqueWord();
        String blue = uniqueWord();
        String green = uniqueWord();
        List<Long> ids = ingest(
                article("Plain one", LocalDate.of(2022, 2, 3), "https://news." + domain + "/1", "Nothing here."),
                article("The " + red + " story", LocalDate.of(2022, 2, 4), "https://news." + domain + "/2", "Text."),
                article(
                        "Plain two",
                        LocalDate.of(2022, 3, 5),
                        "https://sport." + domain + "/3",
                        "A " + blue + " " + green + " pair."),
                article(
                        "Plain three",
                        LocalDate.of(2022, 3, 6),
                        "https://sport." + domain + "/4",
                        "Only " + green + " " + blue + "."),
                article(
                        "Plain four",
                        LocalDate.of(2022, 1, 7),
                        "https://sport." + domain + "/5",
                        "Deep down.",
                        "More.",
                        "More.",
                        "And " + red + " at last."));

        String query = "q=-" + red + " -\"" + blue + " " + green + "\"&source=" + domain;
        JsonPath rest = listing(query);
        assertEquals(List.of(ids.get(3), ids.get(0)), itemIds(rest), "newest first, without the excluded words");
        assertEquals(2, rest.getLong("total"));
        assertFalse(rest.getBoolean("total_is_estimate"));
        assertEquals(Map.of("2022-02", 1L, "2022-03", 1L), facet(rest, "month"));
        assertEquals(Map.of("news." + domain, 1L, "sport." + domain, 1L), facet(rest, "source"));
        assertEquals(itemIds(rest), itemIds(listing(query + "&sort=-published")));
        assertEquals(List.of(ids.get(0), ids.get(3)), itemIds(listing(query + "&sort=published")));
        JsonPath first = listing(query + "&limit=1");
        assertEquals(
                List.of(ids.get(0)), itemIds(listing(query + "&limit=1&cursor=" + first.getString("next_cursor"))));
    }

    private static void assertThatSnippet(String snippet, String word) {
        assertTrue(snippet.contains("<mark>" + word + "</mark>"), "the match is marked: " + snippet);
    }

    @Test
    void totalsAndFacetsAgreeWithTheArticlesThemselves() throws Exception {
        String domain = uniqueDomain();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String host = (i % 3 == 0 ? "news." : i % 3 == 1 ? "sport." : "travel.") + domain;
            files.add(article(
                    "Facet " + i, LocalDate.of(2021, 11, 20).plusDays(i * 4L), "https://" + host + "/f/" + i, "Text."));
        }
        files.add(
                article("Facet 0 revised", LocalDate.of(2021, 11, 20), "https://news." + domain + "/f/0", "New text."));
        List<Long> ids = ingest(files.toArray(String[]::new));
        withdraw(ids.get(7));

        // whole months, partial months at either end, within one month, open-ended, other visibilities
        for (String filter : List.of(
                "",
                "&from=2021-12-01&to=2022-01-31",
                "&from=2021-12-15&to=2022-02-10",
                "&from=2022-01-05&to=2022-01-20",
                "&from=2022-01-10",
                "&to=2021-12-31",
                "&status=all",
                "&status=withdrawn",
                "&all_versions=true",
                "&all_versions=true&status=all&from=2021-11-21")) {
            JsonPath listing = listing("source=" + domain + filter);
            Map<String, Long> expected = countsFromArticles(domain, filter);
            long total = expected.values().stream().mapToLong(Long::longValue).sum();
            assertEquals(total, listing.getLong("total"), "total for " + filter);
            assertFalse(listing.getBoolean("total_is_estimate"));
            assertEquals(expected, facet(listing, "month"), "months for " + filter);
            Map<String, Long> years = new TreeMap<>();
            expected.forEach((month, n) -> years.merge(month.substring(0, 4), n, Long::sum));
            assertEquals(years, facet(listing, "year"), "years for " + filter);
            assertEquals(
                    total,
                    facet(listing, "source").values().stream()
                            .mapToLong(Long::longValue)
                            .sum());
        }
        JsonPath bySource = listing("source=" + domain);
        assertEquals(
                Map.of("news." + domain, 14L, "sport." + domain, 12L, "travel." + domain, 13L),
                facet(bySource, "source"));
        assertEquals("news." + domain, bySource.getString("facets.source[0].value"), "the biggest source first");
        assertEquals(
                1,
                listing("source=" + domain + "&source_facets=1")
                        .getList("facets.source")
                        .size());
        assertEquals(3, listing("source=" + domain + "&source_facets=1").getInt("facet_sources"));
        given().get("/api/articles?source=" + domain + "&facets=false")
                .then()
                .statusCode(200)
                .body("$", not(hasKey("facets")))
                .body("total", equalTo(39));
    }

    @Test
    void statusVersionAndDomainFacetsCountTheOtherChoicesOfTheFilter() {
        String a = uniqueDomain();
        String b = uniqueDomain();
        String word = uniqueWord();
        List<Long> ids = ingest(
                article("One", LocalDate.of(2022, 1, 10), "https://news." + a + "/1", word + " one."),
                article("Two", LocalDate.of(2022, 1, 11), "https://news." + a + "/2", word + " two."),
                article("Three", LocalDate.of(2022, 2, 12), "https://sport." + a + "/3", word + " three."),
                article("Four", LocalDate.of(2022, 1, 13), "https://www." + b + "/4", word + " four."),
                article("Five", LocalDate.of(2022, 3, 14), "https://" + b + "/5", word + " five."),
                article("Five again", LocalDate.of(2022, 3, 14), "https://" + b + "/5", word + " five, revised."),
                article("Six", LocalDate.of(2022, 3, 15), "https://" + b + "/6", word + " six."));
        withdraw(ids.get(1));

        // the same counts without a text query (article_month_count) and with one (the matches, or OpenSearch)
        for (String selection : List.of("source=" + a + "&source=" + b, "q=" + word)) {
            // active latest versions: 1, 3, 4, 5 revised, 6
            JsonPath listed = listing(selection);
            assertEquals(5, listed.getInt("total"));
            assertEquals(Map.of(b, 3L, a, 2L), facet(listed, "domain"), selection);
            assertEquals(b, listed.getString("facets.domain[0].value"), "the biggest domain first");
            assertEquals(Map.of("active", 5L, "withdrawn", 1L, "all", 6L), facet(listed, "status"), selection);
            assertEquals(Map.of("latest", 5L, "all", 6L), facet(listed, "version"), selection);

            // withdrawn in every version: 2 alone; the statuses of every version, the versions of withdrawn ones
            assertTheSearchEngineAnswered();
            JsonPath withdrawn = listing(selection + "&status=withdrawn&all_versions=true");
            assertEquals(List.of(ids.get(1)), itemIds(withdrawn));
            assertEquals(Map.of(a, 1L), facet(withdrawn, "domain"), selection);
            assertEquals(Map.of("news." + a, 1L), facet(withdrawn, "source"), selection);
            assertEquals(Map.of("active", 6L, "withdrawn", 1L, "all", 7L), facet(withdrawn, "status"), selection);
            assertEquals(Map.of("latest", 1L, "all", 1L), facet(withdrawn, "version"), selection);
        }
        assertTheSearchEngineAnswered();
        // a domain's value is a source filter
        for (String selection : List.of("", "q=" + word + "&")) {
            JsonPath ofDomain = listing(selection + "source=" + a + "&status=all");
            assertEquals(3, ofDomain.getInt("total"), selection);
            assertEquals(Map.of("news." + a, 2L, "sport." + a, 1L), facet(ofDomain, "source"), selection);
            assertEquals(Map.of(a, 3L), facet(ofDomain, "domain"), selection);
        }

        // the page links each value, the current one marked
        given().get("/?q=" + word)
                .then()
                .statusCode(200)
                .body(containsString("<h2>Domains</h2>"))
                .body(containsString("href=\"/?q=" + word + "&amp;source=" + b + "\">" + b + "</a>"))
                .body(containsString(
                        "class=\"active\" aria-current=\"true\">Active</a> <span class=\"count\">5</span>"))
                .body(containsString("href=\"/?q=" + word + "&amp;status=withdrawn\">Withdrawn</a>"))
                .body(containsString("href=\"/?q=" + word + "&amp;status=all\">All statuses</a>"))
                .body(containsString("href=\"/?q=" + word
                        + "&amp;all_versions=true\">All versions</a> <span class=\"count\">6</span>"))
                .body(containsString("aria-current=\"true\">Latest version only</a>"));
        // where every source is its own domain, the domains would only repeat the sources
        given().get("/?q=" + word + "&from=2022-03-01")
                .then()
                .statusCode(200)
                .body(containsString("<h2>Sources</h2>"))
                .body(not(containsString("<h2>Domains</h2>")));
    }

    @Test
    void bySourceAndLongestFirstPageThroughEveryArticleOnceBothWays() throws Exception {
        String domain = uniqueDomain();
        String word = uniqueWord();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            // a host that starts like a search engine's relevance key ("s7.25/...") is no such key; a-c sorts
            // before ab by bytes, after it where punctuation is ignored
            String host = (i % 3 == 0 ? "ab." : i % 3 == 1 ? "a-c." : "s.") + domain;
            // dates and lengths repeat, so that the id breaks ties
            files.add(article(
                    "Long " + i,
                    LocalDate.of(2022, 4, 1 + i % 4),
                    "https://" + host + "/w/" + i,
                    word + " " + "more words here ".repeat(i % 5) + "end."));
        }
        ingest(files.toArray(String[]::new));

        for (String sort : List.of("source", "-words")) {
            List<Long> expected = orderFromArticles(domain, sort);
            assertEquals(17, expected.size());
            for (String selection : List.of("source=" + domain, "q=" + word)) {
                List<Long> seen = new ArrayList<>();
                List<String> prevCursors = new ArrayList<>();
                List<List<Long>> pages = new ArrayList<>();
                String cursor = null;
                do {
                    JsonPath page = listing(
                            selection + "&sort=" + sort + "&limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
                    assertTheSearchEngineAnswered();
                    assertEquals(seen.size() + 1, page.getInt("start"));
                    pages.add(itemIds(page));
                    seen.addAll(itemIds(page));
                    prevCursors.add(page.getString("prev_cursor"));
                    cursor = page.getString("next_cursor");
                } while (cursor != null);
                assertEquals(expected, seen, sort + " " + selection);
                // and back from the last page to the first
                JsonPath back = listing(selection + "&sort=" + sort + "&limit=4&cursor=" + prevCursors.get(4));
                for (int i = 3; i >= 0; i--) {
                    assertEquals(pages.get(i), itemIds(back), sort + " " + selection + " back to page " + i);
                    back = i == 0
                            ? back
                            : listing(selection + "&sort=" + sort + "&limit=4&cursor=" + back.getString("prev_cursor"));
                }
                assertNull(back.getString("prev_cursor"));
            }
        }
        assertTheSearchEngineAnswered();
        // the search form offers both, the one asked for chosen
        given().get("/?q=" + word + "&sort=-words")
                .then()
                .statusCode(200)
                .body(containsString("<option value=\"source\">By source, A to Z</option>"))
                .body(containsString("<option value=\"-words\" selected>Longest first</option>"));
        String wordsCursor = listing("q=" + word + "&sort=-words&limit=2").getString("next_cursor");
        given().get("/api/articles?q=" + word + "&sort=source&cursor=" + wordsCursor)
                .then()
                .statusCode(400)
                .body("parameter", equalTo("cursor"));
    }

    @Test
    void badParametersAreRefusedWithTheParameterNamed() {
        String cursor = listing("limit=1").getString("next_cursor");
        Map<String, String> cases = new HashMap<>();
        cases.put("from=2022-02-30", "from");
        cases.put("from=20220201", "from");
        cases.put("to=yesterday", "to");
        cases.put("from=2022-03-01&to=2022-02-01", "to");
        cases.put("limit=0", "limit");
        cases.put("limit=5000", "limit");
        cases.put("limit=ten", "limit");
        cases.put("sort=newest", "sort");
        cases.put("sort=words", "sort");
        cases.put("sort=relevance", "sort");
        cases.put("cursor=not-a-cursor", "cursor");
        cases.put("cursor=" + cursor + "&sort=published", "cursor");
        cases.put("q=the and of", "q");
        cases.put(
                "q="
                        + String.join(
                                " ",
                                java.util.stream.IntStream.range(0, 51)
                                        .mapToObj(i -> "w" + i)
                                        .toList()),
                "q");
        cases.put("q=\u0000x", "q");
        cases.put("q=word or -zebra", "q");
        cases.put("q=-zebra or word", "q");
        cases.put("q=-zebra -lion or -tiger", "q");
        cases.put("q=" + "x".repeat(501), "q");
        cases.put("q=" + "x".repeat(8_000), "q");
        cases.put("status=deleted", "status");
        cases.put("all_versions=yes", "all_versions");
        cases.put("facets=maybe", "facets");
        cases.put("source=a b", "source");
        cases.put("passage=five words are too few", "passage");
        cases.put("passage=" + "a long passage ".repeat(134), "passage");
        cases.forEach((query, parameter) -> given().get("/api/articles?" + query)
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_request"))
                .body("parameter", equalTo(parameter))
                .body("message", containsString(parameter)));
    }

    @Test
    void aPassageListsEveryArticleThatCarriesItHoweverItIsWritten() {
        CatalogFixtures.QuotedArticles quoted = CatalogFixtures.ingestQuotedArticles();
        // not linked yet: nothing carries it, and linking then changes no catalog_version that counts are kept by
        assertEquals(0, listing("passage=" + quoted.renderings().get(0)).getInt("total"));
        ReuseLinking.linkAll();
        for (String rendering : quoted.renderings()) {
            JsonPath listed = listing("passage=" + rendering);
            assertEquals(Set.copyOf(quoted.carriers()), Set.copyOf(itemIds(listed)), rendering);
            assertEquals(3, listed.getInt("total"));
            assertEquals(new TreeSet<>(quoted.hosts()), facet(listed, "source").keySet());
        }
        // RestAssured encodes the query string
        String passage = "passage=" + quoted.renderings().get(1);
        JsonPath narrowed = listing(passage + "&source=" + quoted.hosts().get(2));
        assertEquals(List.of(quoted.carriers().get(2)), itemIds(narrowed));
        assertEquals(1, narrowed.getInt("total"));
        // the word is in the unrelated article too: the passage leaves it out
        JsonPath searched = listing(passage + "&q=" + quoted.word() + "&sort=published");
        assertEquals(quoted.carriers(), itemIds(searched));
        assertEquals(3, searched.getInt("total"));
        assertEquals(4, listing("q=" + quoted.word()).getInt("total"));
        assertTheSearchEngineAnswered();
    }

    @Test
    void aPairDecidedTheSameArticleIsListedOnceAndCountedAsAnEarlierVersion() {
        CatalogFixtures.NearCopyArticles pair = CatalogFixtures.ingestNearCopies();
        ReuseLinking.linkAll();
        String byWord = "q=" + pair.word() + "&sort=published";
        String bySources = "source=" + host(pair.first()) + "&source=" + host(pair.copy()) + "&sort=published";
        for (String filter : List.of(byWord, bySources)) {
            assertEquals(List.of(pair.first(), pair.copy()), itemIds(listing(filter)), filter);
        }

        nearCopies.decide(pair.first(), pair.copy(), null, NearCopyDecision.SAME_ARTICLE, null, "dora");
        for (String filter : List.of(byWord, bySources)) {
            JsonPath listed = listing(filter);
            assertEquals(List.of(pair.first()), itemIds(listed), filter + ": the earlier article only");
            assertEquals(1, listed.getInt("total"), filter);
            assertEquals(Map.of("latest", 1L, "all", 2L), facet(listed, "version"), filter);
            assertEquals(List.of(pair.first(), pair.copy()), itemIds(listing(filter + "&all_versions=true")), filter);
        }

        nearCopies.decide(
                pair.first(), pair.copy(), NearCopyDecision.SAME_ARTICLE, NearCopyDecision.DIFFERENT, null, "dora");
        for (String filter : List.of(byWord, bySources)) {
            assertEquals(List.of(pair.first(), pair.copy()), itemIds(listing(filter)), filter + ": both again");
        }
        assertTheSearchEngineAnswered();
    }

    private static String host(long article) {
        return given().get("/api/articles/" + article).then().extract().path("source");
    }

    @Test
    void sourcesHaveCountsAndDateSpans() {
        String host = "news." + uniqueDomain();
        ingest(
                article("One", LocalDate.of(2022, 1, 5), "https://" + host + "/1", "Text."),
                article("Two", LocalDate.of(2022, 3, 9), "https://www." + host + "/2", "Text."));
        given().get("/api/sources/" + host)
                .then()
                .statusCode(200)
                .body("host", equalTo(host))
                .body("articles", equalTo(2))
                .body("first", equalTo("2022-01-05"))
                .body("last", equalTo("2022-03-09"));
        given().get("/api/sources").then().statusCode(200).body("host", hasItem(host));
        given().get("/api/sources/no-such-" + host).then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void pagesAnswerBadParametersWithAnErrorPage() {
        given().get("/?limit=0")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("limit must be a whole number"));
        given().get("/articles/999999999")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("no article 999999999"));
    }

    /** With a search engine, that it answered the searches so far itself rather than leaving them to PostgreSQL. */
    private static void assertTheSearchEngineAnswered() {
        given().get("/q/health")
                .then()
                .body("checks.find { it.name == 'search' }.data.degraded", not(equalTo(true)))
                .body("checks.find { it.name == 'search' }.data.problem", nullValue());
    }

    private static JsonPath listing(String query) {
        SearchIndex.catchUp();
        return given().get("/api/articles?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<Long> itemIds(JsonPath page) {
        return page.getList("items.id", Number.class).stream()
                .map(Number::longValue)
                .toList();
    }

    private static Map<String, Long> facet(JsonPath listing, String name) {
        Map<String, Long> counts = new TreeMap<>();
        for (Map<String, Object> v : listing.<Map<String, Object>>getList("facets." + name)) {
            counts.put((String) v.get("value"), ((Number) v.get("count")).longValue());
        }
        return counts;
    }

    private static void withdraw(long id) {
        try (Connection c = CatalogTestDatabase.connect();
                PreparedStatement ps = c.prepareStatement("update article set status = 'withdrawn' where id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids of a domain's listed articles in the order {@code sort}, straight from the article table. */
    private static List<Long> orderFromArticles(String domain, String sort) throws Exception {
        String order = sort.equals("source")
                ? "s.host collate \"C\", a.published desc, a.id desc"
                : "a.word_count desc, a.id desc";
        List<Long> ids = new ArrayList<>();
        try (Connection c = CatalogTestDatabase.connect();
                PreparedStatement ps = c.prepareStatement("select a.id from article a join source s on s.id ="
                        + " a.source_id where s.domain = ? and a.latest and a.status = 'active' order by " + order)) {
            ps.setString(1, domain);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Articles per month for the filter, counted straight from the article table. */
    private static Map<String, Long> countsFromArticles(String domain, String filter) throws Exception {
        Map<String, String> p = new HashMap<>();
        for (String pair : filter.split("&")) {
            if (!pair.isEmpty()) {
                p.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        String status = p.getOrDefault("status", "active");
        String sql = """
                select to_char(a.published, 'YYYY-MM'), count(*) from article a join source s on s.id = a.source_id
                where s.domain = ? and (a.latest or ?) and (a.status = ? or ? = 'all')
                  and a.published >= ?::date and a.published <= ?::date
                group by 1""";
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = CatalogTestDatabase.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, domain);
            ps.setBoolean(2, p.containsKey("all_versions"));
            ps.setString(3, status);
            ps.setString(4, status);
            ps.setString(5, p.getOrDefault("from", "1700-01-01"));
            ps.setString(6, p.getOrDefault("to", "9999-12-31"));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }
}
