package io.newsarchive.account;

import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With {@code catalog.anonymous-browsing=false}, only signed-in people read the catalog. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
@TestProfile(BrowsePolicyTest.SignedInOnly.class)
class BrowsePolicyTest {

    public static class SignedInOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.anonymous-browsing", "false");
        }
    }

    @Test
    void anonymousVisitorsAreAskedToSignIn() {
        var page = given().redirects().follow(false).get("/sources");
        assertEquals(302, page.statusCode());
        assertTrue(page.header("Location").endsWith("/signin?next=%2Fsources"), page.header("Location"));
        assertEquals(401, given().get("/api/articles").statusCode());
        assertEquals(401, given().get("/api/export").statusCode());
        assertEquals(200, given().get("/signin").statusCode());
        assertEquals(200, given().get("/catalog.css").statusCode());
    }

    @Test
    void aViewerReadsTheCatalog() {
        String viewer = TestUsers.newUser(Role.VIEWER);
        TestUsers.BrowserSession session = TestUsers.signIn(viewer, TestUsers.PASSWORD);
        assertEquals(200, session.request().get("/sources").statusCode());
        assertEquals(200, session.request().get("/api/export").statusCode(), "the page's export links work");
        assertEquals(
                200,
                given().auth()
                        .preemptive()
                        .basic(viewer, TestUsers.PASSWORD)
                        .get("/api/articles")
                        .statusCode());
    }
}
