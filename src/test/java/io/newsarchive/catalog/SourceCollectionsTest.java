package io.newsarchive.catalog;

import io.newsarchive.account.Role;
import io.newsarchive.audit.AuditAction;
import io.newsarchive.audit.AuditEvent;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.CsvRecords;
import io.newsarchive.testing.SearchIndex;
import io.newsarchive.testing.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Source collections: archivists make and change them through the admin forms, each change audited and bad input
 * refused by name; {@code collection=} filters listings, exports and feeds, and the collection facet counts the
 * matches of each collection's sources. {@link SourceCollectionsOnOpenSearchTest} runs these with OpenSearch.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class SourceCollectionsTest {

    @Test
    void aCollectionFiltersListingsExportsAndFeedsAndIsCountedInTheFacets() throws IOException {
        String domain = uniqueDomain();
        String word = uniqueWord();
        String sun = "sun." + domain;
        String mail = "mail." + domain;
        String times = "times." + domain;
        ingest(
                article(word + " one", LocalDate.of(2023, 3, 1), "https://" + sun + "/1", "About " + word + "."),
                article(word + " two", LocalDate.of(2023, 3, 2), "https://www." + mail + "/2", "About " + word + "."),
                article(word + " three", LocalDate.of(2023, 3, 3), "https://" + mail + "/3", "About " + word + "."),
                article(word + " four", LocalDate.of(2023, 3, 4), "https://" + times + "/4", "About " + word + "."));
        SearchIndex.catchUp();
        TestUsers.BrowserSession archivist = archivist();
        String name = "Tabloids " + word;
        Response made = post(archivist, "/admin/collections", "name", name, "sources", sun + ", www." + mail);
        assertEquals(303, made.statusCode(), made.body().asString());
        String slug = "tabloids-" + word;
        assertTrue(made.header("Location").endsWith("/admin/collections/" + slug), made.header("Location"));

        given().get("/api/collections/" + slug)
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .body("sources", equalTo(List.of(mail, sun)))
                .body("articles", equalTo(3));
        assertTrue(
                given().get("/api/collections").jsonPath().getList("slug").contains(slug),
                "every collection is listed");
        String listPage =
                given().get("/collections").then().statusCode(200).extract().asString();
        assertTrue(listPage.contains("<a href=\"/?collection=" + slug + "\">3 articles</a>"), listPage);
        given().redirects()
                .follow(false)
                .accept("application/json")
                .get("/collections")
                .then()
                .statusCode(303)
                .header("Location", containsString("/api/collections"));

        JsonPath listed = given().queryParam("collection", slug)
                .get("/api/articles")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(3, listed.getInt("total"));
        assertEquals(List.of(word + " three", word + " two", word + " one"), listed.getList("items.headline"));
        assertEquals(Map.of("value", slug, "name", name, "count", 3), collectionFacet(listed, slug));

        // with words: the facet counts the matches of each collection's sources
        JsonPath matched = given().queryParam("q", word).get("/api/articles").jsonPath();
        assertEquals(4, matched.getInt("total"));
        assertEquals(3, collectionFacet(matched, slug).get("count"));
        JsonPath matchedInCollection = given().queryParam("q", word)
                .queryParam("collection", slug)
                .get("/api/articles")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(3, matchedInCollection.getInt("total"));
        assertEquals(3, collectionFacet(matchedInCollection, slug).get("count"));
        assertEquals(
                1,
                given().queryParam("q", word)
                        .queryParam("collection", slug)
                        .queryParam("source", sun)
                        .get("/api/articles")
                        .jsonPath()
                        .getInt("total"));

        // a source and a collection: the articles of the source that are in the collection
        assertEquals(
                1,
                given().queryParam("collection", slug)
                        .queryParam("source", sun)
                        .get("/api/articles")
                        .jsonPath()
                        .getInt("total"));
        assertEquals(
                0,
                given().queryParam("collection", slug)
                        .queryParam("source", times)
                        .get("/api/articles")
                        .jsonPath()
                        .getInt("total"));

        String csv = given().queryParam("collection", slug)
                .queryParam("q", word)
                .queryParam("format", "csv")
                .get("/api/export")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("-collection-" + slug))
                .extract()
                .asString();
        assertEquals(
                List.of(sun, mail, mail),
                CsvRecords.of(csv).stream().map(r -> r.get("source")).toList());

        String feed = given().queryParam("collection", slug)
                .get("/api/feed")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(feed.contains("in the collection " + slug), feed);
        assertEquals(3, feed.split("<entry>").length - 1, feed);

        String page = given().queryParam("collection", slug)
                .get("/")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(page.contains("in " + name), "the active filter names the collection");
        assertTrue(page.contains("<h2>Collections</h2>"), "the collection facet is shown");

        // a change of the collection changes the listing's counts at once
        assertEquals(
                303,
                post(archivist, "/admin/collections/" + slug + "/sources", "sources", times)
                        .statusCode());
        assertEquals(
                4,
                given().queryParam("collection", slug)
                        .get("/api/articles")
                        .jsonPath()
                        .getInt("total"));
    }

    @Test
    void anUnknownOrMalformedCollectionIsRefusedByName() {
        for (String path : List.of("/api/articles", "/api/export", "/api/feed")) {
            given().queryParam("collection", "no-such-collection-" + uniqueWord())
                    .get(path)
                    .then()
                    .statusCode(400)
                    .body("parameter", equalTo("collection"));
            given().queryParam("collection", "Not a slug!")
                    .get(path)
                    .then()
                    .statusCode(400)
                    .body("parameter", equalTo("collection"));
        }
        given().queryParam("collection", "no-such-collection")
                .get("/")
                .then()
                .statusCode(400)
                .body(containsString("no collection no-such-collection"));
        // with words too, which a search engine may answer
        given().queryParam("q", "anything")
                .queryParam("collection", "no-such-collection")
                .get("/api/articles")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("collection"));
        given().get("/api/collections/no-such-collection").then().statusCode(404);
    }

    @Test
    void archivistsRenameChangeAndDeleteACollectionEachChangeAudited() {
        String domain = uniqueDomain();
        String one = "one." + domain;
        String two = "two." + domain;
        ingest(
                article("First", LocalDate.of(2023, 4, 1), "https://" + one + "/1", "Text."),
                article("Second", LocalDate.of(2023, 4, 2), "https://" + two + "/2", "Text."));
        String archivistName = TestUsers.newUser(Role.ARCHIVIST);
        TestUsers.BrowserSession archivist = TestUsers.signIn(archivistName, TestUsers.PASSWORD);
        String name = "Collection " + uniqueWord();
        assertEquals(
                303,
                post(archivist, "/admin/collections", "name", name, "description", "first")
                        .statusCode());
        String slug = given().get("/api/collections").jsonPath().getString("find { it.name == '" + name + "' }.slug");
        String admin = "/admin/collections/" + slug;
        assertEquals(200, archivist.request().get(admin).statusCode());

        assertEquals(
                303,
                post(archivist, admin + "/sources", "sources", one + " " + two).statusCode());
        assertEquals(
                303, post(archivist, admin + "/sources/remove", "host", one).statusCode());
        String renamed = name + " renamed";
        assertEquals(
                303,
                post(archivist, admin, "name", renamed, "description", "second").statusCode());
        given().get("/api/collections/" + slug)
                .then()
                .statusCode(200)
                .body("name", equalTo(renamed))
                .body("description", equalTo("second"))
                .body("sources", equalTo(List.of(two)));

        assertEquals(400, post(archivist, admin + "/delete").statusCode(), "a deletion is confirmed");
        assertEquals(303, post(archivist, admin + "/delete", "confirm", "on").statusCode());
        given().get("/api/collections/" + slug).then().statusCode(404);

        List<AuditEvent> events = QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.<AuditEvent>list("subjectCollection in ?1 order by id", List.of(name, renamed)));
        assertEquals(
                List.of(
                        AuditAction.COLLECTION_ADD,
                        AuditAction.COLLECTION_SOURCES,
                        AuditAction.COLLECTION_SOURCES,
                        AuditAction.COLLECTION_EDIT,
                        AuditAction.COLLECTION_DELETE),
                events.stream().map(e -> e.action).toList());
        events.forEach(e -> assertEquals(archivistName, e.username));
        assertEquals(
                Map.of("old", one + ", " + two, "new", two),
                events.get(2).changes.get("sources"));
        assertEquals(name, events.get(3).changes.get("name").get("old"));
        assertEquals(renamed, events.get(3).changes.get("name").get("new"));
        assertEquals(two, events.get(4).changes.get("sources").get("old"));

        String log = archivist
                .request()
                .get("/admin/audit?action=collection_edit")
                .body()
                .asString();
        assertTrue(log.contains("collection " + renamed), "the audit log names the collection");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        TestUsers.BrowserSession archivist = archivist();
        assertRefused(post(archivist, "/admin/collections", "name", "  "), 400, "name");
        assertRefused(post(archivist, "/admin/collections", "name", "x".repeat(101)), 400, "name");
        assertRefused(
                post(archivist, "/admin/collections", "name", "Unknown " + uniqueWord(), "sources", uniqueDomain()),
                400,
                "sources");
        String name = "Duplicate " + uniqueWord();
        assertEquals(303, post(archivist, "/admin/collections", "name", name).statusCode());
        assertRefused(post(archivist, "/admin/collections", "name", name.toUpperCase()), 409, "name");
        String other = "Other " + uniqueWord();
        assertEquals(303, post(archivist, "/admin/collections", "name", other).statusCode());
        String otherSlug = other.toLowerCase().replace(' ', '-');
        assertRefused(post(archivist, "/admin/collections/" + otherSlug, "name", name), 409, "name");
        assertRefused(
                post(archivist, "/admin/collections/" + otherSlug + "/sources", "sources", uniqueDomain()),
                400,
                "sources");
        assertEquals(
                404,
                post(archivist, "/admin/collections/no-such-collection/sources", "sources", "x.com")
                        .statusCode());

        TestUsers.BrowserSession viewer = TestUsers.signIn(TestUsers.newUser(Role.VIEWER), TestUsers.PASSWORD);
        assertEquals(
                403,
                post(viewer, "/admin/collections", "name", "Viewer " + uniqueWord())
                        .statusCode());
    }

    private static Map<String, Object> collectionFacet(JsonPath listing, String slug) {
        return listing.getMap("facets.collection.find { it.value == '" + slug + "' }");
    }

    private static void assertRefused(Response response, int status, String field) {
        String body = response.body().asString();
        assertEquals(status, response.statusCode(), body);
        assertTrue(body.contains("<code>" + field + "</code>"), body);
    }

    private static TestUsers.BrowserSession archivist() {
        return TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
    }

    private static Response post(TestUsers.BrowserSession session, String path, String... fields) {
        var request = session.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", session.csrf());
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        return request.post(path);
    }
}
