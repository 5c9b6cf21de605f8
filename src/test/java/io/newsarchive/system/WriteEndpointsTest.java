package io.newsarchive.system;

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

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.newsarchive.ingest.CorpusFiles.article;
import static io.newsarchive.ingest.CorpusFiles.uniqueUrl;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint that changes the catalog answers 401 without credentials (or with a wrong password) and 403 to a
 * role below the one it needs. The list below must name every such endpoint: a new one fails this test until it is
 * added with its role.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class WriteEndpointsTest {

    /** A write endpoint: the least role it needs, and what a valid request sends. */
    private record Endpoint(String role, UnaryOperator<RequestSpecification> body) {
    }

    private static final Map<String, Endpoint> WRITES = Map.of(
            "POST /api/ingest", new Endpoint(CatalogUser.ARCHIVIST, request -> request.multiPart("file", "x.txt",
                    article("Written", uniqueUrl(), "Body.").getBytes(StandardCharsets.UTF_8), "text/plain")));

    private static final String PASSWORD = "a long enough password";
    private static final String VIEWER = "viewer-" + UUID.randomUUID();
    private static final String ARCHIVIST = "archivist-" + UUID.randomUUID();

    @BeforeAll
    static void users() {
        QuarkusTransaction.requiringNew().run(() -> {
            CatalogUser.add(VIEWER, PASSWORD, CatalogUser.VIEWER);
            CatalogUser.add(ARCHIVIST, PASSWORD, CatalogUser.ARCHIVIST);
        });
    }

    @Test
    void theListNamesEveryWriteEndpoint() throws Exception {
        assertEquals(new TreeSet<>(WRITES.keySet()), writeEndpoints());
    }

    @Test
    void everyWriteEndpointWantsCredentialsAndItsRole() {
        WRITES.forEach((endpoint, write) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            assertEquals(401, write.body().apply(given()).request(method, path).statusCode(), endpoint + " anonymous");
            assertEquals(401, write.body().apply(given().auth().preemptive().basic(ARCHIVIST, "wrong"))
                    .request(method, path).statusCode(), endpoint + " with a wrong password");
            assertEquals(403, write.body().apply(given().auth().preemptive().basic(VIEWER, PASSWORD))
                    .request(method, path).statusCode(), endpoint + " as a viewer");
            String allowed = write.role().equals(CatalogUser.ARCHIVIST) ? ARCHIVIST : TestUsers.ADMIN;
            String password = allowed.equals(ARCHIVIST) ? PASSWORD : TestUsers.ADMIN_PASSWORD;
            int status = write.body().apply(given().auth().preemptive().basic(allowed, password)).request(method, path)
                    .statusCode();
            assertTrue(status < 300, endpoint + " as " + write.role() + ": " + status);
        });
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
                        found.add(write.getSimpleName() + " " + root.value().replaceAll("/$", "")
                                + (sub == null ? "" : "/" + sub.value().replaceAll("^/", "")));
                    }
                }
            }
        }
        return found;
    }
}
