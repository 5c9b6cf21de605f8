package io.newsarchive.testing;

import io.newsarchive.account.CatalogUser;
import io.newsarchive.account.Role;
import io.newsarchive.account.Sessions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Users of the tests: the first admin of the test profile ({@code %test.catalog.admin.*}) and new ones. */
public final class TestUsers {

    public static final String ADMIN = "test-admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String PASSWORD = "a long enough password";

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");
    private static final Pattern NEXT = Pattern.compile("name=\"next\" value=\"([^\"]*)\"");

    private TestUsers() {}

    /** Requests signed in with HTTP Basic as the first admin. */
    public static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    /** A new user with {@link #PASSWORD}; returns their name. */
    public static String newUser(Role role) {
        String name = role + "-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> CatalogUser.add(name, PASSWORD, role));
        return name;
    }

    /** A browser session: its cookie, and the token its forms carry. */
    public record BrowserSession(String cookie, String csrf) {

        public RequestSpecification request() {
            return given().redirects().follow(false).cookie(Sessions.COOKIE, cookie);
        }
    }

    /** Signs in with the form, as a browser does. */
    public static BrowserSession signIn(String username, String password) {
        Response form = given().get("/signin");
        Response signedIn = postSignIn(form, username, password);
        assertEquals(
                303,
                signedIn.statusCode(),
                "signing in as " + username + ": " + signedIn.body().asString());
        String cookie = signedIn.cookie(Sessions.COOKIE);
        assertNotNull(cookie);
        String page = given().cookie(Sessions.COOKIE, cookie).get("/").body().asString();
        Matcher csrf = CSRF.matcher(page);
        assertTrue(csrf.find(), "the signed-in page carries the session's form token");
        return new BrowserSession(cookie, csrf.group(1));
    }

    /** Posts the sign-in form that {@code form} (a GET of /signin) rendered. */
    public static Response postSignIn(Response form, String username, String password) {
        String html = form.body().asString();
        Matcher token = FORM_TOKEN.matcher(html);
        Matcher next = NEXT.matcher(html);
        assertTrue(token.find() && next.find(), "the sign-in form carries a form token and where to go next");
        return given().redirects()
                .follow(false)
                .cookies(form.cookies())
                .contentType("application/x-www-form-urlencoded")
                .formParam("username", username)
                .formParam("password", password)
                .formParam("form_token", token.group(1))
                .formParam("next", next.group(1).replace("&amp;", "&"))
                .post("/signin");
    }
}
