package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.catalog.CatalogFixtures.NearCopyArticles;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.TestUsers;
import io.newsarchive.testing.TestUsers.BrowserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static io.newsarchive.testing.ReuseLinking.linkAll;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The near-copy review queue: a pair's texts side by side, decisions audited on both articles, undone, and kept. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class NearCopiesPageTest {

    private static String pairPage(NearCopyArticles pair) {
        return "/admin/near-copies/" + pair.first() + "/" + pair.copy();
    }

    private static NearCopyArticles linkedPair() {
        NearCopyArticles pair = CatalogFixtures.ingestNearCopies();
        linkAll();
        return pair;
    }

    private static Response decide(BrowserSession session, NearCopyArticles pair, String seen, String decision) {
        return session.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", session.csrf())
                .formParam("seen", seen)
                .formParam("decision", decision)
                .formParam("reason", "checked both texts")
                .post(pairPage(pair));
    }

    private static BrowserSession archivist() {
        return TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
    }

    @Test
    void theQueueListsAnUndecidedPairWhosePageShowsTheTextsSideBySide() {
        NearCopyArticles pair = linkedPair();
        BrowserSession archivist = archivist();

        archivist
                .request()
                .get("/admin/near-copies")
                .then()
                .statusCode(200)
                .body(containsString("href=\"" + pairPage(pair) + "\""));
        String page = archivist
                .request()
                .get(pairPage(pair))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(page.contains("A story " + pair.word()) && page.contains("The story again " + pair.word()), page);
        // the copy's own first sentence and last, and the word it added: three rows differ
        assertTrue(page.contains("3 sentences of 6 differ"), page);
        assertTrue(page.contains("<mark>today</mark>") || page.contains("<mark> today</mark>"), page);
        assertTrue(page.contains("name=\"seen\" value=\"undecided\""), page);
    }

    @Test
    void aDecisionIsAuditedOnBothArticlesLeavesTheQueueAndCanBeUndone() throws SQLException {
        NearCopyArticles pair = linkedPair();
        BrowserSession archivist = archivist();

        decide(archivist, pair, "undecided", "syndicated")
                .then()
                .statusCode(303)
                .header("Location", containsString("/admin/near-copies"));

        String queue = archivist.request().get("/admin/near-copies").asString();
        String waiting = queue.substring(0, queue.indexOf("decided-heading"));
        assertTrue(!waiting.contains(pairPage(pair)), "decided pairs leave the queue");
        assertTrue(queue.contains("a syndicated copy"), "the latest decisions list it");
        for (long[] ends : new long[][] {{pair.first(), pair.copy()}, {pair.copy(), pair.first()}}) {
            given().get("/articles/" + ends[0])
                    .then()
                    .body(containsString("A syndicated copy: the same text as <a href=\"/articles/" + ends[1] + "\">"));
        }
        assertEquals(2, audited(pair, "syndicated"), "one event on each article");

        // undone: back in the queue, the pages name nothing, and the undoing is audited too
        decide(archivist, pair, "syndicated", "undecided").then().statusCode(303);
        archivist.request().get("/admin/near-copies").then().body(containsString(pairPage(pair)));
        given().get("/articles/" + pair.first()).then().body(not(containsString("A syndicated copy")));
        assertEquals(2, audited(pair, null));
    }

    @Test
    void eachPageOfTheSameArticleNamesTheOtherAndTheCopySaysWhichIsListed() {
        NearCopyArticles pair = linkedPair();
        decide(archivist(), pair, "undecided", "same_article").then().statusCode(303);

        given().get("/articles/" + pair.copy())
                .then()
                .body(containsString("The same article as <a href=\"/articles/" + pair.first() + "\">"))
                .body(containsString("at another address: the catalog lists that one."));
        given().get("/articles/" + pair.first())
                .then()
                .body(containsString("The same article as <a href=\"/articles/" + pair.copy() + "\">"))
                .body(not(containsString("the catalog lists that one")));
    }

    @Test
    void aStaleFormIsA409ABadDecisionA400AndAnUnknownPairA404() {
        NearCopyArticles pair = linkedPair();
        BrowserSession archivist = archivist();
        decide(archivist, pair, "undecided", "different").then().statusCode(303);

        // another archivist's form, shown before that decision
        decide(archivist(), pair, "undecided", "same_article")
                .then()
                .statusCode(409)
                .body(containsString("decided different by someone else meanwhile"));
        decide(archivist, pair, "different", "copied")
                .then()
                .statusCode(400)
                .body(containsString("decision must be same_article, syndicated, different or undecided"));
        decide(archivist, pair, "maybe", "syndicated").then().statusCode(400).body(containsString("seen"));
        archivist
                .request()
                .get("/admin/near-copies/" + pair.first() + "/999999999")
                .then()
                .statusCode(404);
        archivist.request().get("/admin/near-copies/x/" + pair.copy()).then().statusCode(400);
        // readers cannot see the queue
        TestUsers.signIn(TestUsers.newUser(Role.VIEWER), TestUsers.PASSWORD)
                .request()
                .get("/admin/near-copies")
                .then()
                .statusCode(403);
    }

    /** The audit events of the pair's articles that set the decision to {@code decision} (null: undone). */
    private static long audited(NearCopyArticles pair, String decision) throws SQLException {
        return CatalogTestDatabase.count("select count(*) from audit_event where action = 'near_copy_decision'"
                + " and article_id in (" + pair.first() + ", " + pair.copy() + ") and reason = 'checked both texts'"
                + " and changes -> ('decision with article ' || case when article_id = " + pair.first() + " then "
                + pair.copy() + " else " + pair.first() + " end) ->> 'new' "
                + (decision == null ? "is null" : "= '" + decision + "'"));
    }
}
