package io.newsarchive.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run's OpenSearch node answers, is healthy, and has the English analysis the catalog's mapping uses. */
class OpenSearchNodeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theNodeIsHealthyAndStemsEnglish() throws IOException, InterruptedException {
        String url = OpenSearchNode.url();
        assertEquals(url, OpenSearchNode.url(), "one node per JVM");

        JsonNode health = send(HttpRequest.newBuilder(URI.create(url + "/_cluster/health")));
        assertTrue(Set.of("green", "yellow").contains(health.get("status").asText()), health.toString());

        JsonNode analyzed = send(HttpRequest.newBuilder(URI.create(url + "/_analyze"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"analyzer\": \"english\", \"text\": \"troops\"}")));
        assertEquals(List.of("troop"), analyzed.findValuesAsText("token"), analyzed.toString());
    }

    @Test
    void everyCatalogGetsAnAliasOfItsOwn() {
        String first = OpenSearchNode.freshIndexName();
        String second = OpenSearchNode.freshIndexName();
        assertNotEquals(first, second);
        assertTrue(first.matches("catalog_test_" + ProcessHandle.current().pid() + "_\\d+"), first);
        assertEquals(OpenSearchTestResource.sharedIndex(), OpenSearchTestResource.sharedIndex());
    }

    private static JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response =
                HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
