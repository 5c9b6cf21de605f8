package io.newsarchive.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.ServedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The packaged app with no arguments: it serves, and ingests corpus/ on the first start of an empty catalog, being
 * ready only once that is done.
 */
class ServeCommandIT {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theFirstStartIngestsTheCorpusAndLaterStartsDoNot() throws Exception {
        Map<String, String> database = CatalogTestDatabase.freshDatabase();
        Map<String, String> corpus = Map.of(
                "catalog.startup-ingest.path",
                Path.of("corpus").toAbsolutePath().toString(),
                "catalog.admin.user",
                "admin",
                "catalog.admin.password",
                "an admin's long password");

        whileServing(database, corpus, () -> {
            JsonNode runs = get("/api/ingest-runs");
            assertEquals(1, runs.size(), runs.toString());
            JsonNode run = runs.get(0);
            assertEquals("startup", run.get("trigger").asText());
            assertEquals("completed", run.get("status").asText());
            assertEquals(2, run.at("/counts/added").asInt());
            JsonNode report = get("/api/ingest-runs/" + run.get("id").asText());
            assertEquals(
                    "corpus/000_28c74cb9421b98cb.txt",
                    report.at("/files/0/name").asText(),
                    "named from the folder configured, never the server's own folders");
            JsonNode article =
                    get("/api/articles/" + report.at("/files/0/article_id").asText());
            assertEquals(
                    Files.readAllLines(Path.of("corpus", "000_28c74cb9421b98cb.txt"))
                            .get(0)
                            .strip(),
                    article.get("headline").asText());
            assertEquals("dailymail.co.uk", article.get("domain").asText());
        });

        whileServing(
                database,
                corpus,
                () -> assertEquals(1, get("/api/ingest-runs").size(), "a catalog with articles is not ingested again"));
    }

    private interface Check {
        void run() throws Exception;
    }

    private ServedApp app;

    /** Starts the service, waits until it is ready, runs the check, and stops the service. */
    private void whileServing(Map<String, String> database, Map<String, String> overrides, Check check)
            throws Exception {
        try (ServedApp served = ServedApp.start(database, overrides, dir)) {
            app = served;
            check.run();
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = app.get(path, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }
}
