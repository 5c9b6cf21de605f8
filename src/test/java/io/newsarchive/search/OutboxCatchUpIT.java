package io.newsarchive.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.testing.CorpusFiles;
import io.newsarchive.testing.OpenSearchTestResource;
import io.newsarchive.testing.ServedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenSearch goes away after its index was built: ingest and corrections keep working on an instance that cannot
 * reach it, nothing is lost, and an instance that reaches it again brings the index up to date from the outbox.
 */
class OutboxCatchUpIT {

    private static final String USER = "admin";
    private static final String PASSWORD = "an admin's long password";

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void changesMadeWhileOpenSearchIsDownReachTheIndexWhenItReturns() throws Exception {
        Map<String, String> catalog = OpenSearchTestResource.freshCatalog();
        Map<String, String> database = new HashMap<>(catalog);
        database.keySet().removeIf(k -> k.startsWith("catalog.search"));
        Map<String, String> reachable = new HashMap<>(catalog);
        reachable.keySet().removeIf(k -> k.startsWith("quarkus."));
        reachable.putAll(Map.of(
                "catalog.startup-ingest.enabled",
                "false",
                "catalog.admin.user",
                USER,
                "catalog.admin.password",
                PASSWORD));
        Map<String, String> unreachable = new HashMap<>(reachable);
        unreachable.put("catalog.search.opensearch.url", "http://127.0.0.1:9");
        unreachable.put("catalog.search.opensearch.timeout", "PT2S");
        String word = "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");

        try (ServedApp app = ServedApp.start(database, reachable, dir)) {
            awaitCaughtUp(app);
        }
        long id;
        try (ServedApp app = ServedApp.start(database, unreachable, dir)) {
            id = ingest(
                    app,
                    CorpusFiles.article(
                            "While the index was away " + word,
                            LocalDate.of(2022, 5, 5),
                            "https://news.outage-test.org/away",
                            "A body."));
            assertEquals(1, get(app, "/api/articles?q=" + word).get("total").asInt(), "PostgreSQL answers");
            try (Connection c = connect(database);
                    ResultSet rs = c.createStatement()
                            .executeQuery("select count(*) from article_change where article_id = " + id)) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the change waits in the outbox");
            }
        }
        try (ServedApp app = ServedApp.start(database, reachable, dir)) {
            awaitCaughtUp(app);
            JsonNode found = get(app, "/api/articles?limit=1&q=" + word + " OR away");
            assertEquals(1, found.get("total").asInt());
            assertEquals(id, found.at("/items/0/id").asLong());
            assertTrue(found.at("/items/0/snippet").isTextual(), "OpenSearch marks the match: " + found);
            JsonNode health = get(app, "/q/health");
            assertTrue(health.toString().contains("\"degraded\":false"), health.toString());
        }
    }

    private void awaitCaughtUp(ServedApp app) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!get(app, "/q/health").toString().contains("\"index_lag_seconds\":0")) {
            assertTrue(Instant.now().isBefore(deadline), "the index does not catch up");
            Thread.sleep(200);
        }
        // one refresh interval more and it is searchable
        Thread.sleep(1500);
    }

    private long ingest(ServedApp app, String file) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"away.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/ingest"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body()).at("/files/0/article_id").asLong();
    }

    private JsonNode get(ServedApp app, String path) throws Exception {
        HttpResponse<String> response = app.get(path.replace(" ", "+"), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return json.readTree(response.body());
    }

    private static Connection connect(Map<String, String> database) throws Exception {
        return DriverManager.getConnection(
                database.get("quarkus.datasource.jdbc.url"),
                database.get("quarkus.datasource.username"),
                database.get("quarkus.datasource.password"));
    }
}
