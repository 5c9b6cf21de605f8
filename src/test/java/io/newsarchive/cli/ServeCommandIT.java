package io.newsarchive.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.system.AppProcess;
import io.newsarchive.system.CatalogTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged app with no arguments: it serves, and ingests corpus/ on the first start of an empty catalog, being
 * ready only once that is done.
 */
class ServeCommandIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theFirstStartIngestsTheCorpusAndLaterStartsDoNot() throws Exception {
        Map<String, String> database = CatalogTestDatabase.freshDatabase();
        Map<String, String> corpus = Map.of("catalog.startup-ingest.path", Path.of("corpus").toAbsolutePath().toString());

        whileServing(database, corpus, () -> {
            JsonNode runs = get("/api/ingest-runs");
            assertEquals(1, runs.size(), runs.toString());
            JsonNode run = runs.get(0);
            assertEquals("startup", run.get("trigger").asText());
            assertEquals("completed", run.get("status").asText());
            assertEquals(2, run.at("/counts/added").asInt());
            JsonNode report = get("/api/ingest-runs/" + run.get("id").asText());
            JsonNode article = get("/api/articles/" + report.at("/files/0/article_id").asText());
            assertEquals(Files.readAllLines(Path.of("corpus", "000_28c74cb9421b98cb.txt")).get(0).strip(),
                    article.get("headline").asText());
            assertEquals("dailymail.co.uk", article.get("domain").asText());
        });

        whileServing(database, corpus, () ->
                assertEquals(1, get("/api/ingest-runs").size(), "a catalog with articles is not ingested again"));
    }

    private interface Check {
        void run() throws Exception;
    }

    private int port;

    /** Starts the service, waits until it is ready, runs the check, and stops the service. */
    private void whileServing(Map<String, String> database, Map<String, String> overrides, Check check) throws Exception {
        port = freePort();
        ProcessBuilder builder = AppProcess.builder(database, overrides).redirectErrorStream(true)
                .redirectOutput(dir.resolve("serve-" + port + ".log").toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        Process serve = builder.start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (true) {
                try {
                    if (status("/q/health/ready") == 200) {
                        check.run();
                        return;
                    }
                } catch (ConnectException e) {
                    assertTrue(serve.isAlive(), "the service is running: " + Files.readString(dir.resolve("serve-" + port + ".log")));
                }
                assertTrue(Instant.now().isBefore(deadline), "the service answers within a minute");
                Thread.sleep(200);
            }
        } finally {
            serve.destroy();
            AppProcess.exitOf(serve);
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private int status(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
