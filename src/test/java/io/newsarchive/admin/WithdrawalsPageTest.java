package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Withdrawing several articles at once: all of them or none, each audited as one withdrawal is. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class WithdrawalsPageTest {

    @Test
    void allAreWithdrawnOrNoneWhenOneChangedMeanwhileOrIsWithdrawnAlready() throws SQLException {
        String name = TestUsers.newUser(Role.ARCHIVIST);
        TestUsers.BrowserSession archivist = TestUsers.signIn(name, TestUsers.PASSWORD);
        List<Long> ids = CatalogFixtures.ingest(
                article("First chosen", LocalDate.of(2023, 1, 1), uniqueUrl(), "Text."),
                article("Second chosen", LocalDate.of(2023, 1, 2), uniqueUrl(), "Text."),
                article("Third chosen", LocalDate.of(2023, 1, 3), uniqueUrl(), "Text."));
        long first = ids.get(0);
        long second = ids.get(1);
        long third = ids.get(2);

        String page = archivist
                .request()
                .get("/admin/withdrawals?id=" + first + "," + second + "&id=" + third + "&results=/?q=chosen")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                page.contains("Withdraw 3 articles")
                        && page.contains("First chosen")
                        && page.contains("Third chosen")
                        && page.contains("name=\"revision\" value=\"1\"")
                        && page.contains("href=\"/?q=chosen\""),
                page);

        // someone withdraws the second on its own page after it was chosen
        withdrawOne(archivist, second, 1);
        Response changed = withdrawAll(archivist, List.of(first, second, third), List.of(1, 1, 1), "bulk", true);
        assertEquals(409, changed.statusCode(), changed.asString());
        assertTrue(
                changed.asString().contains("Nothing was withdrawn")
                        && changed.asString().contains("(article " + second + ") was changed after you chose it"),
                changed.asString());
        assertEquals("active", status(first));
        assertEquals("active", status(third));
        assertEquals(0, withdrawals(first) + withdrawals(third));

        Response already = withdrawAll(archivist, List.of(first, second), List.of(1, 2), "bulk", true);
        assertEquals(400, already.statusCode(), already.asString());
        assertTrue(already.asString().contains("(article " + second + ") is already withdrawn"), already.asString());
        assertEquals("active", status(first));

        Response unconfirmed = withdrawAll(archivist, List.of(first, third), List.of(1, 1), "bulk", false);
        assertEquals(400, unconfirmed.statusCode());
        assertTrue(unconfirmed.asString().contains("tick the box"), unconfirmed.asString());
        Response noReason = withdrawAll(archivist, List.of(first, third), List.of(1, 1), " ", true);
        assertEquals(400, noReason.statusCode());
        assertTrue(noReason.asString().contains("say why"), noReason.asString());
        assertEquals(0, withdrawals(first) + withdrawals(third));

        Response done = withdrawAll(archivist, List.of(first, third), List.of(1, 1), "duplicates of wire copy", true);
        assertEquals(303, done.statusCode(), done.asString());
        assertTrue(
                done.header("Location").endsWith("/admin/withdrawals?id=" + first + "&id=" + third),
                done.header("Location"));
        assertEquals("withdrawn", status(first));
        assertEquals("withdrawn", status(third));
        assertEquals(
                "duplicates of wire copy",
                given().get("/api/articles/" + third).jsonPath().getString("withdrawn_reason"));
        for (long id : List.of(first, third)) {
            assertEquals(
                    1,
                    CatalogTestDatabase.count("select count(*) from audit_event where action = 'withdraw'"
                            + " and reason = 'duplicates of wire copy' and revision = 2 and username = '" + name
                            + "' and article_id = " + id));
            assertEquals(
                    1,
                    CatalogTestDatabase.count("select count(*) from preservation_event where event_type = 'deaccession'"
                            + " and article_id = " + id));
        }
        String after = archivist
                .request()
                .get("/admin/withdrawals?id=" + first + "&id=" + third)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(after.contains("<h1>Withdrawn articles</h1>") && !after.contains("<form class=\"stacked\""), after);
    }

    @Test
    void onlyArchivistsWithTheirFormsTokenWithdraw() {
        long id = CatalogFixtures.ingest(article("Kept", uniqueUrl(), "Text.")).get(0);
        TestUsers.BrowserSession viewer = TestUsers.signIn(TestUsers.newUser(Role.VIEWER), TestUsers.PASSWORD);
        assertEquals(403, viewer.request().get("/admin/withdrawals?id=" + id).statusCode());
        assertEquals(
                403, withdrawAll(viewer, List.of(id), List.of(1), "mine", true).statusCode());
        Response anonymous = given().redirects()
                .follow(false)
                .formParam("id", String.valueOf(id))
                .formParam("revision", "1")
                .formParam("reason", "anonymous")
                .formParam("confirm", "true")
                .post("/admin/withdrawals");
        assertEquals(401, anonymous.statusCode());
        assertNotEquals(
                200,
                given().redirects()
                        .follow(false)
                        .get("/admin/withdrawals?id=" + id)
                        .statusCode());
        TestUsers.BrowserSession archivist = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        assertEquals(
                403,
                archivist
                        .request()
                        .formParam("id", String.valueOf(id))
                        .formParam("revision", "1")
                        .formParam("reason", "no token")
                        .formParam("confirm", "true")
                        .post("/admin/withdrawals")
                        .statusCode());
        assertEquals("active", status(id));
    }

    @Test
    void badChoicesAreNamed() {
        long id = CatalogFixtures.ingest(article("Named", uniqueUrl(), "Text.")).get(0);
        TestUsers.BrowserSession archivist = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        assertEquals(400, archivist.request().get("/admin/withdrawals").statusCode());
        assertEquals(400, archivist.request().get("/admin/withdrawals?id=x").statusCode());
        Response unknown = archivist.request().get("/admin/withdrawals?id=" + id + ",999999999");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.asString().contains("no article has the id 999999999"), unknown.asString());
        Response revisions = archivist
                .request()
                .formParam("csrf", archivist.csrf())
                .formParam("id", id + "," + (id + 1))
                .formParam("revision", "1")
                .formParam("reason", "r")
                .formParam("confirm", "true")
                .post("/admin/withdrawals");
        assertEquals(400, revisions.statusCode());
        assertTrue(revisions.asString().contains("revision"), revisions.asString());
        Response blank = archivist
                .request()
                .formParam("csrf", archivist.csrf())
                .formParam("id", id)
                .formParam("revision", "")
                .formParam("reason", "r")
                .formParam("confirm", "true")
                .post("/admin/withdrawals");
        assertEquals(400, blank.statusCode(), "a blank revision is no revision, not a change since");
        assertTrue(blank.asString().contains("<code>revision</code>"), blank.asString());
        assertEquals("active", status(id));
    }

    private static Response withdrawAll(
            TestUsers.BrowserSession session, List<Long> ids, List<Integer> revisions, String reason, boolean confirm) {
        RequestSpecification request = session.request()
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf", session.csrf())
                .formParam("reason", reason);
        ids.forEach(id -> request.formParam("id", String.valueOf(id)));
        revisions.forEach(r -> request.formParam("revision", String.valueOf(r)));
        if (confirm) {
            request.formParam("confirm", "true");
        }
        return request.post("/admin/withdrawals");
    }

    private static void withdrawOne(TestUsers.BrowserSession session, long id, int revision) {
        assertEquals(
                303,
                session.request()
                        .formParam("csrf", session.csrf())
                        .formParam("reason", "withdrawn on its own")
                        .formParam("revision", String.valueOf(revision))
                        .post("/admin/articles/" + id + "/withdraw")
                        .statusCode());
    }

    private static String status(long id) {
        return given().get("/api/articles/" + id).jsonPath().getString("status");
    }

    private static long withdrawals(long id) throws SQLException {
        return CatalogTestDatabase.count(
                "select count(*) from audit_event where action = 'withdraw' and article_id = " + id);
    }
}
