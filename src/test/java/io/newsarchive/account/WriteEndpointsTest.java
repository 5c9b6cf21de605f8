package io.newsarchive.account;

import io.newsarchive.admin.AdminFixtures;
import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint that changes something answers 401 without credentials (or with a wrong password) and 403 to a
 * role below the one it needs; the admin pages' forms also need their session's CSRF token. The lists below must
 * name every such endpoint: a new one fails this test until it is added with its role.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class WriteEndpointsTest {

    /** A write endpoint: the least role it needs, a concrete path to call, and what a valid request sends. */
    private record Endpoint(Role role, Supplier<String> path, UnaryOperator<RequestSpecification> body) {}

    /** Scripts' endpoints, signed in with HTTP Basic. */
    private static final Map<String, Endpoint> API = Map.of(
            "POST /api/ingest",
            new Endpoint(Role.ARCHIVIST, () -> "/api/ingest", WriteEndpointsTest::oneFile),
            "POST /api/fixity/articles/{id}",
            new Endpoint(Role.ARCHIVIST, () -> "/api/fixity/articles/" + newArticle(), UnaryOperator.identity()),
            "POST /api/fixity",
            new Endpoint(Role.ARCHIVIST, () -> "/api/fixity", UnaryOperator.identity()));

    /** The forms of the admin pages and of a user's own pages, posted by a signed-in browser. */
    private static final Map<String, Endpoint> FORMS = Map.ofEntries(
            Map.entry(
                    "POST /admin/upload",
                    new Endpoint(Role.ARCHIVIST, () -> "/admin/upload", WriteEndpointsTest::oneFile)),
            Map.entry(
                    "POST /admin/runs/{id}/commit",
                    new Endpoint(
                            Role.ARCHIVIST,
                            () -> "/admin/runs/" + AdminFixtures.dryRun(article("To commit", uniqueUrl(), "Body."))
                                    + "/commit",
                            UnaryOperator.identity())),
            Map.entry(
                    "POST /admin/runs/{id}/retry",
                    new Endpoint(
                            Role.ARCHIVIST,
                            () -> "/admin/runs/" + AdminFixtures.dryRun(article("To retry", uniqueUrl(), "Body."))
                                    + "/retry",
                            UnaryOperator.identity())),
            Map.entry(
                    "POST /admin/articles/{id}/edit",
                    new Endpoint(
                            Role.ARCHIVIST,
                            () -> "/admin/articles/" + newArticle() + "/edit",
                            request -> request.formParam("headline", "Corrected")
                                    .formParam("published", "2024-01-02")
                                    .formParam("url", uniqueUrl())
                                    .formParam("reason", "test")
                                    .formParam("revision", "1"))),
            Map.entry(
                    "POST /admin/articles/{id}/withdraw",
                    new Endpoint(
                            Role.ARCHIVIST,
                            () -> "/admin/articles/" + newArticle() + "/withdraw",
                            request -> request.formParam("reason", "test").formParam("revision", "1"))),
            Map.entry(
                    "POST /admin/articles/{id}/restore",
                    new Endpoint(
                            Role.ARCHIVIST,
                            () -> "/admin/articles/" + newArticle() + "/restore",
                            request -> request.formParam("reason", "test").formParam("revision", "1"))),
            Map.entry(
                    "POST /admin/withdrawals",
                    new Endpoint(
                            Role.ARCHIVIST,
                            () -> "/admin/withdrawals",
                            request -> request.formParam("id", String.valueOf(newArticle()))
                                    .formParam("revision", "1")
                                    .formParam("reason", "test")
                                    .formParam("confirm", "true"))),
            Map.entry(
                    "POST /admin/users",
                    new Endpoint(
                            Role.ADMIN,
                            () -> "/admin/users",
                            request -> request.formParam("username", "new-" + UUID.randomUUID())
                                    .formParam("role", "viewer")
                                    .formParam("password", TestUsers.PASSWORD))),
            Map.entry(
                    "POST /admin/users/{id}/role",
                    new Endpoint(
                            Role.ADMIN,
                            () -> "/admin/users/" + newUserId() + "/role",
                            request -> request.formParam("role", "archivist"))),
            Map.entry(
                    "POST /admin/users/{id}/disable",
                    new Endpoint(
                            Role.ADMIN, () -> "/admin/users/" + newUserId() + "/disable", UnaryOperator.identity())),
            Map.entry(
                    "POST /admin/users/{id}/enable",
                    new Endpoint(
                            Role.ADMIN, () -> "/admin/users/" + newUserId() + "/enable", UnaryOperator.identity())),
            Map.entry(
                    "POST /admin/restore",
                    new Endpoint(
                            Role.ADMIN,
                            () -> "/admin/restore",
                            request -> request.multiPart("bag", "empty.bag.zip", new byte[0], "application/zip"))),
            Map.entry(
                    "POST /admin/runs/{id}/dismiss",
                    new Endpoint(
                            Role.ARCHIVIST,
                            () -> "/admin/runs/" + AdminFixtures.dryRun(article("To dismiss", uniqueUrl(), "Body."))
                                    + "/dismiss",
                            UnaryOperator.identity())),
            Map.entry(
                    "POST /admin/runs/{id}/undismiss",
                    new Endpoint(
                            Role.ARCHIVIST,
                            () -> "/admin/runs/" + AdminFixtures.dryRun(article("To put back", uniqueUrl(), "Body."))
                                    + "/undismiss",
                            UnaryOperator.identity())),
            Map.entry(
                    "POST /admin/collections",
                    new Endpoint(
                            Role.ARCHIVIST,
                            () -> "/admin/collections",
                            request -> request.formParam("name", "Collection " + UUID.randomUUID())
                                    .formParam("description", "")
                                    .formParam("sources", ""))),
            // an unknown collection's 404 comes after the checks of role and token
            Map.entry(
                    "POST /admin/collections/{slug}",
                    new Endpoint(
                            Role.ARCHIVIST,
                            () -> "/admin/collections/no-such-collection",
                            request -> request.formParam("name", "Renamed").formParam("description", ""))),
            Map.entry(
                    "POST /admin/collections/{slug}/sources",
                    new Endpoint(
                            Role.ARCHIVIST,
                            () -> "/admin/collections/no-such-collection/sources",
                            request -> request.formParam("sources", "example.com"))),
            Map.entry(
                    "POST /admin/collections/{slug}/sources/remove",
                    new Endpoint(
                            Role.ARCHIVIST,
                            () -> "/admin/collections/no-such-collection/sources/remove",
                            request -> request.formParam("host", "example.com"))),
            Map.entry(
                    "POST /admin/collections/{slug}/delete",
                    new Endpoint(
                            Role.ARCHIVIST,
                            () -> "/admin/collections/no-such-collection/delete",
                            request -> request.formParam("confirm", "true"))),
            // an unknown pair's 404 comes after the checks of role and token
            Map.entry(
                    "POST /admin/near-copies/{article}/{copy}",
                    new Endpoint(
                            Role.ARCHIVIST,
                            () -> "/admin/near-copies/999999998/999999999",
                            request -> request.formParam("seen", "undecided").formParam("decision", "different"))),
            // anyone signed in keeps saved searches; another user's (or no) saved search is a 404 after the checks
            Map.entry(
                    "POST /saved-searches",
                    new Endpoint(
                            Role.VIEWER,
                            () -> "/saved-searches",
                            request -> request.formParam("name", "Saved").formParam("query", "q=saved"))),
            Map.entry(
                    "POST /saved-searches/{id}/rename",
                    new Endpoint(
                            Role.VIEWER,
                            () -> "/saved-searches/999999999/rename",
                            request -> request.formParam("name", "Renamed"))),
            Map.entry(
                    "POST /saved-searches/{id}/delete",
                    new Endpoint(Role.VIEWER, () -> "/saved-searches/999999999/delete", UnaryOperator.identity())),
            Map.entry(
                    "POST /admin/users/{id}/password",
                    new Endpoint(
                            Role.ADMIN,
                            () -> "/admin/users/" + newUserId() + "/password",
                            request -> request.formParam("password", "another long password"))));

    /**
     * Open to anyone by design: signing in, signing out (which needs the session's token when there is one), and
     * OAI-PMH requests, which the protocol lets harvesters POST as forms and which change nothing.
     */
    private static final Set<String> PUBLIC = Set.of("POST /signin", "POST /signout", "POST /oai");

    private static String viewer;
    private static String archivist;

    @BeforeAll
    static void users() {
        viewer = TestUsers.newUser(Role.VIEWER);
        archivist = TestUsers.newUser(Role.ARCHIVIST);
    }

    @Test
    void theListsNameEveryWriteEndpoint() throws Exception {
        TreeSet<String> listed = new TreeSet<>(API.keySet());
        listed.addAll(FORMS.keySet());
        listed.addAll(PUBLIC);
        assertEquals(listed, writeEndpoints());
    }

    @Test
    void everyApiEndpointWantsCredentialsAndItsRole() {
        API.forEach((endpoint, write) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = write.path().get();
            assertEquals(401, write.body().apply(given()).request(method, path).statusCode(), endpoint + " anonymous");
            assertEquals(
                    401,
                    write.body()
                            .apply(given().auth().preemptive().basic(archivist, "wrong"))
                            .request(method, path)
                            .statusCode(),
                    endpoint + " with a wrong password");
            assertEquals(
                    403,
                    write.body()
                            .apply(given().auth().preemptive().basic(viewer, TestUsers.PASSWORD))
                            .request(method, path)
                            .statusCode(),
                    endpoint + " as a viewer");
            int status = write.body()
                    .apply(given().auth().preemptive().basic(userWith(write.role()), passwordOf(write.role())))
                    .request(method, path)
                    .statusCode();
            assertTrue(status < 300, endpoint + " as " + write.role() + ": " + status);
        });
    }

    @Test
    void everyFormWantsASessionItsRoleAndItsToken() {
        TestUsers.BrowserSession asViewer = TestUsers.signIn(viewer, TestUsers.PASSWORD);
        FORMS.forEach((endpoint, write) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = write.path().get();
            TestUsers.BrowserSession allowed = TestUsers.signIn(userWith(write.role()), passwordOf(write.role()));
            assertEquals(
                    401,
                    write.body()
                            .apply(given().redirects().follow(false))
                            .request(method, path)
                            .statusCode(),
                    endpoint + " anonymous");
            if (write.role() == Role.ADMIN) {
                TestUsers.BrowserSession asArchivist = TestUsers.signIn(archivist, TestUsers.PASSWORD);
                assertEquals(
                        403,
                        write.body()
                                .apply(asArchivist.request().formParam("csrf", asArchivist.csrf()))
                                .request(method, path)
                                .statusCode(),
                        endpoint + " as an archivist");
            }
            if (write.role() != Role.VIEWER) {
                assertEquals(
                        403,
                        write.body()
                                .apply(asViewer.request().formParam("csrf", asViewer.csrf()))
                                .request(method, path)
                                .statusCode(),
                        endpoint + " as a viewer");
            }
            assertEquals(
                    403,
                    write.body().apply(allowed.request()).request(method, path).statusCode(),
                    endpoint + " without the form token");
            assertEquals(
                    403,
                    write.body()
                            .apply(allowed.request().formParam("csrf", asViewer.csrf()))
                            .request(method, path)
                            .statusCode(),
                    endpoint + " with another session's form token");
            int status = write.body()
                    .apply(allowed.request().formParam("csrf", allowed.csrf()))
                    .request(method, path)
                    .statusCode();
            assertNotEquals(401, status, endpoint + " as " + write.role());
            assertNotEquals(403, status, endpoint + " as " + write.role());
            assertTrue(status < 500, endpoint + " as " + write.role() + ": " + status);
        });
    }

    private static long newArticle() {
        return CatalogFixtures.ingest(article("To change", uniqueUrl(), "Body."))
                .get(0);
    }

    private static long newUserId() {
        String name = TestUsers.newUser(Role.VIEWER);
        return QuarkusTransaction.requiringNew()
                .call(() -> CatalogUser.named(name).orElseThrow().id);
    }

    private static RequestSpecification oneFile(RequestSpecification request) {
        return request.multiPart(
                "file",
                "x.txt",
                article("Written", uniqueUrl(), "Body.").getBytes(StandardCharsets.UTF_8),
                "text/plain");
    }

    private static String userWith(Role role) {
        return switch (role) {
            case VIEWER -> viewer;
            case ARCHIVIST -> archivist;
            case ADMIN -> TestUsers.ADMIN;
        };
    }

    private static String passwordOf(Role role) {
        return role == Role.ADMIN ? TestUsers.ADMIN_PASSWORD : TestUsers.PASSWORD;
    }

    /** "METHOD /path" of every resource method of the app (compiled to target/classes) that may change something. */
    private static TreeSet<String> writeEndpoints() throws IOException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        List<java.nio.file.Path> files;
        try (Stream<java.nio.file.Path> walk = Files.walk(classes.resolve("io/newsarchive"))) {
            files = walk.filter(f -> f.toString().endsWith(".class")).toList();
        }
        TreeSet<String> found = new TreeSet<>();
        for (java.nio.file.Path file : files) {
            String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
            Path root = type.getAnnotation(Path.class);
            for (Method method : root == null ? new Method[0] : type.getDeclaredMethods()) {
                for (Class<? extends Annotation> write : List.of(POST.class, PUT.class, DELETE.class, PATCH.class)) {
                    if (method.isAnnotationPresent(write)) {
                        Path sub = method.getAnnotation(Path.class);
                        String joined = root.value().replaceAll("/$", "")
                                + (sub == null ? "" : "/" + sub.value().replaceAll("^/", ""));
                        found.add(write.getSimpleName() + " " + (joined.isEmpty() ? "/" : joined));
                    }
                }
            }
        }
        return found;
    }
}
