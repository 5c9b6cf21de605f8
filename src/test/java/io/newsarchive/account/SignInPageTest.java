package io.newsarchive.account;

import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing in and out with the form, the session cookie, the sign-in limits, disabled users and the safety headers. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class SignInPageTest {

    @Test
    void signingInOpensASessionInAnHttpOnlyLaxCookieAndLandsOnTheAdminPages() {
        String archivist = TestUsers.newUser(Role.ARCHIVIST);
        Response answer = TestUsers.postSignIn(given().get("/signin"), archivist, TestUsers.PASSWORD);
        assertEquals(303, answer.statusCode());
        assertTrue(answer.header("Location").endsWith("/admin"), answer.header("Location"));
        Cookie cookie = answer.detailedCookie(Sessions.COOKIE);
        assertTrue(cookie.isHttpOnly());
        assertEquals("Lax", cookie.getSameSite());
        assertFalse(cookie.isSecured(), "plain HTTP here; Secure is set when served over HTTPS");
        given().cookie(Sessions.COOKIE, cookie.getValue())
                .get("/admin")
                .then()
                .statusCode(200)
                .body(containsString(archivist + " <span class=\"role\">(archivist)</span>"));
    }

    @Test
    void theFormReturnsToThePageThatAskedButNeverToAnotherSite() {
        String viewer = TestUsers.newUser(Role.VIEWER);
        Response asked = given().redirects().follow(false).get("/admin/runs?x=1");
        assertEquals(302, asked.statusCode());
        assertEquals(
                "/signin?next=%2Fadmin%2Fruns%3Fx%3D1", asked.header("Location").replaceAll("^https?://[^/]+", ""));
        Response form = given().queryParam("next", "/sources").get("/signin");
        assertTrue(TestUsers.postSignIn(form, viewer, TestUsers.PASSWORD)
                .header("Location")
                .endsWith("/sources"));
        // other sites, and paths that are no valid URI (which could not be sent back as a redirect)
        for (String hostile :
                new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example", "/search?q=a|b", "/a b"
                }) {
            Response other = given().queryParam("next", hostile).get("/signin");
            String landing =
                    TestUsers.postSignIn(other, viewer, TestUsers.PASSWORD).header("Location");
            assertTrue(landing.matches("https?://localhost:\\d+/"), hostile + " led to " + landing);
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndRepeatedFailuresBlockTheUserName() {
        String archivist = TestUsers.newUser(Role.ARCHIVIST);
        Response wrong = TestUsers.postSignIn(given().get("/signin"), archivist, "not the password");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().asString().contains("Wrong user name or password."));
        assertNull(wrong.cookie(Sessions.COOKIE));
        for (int i = 1; i < 5; i++) {
            given().auth()
                    .preemptive()
                    .basic(archivist, "guess " + i)
                    .get("/api/ingest-runs")
                    .then()
                    .statusCode(401);
        }
        Response blocked = TestUsers.postSignIn(given().get("/signin"), archivist, TestUsers.PASSWORD);
        assertEquals(429, blocked.statusCode());
        assertTrue(
                blocked.body().asString().contains("Too many failed sign-ins"),
                blocked.body().asString());
        given().auth()
                .preemptive()
                .basic(archivist, TestUsers.PASSWORD)
                .get("/api/ingest-runs")
                .then()
                .statusCode(401);
        // another user from the same address is not held up
        TestUsers.signIn(TestUsers.newUser(Role.VIEWER), TestUsers.PASSWORD);
    }

    @Test
    void aStrangersGuessesFromAnotherAddressNeverRefuseTheRightPassword() throws Exception {
        String admin = TestUsers.newUser(Role.ADMIN);
        for (int i = 0; i < 7; i++) {
            assertEquals(401, basicStatusFrom("127.0.0.2", admin, "guess " + i), "the stranger's guess " + i);
        }
        given().auth()
                .preemptive()
                .basic(admin, TestUsers.PASSWORD)
                .get("/api/ingest-runs")
                .then()
                .statusCode(200);
        TestUsers.signIn(admin, TestUsers.PASSWORD);
    }

    /** The status of a Basic-authenticated GET sent from another loopback address than the tests' own. */
    private static int basicStatusFrom(String address, String user, String password) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
            socket.setSoTimeout(10_000);
            String credentials =
                    Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream()
                    .write(("GET /api/ingest-runs HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void guessesSentInParallelMeetTheLimitAndAScriptsParallelRequestsDoNot() {
        String archivist = TestUsers.newUser(Role.ARCHIVIST);
        List<Integer> scripted = inParallel(
                12,
                () -> given().auth()
                        .preemptive()
                        .basic(archivist, TestUsers.PASSWORD)
                        .get("/api/ingest-runs")
                        .statusCode());
        assertEquals(Collections.nCopies(12, 200), scripted, "the right password, twelve times at once");

        String target = TestUsers.newUser(Role.ARCHIVIST);
        List<Integer> guesses = inParallel(
                12,
                () -> given().auth()
                        .preemptive()
                        .basic(target, "guess")
                        .get("/api/ingest-runs")
                        .statusCode());
        assertEquals(Collections.nCopies(12, 401), guesses);
        Response afterwards = TestUsers.postSignIn(given().get("/signin"), target, TestUsers.PASSWORD);
        assertEquals(429, afterwards.statusCode(), "twelve guesses at once count as twelve");
    }

    @Test
    void anApiWriteThatABrowserSendsForAnotherSiteIsRefused() {
        String admin = TestUsers.ADMIN;
        for (String[] header : new String[][] {
            {"Sec-Fetch-Site", "cross-site"}, {"Sec-Fetch-Site", "same-site"}, {"Origin", "https://evil.example"}
        }) {
            Response write = given().auth()
                    .preemptive()
                    .basic(admin, TestUsers.ADMIN_PASSWORD)
                    .header(header[0], header[1])
                    .multiPart("file", "a.txt", "Text.".getBytes(StandardCharsets.UTF_8))
                    .queryParam("dry_run", "true")
                    .post("/api/ingest");
            assertEquals(403, write.statusCode(), header[0] + ": " + header[1]);
            assertNull(write.header("WWW-Authenticate"), "no password prompt for a page of another site");
        }
        Response same = given().auth()
                .preemptive()
                .basic(admin, TestUsers.ADMIN_PASSWORD)
                .header("Sec-Fetch-Site", "same-origin")
                .multiPart("file", "a.txt", "Text.".getBytes(StandardCharsets.UTF_8))
                .queryParam("dry_run", "true")
                .post("/api/ingest");
        assertEquals(200, same.statusCode(), same.body().asString());
    }

    private static List<Integer> inParallel(int count, Callable<Integer> request) {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Integer>> answers = pool.invokeAll(Collections.nCopies(count, request));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aUserNameNoUserCouldHaveIsRefusedWithoutAskingTheDatabase() {
        given().auth()
                .preemptive()
                .basic("admin\u0000x", "whatever")
                .get("/api/ingest-runs")
                .then()
                .statusCode(401)
                .body("error", org.hamcrest.Matchers.equalTo("unauthorized"));
        Response answer = TestUsers.postSignIn(given().get("/signin"), "admin\u0000x", "whatever");
        assertEquals(401, answer.statusCode());
        assertTrue(answer.body().asString().contains("user name"), answer.body().asString());
    }

    @Test
    void theSignInFormNeedsItsOwnToken() {
        String viewer = TestUsers.newUser(Role.VIEWER);
        Response forged = given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("username", viewer)
                .formParam("password", TestUsers.PASSWORD)
                .formParam("form_token", "made-up")
                .post("/signin");
        assertEquals(403, forged.statusCode());
        assertNull(forged.cookie(Sessions.COOKIE));
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        TestUsers.BrowserSession session = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        session.request().get("/admin").then().statusCode(200);
        session.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", session.csrf())
                .post("/signout")
                .then()
                .statusCode(303);
        assertEquals(302, session.request().get("/admin").statusCode(), "the old cookie no longer signs in");
    }

    @Test
    void aFormSentAfterItsSessionEndedLeadsToTheSignInFormAndBackWithoutAPasswordPrompt() {
        TestUsers.BrowserSession session = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        session.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", session.csrf())
                .post("/signout")
                .then()
                .statusCode(303);
        Response late = session.request()
                .header("Referer", "http://localhost:" + RestAssured.port + "/admin/runs?show=rejected")
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", session.csrf())
                .post("/admin/runs/1/retry");
        assertEquals(303, late.statusCode());
        assertEquals(
                "/signin?next=%2Fadmin%2Fruns%3Fshow%3Drejected",
                late.header("Location").replaceAll("^https?://[^/]+", ""));

        Response anonymous = given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .post("/admin/runs/1/retry");
        assertEquals(401, anonymous.statusCode());
        assertFalse(anonymous.header("WWW-Authenticate").startsWith("Basic"), "a browser would ask for a password");
        Response script = given().multiPart("file", "a.txt", "Text.".getBytes(StandardCharsets.UTF_8))
                .post("/api/ingest");
        assertEquals(401, script.statusCode());
        assertTrue(script.header("WWW-Authenticate").startsWith("Basic"));
    }

    @Test
    void theApiTakesNoWritesOnASessionCookie() {
        TestUsers.BrowserSession session = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        Response write = session.request()
                .multiPart("file", "a.txt", "Headline\n20240101\nhttps://example.com/a\nText.\n")
                .post("/api/ingest");
        assertEquals(401, write.statusCode(), "a cross-site form could otherwise store articles");
    }

    @Test
    void aDisabledUserIsSignedOutAndCannotSignIn() {
        String archivist = TestUsers.newUser(Role.ARCHIVIST);
        TestUsers.BrowserSession session = TestUsers.signIn(archivist, TestUsers.PASSWORD);
        QuarkusTransaction.requiringNew()
                .run(() -> CatalogUser.named(archivist).orElseThrow().disabledAt = Instant.now());
        assertEquals(302, session.request().get("/admin").statusCode());
        Response again = TestUsers.postSignIn(given().get("/signin"), archivist, TestUsers.PASSWORD);
        assertEquals(401, again.statusCode());
        assertTrue(again.body().asString().contains("This account is disabled"));
        given().auth()
                .preemptive()
                .basic(archivist, TestUsers.PASSWORD)
                .get("/api/ingest-runs")
                .then()
                .statusCode(401);
    }

    @Test
    void aViewerIsToldTheAdminPagesNeedAHigherRole() {
        TestUsers.BrowserSession viewer = TestUsers.signIn(TestUsers.newUser(Role.VIEWER), TestUsers.PASSWORD);
        Response page = viewer.request().get("/admin");
        assertEquals(403, page.statusCode());
        assertTrue(
                page.body().asString().contains("whose role is viewer"),
                page.body().asString());
    }

    @Test
    void pagesForbidFramingSniffingAndScriptsFromElsewhere() {
        Response page = given().get("/");
        String policy = page.header("Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("DENY", page.header("X-Frame-Options"));
    }
}
