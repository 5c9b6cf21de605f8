package io.newsarchive.catalog;

import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.catalog.CatalogFixtures.uniqueDomain;
import static io.newsarchive.catalog.CatalogFixtures.uniqueWord;
import static io.newsarchive.testing.CorpusFiles.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Atom feed of a search, read with the JDK's XML parser and checked against what RFC 4287 requires of a feed and
 * its entries (there is no Atom schema in {@code ../shared/standards}): newest first, at most 50 entries, the
 * search's filters, public articles only, a corrected article's new {@code updated}, and 400s naming bad parameters.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class ArticleFeedTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @TestHTTPResource("/")
    URL root;

    @Inject
    ArticleCorrections corrections;

    @Test
    void theFeedHoldsTheNewest50PublicArticlesOfTheSearch() throws Exception {
        String domain = uniqueDomain();
        String word = uniqueWord();
        String[] files = new String[53];
        for (int i = 0; i < 52; i++) {
            files[i] = article(
                    "Story " + i,
                    LocalDate.of(2023, 1, 1).plusDays(i),
                    "https://news." + domain + "/" + i,
                    i % 10 == 0 ? "A " + word + " here." : "Nothing.");
        }
        files[52] = article(
                "Elsewhere " + word,
                LocalDate.of(2023, 6, 1),
                "https://other." + uniqueDomain() + "/x",
                "A " + word + " too.");
        List<Long> ids = ingest(files);
        long newest = ids.get(51);
        assertInstanceOf(ArticleCorrections.Saved.class, corrections.withdraw(newest, "takedown", 1, "bob"));

        Document feed = feed("/api/feed?source=" + domain);
        assertEquals(root + "api/feed?source=" + domain, one(feed.getDocumentElement(), "id"));
        assertEquals(root + "api/feed?source=" + domain, link(feed.getDocumentElement(), "self"));
        assertEquals(root + "?source=" + domain, link(feed.getDocumentElement(), "alternate"));
        List<Element> entries = entries(feed);
        assertEquals(50, entries.size(), "bounded");
        assertEquals(root + "articles/" + ids.get(50), one(entries.get(0), "id"), "the withdrawn newest is left out");
        for (int i = 0; i < entries.size(); i++) {
            Element entry = entries.get(i);
            long id = ids.get(50 - i);
            assertEquals(root + "articles/" + id, one(entry, "id"), "newest first");
            assertEquals("Story " + (50 - i), one(entry, "title"));
            assertEquals(root + "articles/" + id, link(entry, "alternate"));
            assertEquals("https://news." + domain + "/" + (50 - i), link(entry, "related"));
            assertEquals("news." + domain, one(one(entry, "author", 0), "name"));
            assertEquals(
                    LocalDate.of(2023, 1, 1).plusDays(50 - i),
                    OffsetDateTime.parse(one(entry, "published")).toLocalDate());
        }

        Document search = feed("/api/feed?q=" + word + "&source=" + domain);
        List<Element> matches = entries(search);
        assertEquals(
                List.of("Story 50", "Story 40", "Story 30", "Story 20", "Story 10", "Story 0"),
                matches.stream().map(e -> one(e, "title")).toList(),
                "the text query and the source, newest first although a text query sorts by relevance on the page");
        Element summary = one(matches.get(0), "summary", 0);
        assertEquals("html", summary.getAttribute("type"));
        assertTrue(summary.getTextContent().contains("<mark>" + word + "</mark>"), summary.getTextContent());
        assertEquals(
                root + "?q=" + word + "&source=" + domain + "&sort=-published",
                link(search.getDocumentElement(), "alternate"));
    }

    @Test
    void aCorrectionMovesItsEntrysUpdatedAndTheFeeds() throws Exception {
        String domain = uniqueDomain();
        List<Long> ids = ingest(
                article("Older", LocalDate.of(2021, 3, 1), "https://" + domain + "/1", "One."),
                article("Newer", LocalDate.of(2021, 3, 2), "https://" + domain + "/2", "Two."));
        Document before = feed("/api/feed?source=" + domain);
        Instant olderBefore = Instant.parse(one(entries(before).get(1), "updated"));

        Thread.sleep(1100);
        assertInstanceOf(
                ArticleCorrections.Saved.class,
                corrections.edit(
                        ids.get(0),
                        new ArticleCorrections.Correction(
                                "Older, corrected", "2021-03-01", "https://" + domain + "/1", "", "typo", 1),
                        "bob"));
        Document after = feed("/api/feed?source=" + domain);
        Element older = entries(after).get(1);
        assertEquals("Older, corrected", one(older, "title"));
        Instant olderAfter = Instant.parse(one(older, "updated"));
        assertTrue(olderAfter.isAfter(olderBefore), olderBefore + " then " + olderAfter);
        assertEquals(olderAfter, Instant.parse(one(after.getDocumentElement(), "updated")), "the newest change");
    }

    @Test
    void badParametersAre400sNamingThem() {
        String[][] cases = {
            {"from=2024-13-01", "from"},
            {"to=2024-01-01&from=2024-02-01", "to"},
            {"q=x&sort=relevance", "sort"},
            {"status=withdrawn", "status"},
            {"limit=10", "limit"},
            {"cursor=abc", "cursor"},
            {"source=no%20host", "source"},
            {"sorce=bbc.co.uk", "sorce"},
            {"facets=false", "facets"},
        };
        for (String[] c : cases) {
            given().urlEncodingEnabled(false)
                    .get("/api/feed?" + c[0])
                    .then()
                    .statusCode(400)
                    .body("parameter", equalTo(c[1]))
                    .body("message", containsString(c[1]));
        }
        given().get("/api/feed?status=active&all_versions=true").then().statusCode(200);
    }

    /** The feed at this path, parsed, after checking what RFC 4287 requires of every feed and entry. */
    private static Document feed(String path) throws Exception {
        byte[] body = given().get(path)
                .then()
                .statusCode(200)
                .header("Content-Type", equalTo("application/atom+xml;charset=UTF-8"))
                .extract()
                .asByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        Element root = feed.getDocumentElement();
        assertEquals(ATOM, root.getNamespaceURI());
        assertEquals("feed", root.getLocalName());
        requireOne(root, "id", "title", "updated");
        Set<String> ids = new HashSet<>();
        for (Element entry : entries(feed)) {
            requireOne(entry, "id", "title", "updated");
            assertTrue(ids.add(one(entry, "id")), "entry ids are unique");
            assertFalse(children(entry, "author").isEmpty(), "an entry needs an author when its feed has none");
            assertTrue(children(root, "author").isEmpty());
            Instant.parse(one(entry, "updated"));
        }
        Instant.parse(one(root, "updated"));
        return feed;
    }

    private static void requireOne(Element parent, String... names) {
        for (String name : names) {
            assertEquals(1, children(parent, name).size(), name + " in " + parent.getLocalName());
        }
    }

    private static List<Element> entries(Document feed) {
        return children(feed.getDocumentElement(), "entry");
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element one(Element parent, String name, int index) {
        return children(parent, name).get(index);
    }

    private static String one(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), name);
        return found.get(0).getTextContent();
    }

    /** The href of the one link of this relation. */
    private static String link(Element parent, String rel) {
        List<String> hrefs = children(parent, "link").stream()
                .filter(l -> l.getAttribute("rel").equals(rel))
                .map(l -> l.getAttribute("href"))
                .toList();
        assertEquals(1, hrefs.size(), rel);
        return hrefs.get(0);
    }
}
