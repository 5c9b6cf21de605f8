package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static io.newsarchive.testing.TestUsers.asAdmin;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Corrections, withdrawals and restores: each kept with who, when and why, none overwriting another. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class ArticleEditPageTest {

    @Test
    void aCorrectionIsShownWithItsHistoryAndLeavesTheOriginalAlone() throws IOException {
        String name = TestUsers.newUser(Role.ARCHIVIST);
        TestUsers.BrowserSession archivist = TestUsers.signIn(name, TestUsers.PASSWORD);
        String url = uniqueUrl();
        String word = CatalogFixtures.uniqueWord();
        long id = CatalogFixtures.ingest(
                        article("Mispelt headline", LocalDate.of(2024, 3, 1), url, "Text " + word + "."))
                .get(0);
        byte[] original = asAdmin().get("/api/articles/" + id + "/original").asByteArray();

        Response saved = edit(
                archivist,
                id,
                Map.of(
                        "headline",
                        "Misspelt headline",
                        "published",
                        "2024-03-02",
                        "url",
                        url,
                        "note",
                        "Date taken from the print edition.",
                        "reason",
                        "typo and wrong day",
                        "revision",
                        "1"));
        assertEquals(303, saved.statusCode(), saved.body().asString());

        assertEquals(
                "Misspelt headline",
                given().get("/api/articles/" + id).jsonPath().getString("headline"));
        assertEquals("2024-03-02", given().get("/api/articles/" + id).jsonPath().getString("published"));
        assertArrayEquals(
                original, given().get("/api/articles/" + id + "/original").asByteArray());
        assertEquals(2, given().get("/api/articles/" + id).jsonPath().getInt("metadata_revision"));
        assertEquals(
                "Date taken from the print edition.",
                given().get("/api/articles/" + id).jsonPath().getString("note"));
        assertEquals(
                List.of("Date taken from the print edition."),
                given().queryParam("q", word).get("/api/articles").jsonPath().getList("items.note"));
        assertEquals(
                "Date taken from the print edition.",
                given().queryParam("q", word)
                        .queryParam("format", "json")
                        .get("/api/export")
                        .jsonPath()
                        .getString("[0].note"));
        try (CSVParser csv = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setCommentMarker('#')
                .get()
                .parse(new StringReader(
                        given().queryParam("q", word).get("/api/export").asString()))) {
            CSVRecord exported = csv.getRecords().get(0);
            assertEquals("Misspelt headline", exported.get("headline"));
            assertEquals("2", exported.get("metadata_revision"));
            assertEquals("Date taken from the print edition.", exported.get("note"));
            assertEquals("", exported.get("withdrawn_reason"));
        }
        String page = given().get("/articles/" + id).body().asString();
        assertTrue(page.contains("Date taken from the print edition."));
        assertTrue(page.contains("<strong>edit</strong> by " + name + " (revision 2) – “typo and wrong day”"), page);
        assertTrue(page.contains("headline: <del>Mispelt headline</del> → <ins>Misspelt headline</ins>"));
        assertTrue(page.contains("published: <del>2024-03-01</del> → <ins>2024-03-02</ins>"));

        String audit = archivist
                .request()
                .queryParam("user", name)
                .queryParam("action", "edit")
                .get("/admin/audit")
                .body()
                .asString();
        assertTrue(audit.contains("article #" + id + "</a> (revision 2)"), audit);
        assertFalse(archivist
                .request()
                .queryParam("user", name)
                .queryParam("action", "withdraw")
                .get("/admin/audit")
                .body()
                .asString()
                .contains("article #" + id + "<"));
    }

    @Test
    void anEditFromAnOlderRevisionIsRefusedWithWhatChangedSince() {
        TestUsers.BrowserSession first = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        TestUsers.BrowserSession second = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        String url = uniqueUrl();
        long id = CatalogFixtures.ingest(article("Original headline", LocalDate.of(2024, 3, 1), url, "Text."))
                .get(0);
        // both opened the form at revision 1
        assertEquals(
                303,
                edit(
                                first,
                                id,
                                Map.of(
                                        "headline",
                                        "First correction",
                                        "published",
                                        "2024-03-01",
                                        "url",
                                        url,
                                        "reason",
                                        "first",
                                        "revision",
                                        "1"))
                        .statusCode());
        Response late = edit(
                second,
                id,
                Map.of(
                        "headline",
                        "Second correction",
                        "published",
                        "2024-03-01",
                        "url",
                        url,
                        "reason",
                        "second",
                        "revision",
                        "1"));
        assertEquals(409, late.statusCode());
        String page = late.body().asString();
        assertTrue(page.contains("someone else changed this article"), page);
        assertTrue(
                page.contains("headline: Original headline → First correction"),
                "what it was when both opened the form, and what it is now: " + page);
        assertTrue(page.contains(">Second correction</textarea>"), "what the second archivist typed is kept");
        assertTrue(page.contains("name=\"revision\" value=\"2\""), "sending the form again applies to revision 2");
        assertEquals(
                "First correction",
                given().get("/api/articles/" + id).jsonPath().getString("headline"));
    }

    @Test
    void aCorrectionNeedsAReasonAndValidValues() {
        TestUsers.BrowserSession archivist = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        String url = uniqueUrl();
        String taken = uniqueUrl();
        CatalogFixtures.ingest(article("Another", taken, "Text."));
        long id = CatalogFixtures.ingest(article("Headline", LocalDate.of(2024, 3, 1), url, "Text."))
                .get(0);
        List<List<String>> problems = List.of(
                List.of("say why you make this change", "reason=&headline=New"),
                List.of("is not a date in the form YYYY-MM-DD", "published=2024-02-30"),
                List.of("is not an absolute http or https URL", "url=ftp://example.com/x"),
                List.of("already belongs to another article", "url=" + taken),
                List.of(
                        "is 2001 bytes long (UTF-8), more than the limit of 2000",
                        "url=https://example.com/" + "a".repeat(1981)),
                List.of("the headline is blank", "headline="),
                List.of("the headline is blank", "headline=\u00A0\u200B\u2060"),
                List.of("the headline must be one line without control characters", "headline=Null\u0000byte"),
                List.of(
                        "the headline is 1001 characters long, more than the limit of 1000",
                        "headline=" + "h".repeat(1001)),
                List.of("nothing was changed", ""));
        problems.forEach(problem -> {
            String message = problem.get(0);
            String change = problem.get(1);
            Map<String, String> form = new java.util.HashMap<>(Map.of(
                    "headline",
                    "Headline",
                    "published",
                    "2024-03-01",
                    "url",
                    url,
                    "reason",
                    "checking",
                    "revision",
                    "1"));
            for (String pair : change.isEmpty() ? new String[0] : change.split("&")) {
                form.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            Response answer = edit(archivist, id, form);
            assertEquals(400, answer.statusCode(), message);
            assertTrue(
                    answer.body().asString().contains(message),
                    message + " in " + answer.body().asString());
        });
        assertEquals("Headline", given().get("/api/articles/" + id).jsonPath().getString("headline"));
    }

    @Test
    void aNoteAsLongAsTheFormAllowsIsSavedAndALongerOneIsShownAgainWithAMessage() {
        TestUsers.BrowserSession archivist = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        String url = uniqueUrl();
        long id = CatalogFixtures.ingest(article("Headline", LocalDate.of(2024, 3, 1), url, "Text."))
                .get(0);
        // 10,000 characters of three UTF-8 bytes each: 90,000 bytes once URL-encoded
        String longest = "☃".repeat(10_000);
        String headline = "Заголовок ".repeat(100);
        Response saved = edit(archivist, id, correction(headline.strip(), url, longest, "the longest note", "1"));
        assertEquals(303, saved.statusCode());
        assertTrue(
                longest.equals(given().get("/api/articles/" + id).jsonPath().getString("note")), "the note is saved");

        String tooLong = "Ж".repeat(30_000);
        Response refused = edit(archivist, id, correction("Headline", url, tooLong, "a note too long", "2"));
        assertEquals(400, refused.statusCode());
        String page = refused.body().asString();
        assertTrue(page.contains("the note is longer than 10000 characters"));
        assertTrue(page.contains(tooLong), "what was typed is shown again");
        assertTrue(longest.equals(given().get("/api/articles/" + id).jsonPath().getString("note")), "the note is kept");
        Response huge = edit(archivist, id, correction("Headline", url, "Ж".repeat(300_000), "a note too long", "2"));
        assertEquals(413, huge.statusCode());
        assertTrue(huge.body().asString().contains("nothing was saved"), "a form too large to read says what to do");
    }

    @Test
    void aWithdrawnArticleLeavesTheCatalogAndExportsUntilRestored() {
        TestUsers.BrowserSession archivist = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        String word = CatalogFixtures.uniqueWord();
        String url = uniqueUrl();
        long id = CatalogFixtures.ingest(article("To withdraw " + word, url, "Text " + word + "."))
                .get(0);
        assertEquals(303, status(archivist, id, "withdraw", "legal request", 1).statusCode());

        // a new version of a withdrawn article does not bring it back
        Response revision = asAdmin()
                .multiPart(
                        "file",
                        "revised.txt",
                        article("To withdraw " + word, url, "Revised text " + word + ".")
                                .getBytes(StandardCharsets.UTF_8),
                        "text/plain")
                .post("/api/ingest");
        assertEquals("revised", revision.jsonPath().getString("files[0].outcome"));
        assertEquals("withdrawn", revision.jsonPath().getString("files[0].problems[0].code"));
        long revised = revision.jsonPath().getLong("files[0].article_id");
        assertEquals(
                "withdrawn", given().get("/api/articles/" + revised).jsonPath().getString("status"));
        assertEquals(
                "legal request",
                given().get("/api/articles/" + revised).jsonPath().getString("withdrawn_reason"));

        assertEquals(
                0, given().queryParam("q", word).get("/api/articles").jsonPath().getInt("total"));
        assertFalse(given().queryParam("q", word).get("/api/export").asString().contains("To withdraw"));
        assertEquals(
                List.of("legal request"),
                given().queryParam("q", word)
                        .queryParam("status", "withdrawn")
                        .get("/api/articles")
                        .jsonPath()
                        .getList("items.withdrawn_reason"));
        String page = given().get("/articles/" + id).body().asString();
        assertTrue(page.contains("This article is withdrawn") && page.contains("Reason: legal request"), page);

        assertEquals(409, status(archivist, id, "restore", "stale form", 1).statusCode(), "made from revision 1");
        Response noReason = status(archivist, id, "restore", "", 2);
        assertEquals(400, noReason.statusCode());
        assertTrue(
                noReason.body().asString().contains("say why the article is restored")
                        && noReason.body().asString().contains("name=\"reason\""),
                "the form again, with why");
        assertEquals(
                303, status(archivist, id, "restore", "request withdrawn", 2).statusCode());
        assertEquals(
                1, given().queryParam("q", word).get("/api/articles").jsonPath().getInt("total"));
        assertTrue(given().get("/articles/" + id).body().asString().contains("<strong>restore</strong>"));
    }

    /** The edit form's fields for a correction published on 2024-03-01. */
    private static Map<String, String> correction(
            String headline, String url, String note, String reason, String revision) {
        return Map.of(
                "headline",
                headline,
                "published",
                "2024-03-01",
                "url",
                url,
                "note",
                note,
                "reason",
                reason,
                "revision",
                revision);
    }

    private static Response edit(TestUsers.BrowserSession session, long id, Map<String, String> form) {
        // as browsers send it: REST-assured would encode the values as ISO-8859-1 otherwise
        RequestSpecification request = session.request()
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf", session.csrf());
        form.forEach(request::formParam);
        return request.post("/admin/articles/" + id + "/edit");
    }

    private static Response status(
            TestUsers.BrowserSession session, long id, String action, String reason, int revision) {
        return session.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", session.csrf())
                .formParam("reason", reason)
                .formParam("revision", revision)
                .post("/admin/articles/" + id + "/" + action);
    }
}
