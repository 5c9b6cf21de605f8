package io.newsarchive.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.testing.AppProcess;
import io.newsarchive.testing.CorpusFiles;
import io.newsarchive.testing.OpenSearchTestResource;
import io.newsarchive.testing.ServedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One catalog served three ways at once: two instances searching with OpenSearch and one on PostgreSQL alone.
 * For the same data and queries they find the same articles, with the same totals, facets and export contents
 * (relevance orders may differ; date orders may not). The OpenSearch instances answer in turns, and a change made
 * while they run reaches their index through the outbox.
 */
class EngineComparisonIT {

    private static final String[] WORDS = {
        "troops", "troop", "border", "talks", "minister", "running", "runs", "happily", "sanctions", "ukraine",
        "russia's", "well-known", "e-mail", "gas", "pipeline", "winter", "election", "court", "ruling", "market"
    };
    private static final String[] FILLER = {"the", "a", "of", "and", "said", "was", "in", "on", "with", "it's"};

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void bothEnginesFindTheSameArticles() throws Exception {
        Map<String, String> catalog = OpenSearchTestResource.freshCatalog();
        Map<String, String> database = new HashMap<>(catalog);
        database.keySet().removeIf(k -> k.startsWith("catalog.search"));
        Map<String, String> search = new HashMap<>(catalog);
        search.keySet().removeIf(k -> !k.startsWith("catalog.search"));

        Path corpus = dir.resolve("corpus");
        writeCorpus(corpus, 400);
        assertEquals(
                0,
                AppProcess.exitOf(
                        AppProcess.start(database, Map.of(), dir.resolve("ingest.log"), "ingest", corpus.toString())));
        sql(database, "update article set status = 'withdrawn', withdrawn_reason = 'test' where id % 17 = 0");

        Map<String, String> quiet = Map.of("catalog.startup-ingest.enabled", "false");
        Map<String, String> withSearch = new HashMap<>(search);
        withSearch.putAll(quiet);
        try (ServedApp postgres = ServedApp.start(database, quiet, dir);
                ServedApp first = ServedApp.start(database, withSearch, dir);
                ServedApp second = ServedApp.start(database, withSearch, dir)) {
            // a change while the indexers run reaches the index through the outbox
            sql(database, "update article set headline = headline || ' pipeline' where id % 10 = 3");
            awaitIndex(first);
            awaitIndex(second);

            List<ServedApp> engines = List.of(first, second);
            int turn = 0;
            for (String query : queries()) {
                ServedApp opensearch = engines.get(turn++ % 2);
                JsonNode expected = firstPage(postgres, query);
                JsonNode actual = firstPage(opensearch, query);
                assertEquals(expected.get("total"), actual.get("total"), "total of " + query);
                assertEquals(facets(expected), facets(actual), "facets of " + query);
                assertEquals(expected.get("facet_sources"), actual.get("facet_sources"), "sources of " + query);
                assertEquals(
                        allIds(postgres, query, "-published"),
                        allIds(opensearch, query, "-published"),
                        "newest first, page by page: " + query);
                assertEquals(
                        allIds(postgres, query, "published"),
                        allIds(opensearch, query, "published"),
                        "oldest first: " + query);
                assertEquals(
                        allIds(postgres, query, "source"), allIds(opensearch, query, "source"), "by source: " + query);
                assertEquals(
                        allIds(postgres, query, "-words"),
                        allIds(opensearch, query, "-words"),
                        "longest first: " + query);
                List<Long> ranked = allIds(opensearch, query, null);
                List<Long> byDate = allIds(postgres, query, "-published");
                assertEquals(
                        new TreeMap<>(count(byDate)),
                        new TreeMap<>(count(ranked)),
                        "ranked pages hold each match once: " + query);
                assertEquals(export(postgres, query), export(opensearch, query), "export of " + query);
            }

            // a rebuild while both serve: searches move to the new index when it is complete, the old one goes
            String before = get(first, "/api/articles?q=troops").get("total").asText();
            Process rebuild = AppProcess.start(database, search, dir.resolve("rebuild.log"), "search-index", "rebuild");
            assertEquals(0, AppProcess.exitOf(rebuild), Files.readString(dir.resolve("rebuild.log")));
            assertTrue(Files.readString(dir.resolve("rebuild.log")).contains("searches read it now"));
            assertEquals(
                    before, get(second, "/api/articles?q=troops").get("total").asText());
            assertTrue(scored(second), "OpenSearch answers from the new index");
        }
    }

    private static List<String> queries() {
        List<String> queries = new ArrayList<>();
        for (String q : List.of(
                "troops",
                "troop border",
                "\"border talks\"",
                "running OR happily",
                "sanctions -winter",
                "-ukraine -gas",
                "sanctions --winter",
                "troops - border",
                "russia's",
                "well-known",
                "e-mail",
                "the minister",
                "\"it's a\" court",
                "pipeline OR ruling -market",
                "\"pipeline ruling\"")) {
            queries.add("q=" + q);
            queries.add("q=" + q + "&status=all&all_versions=true");
            queries.add("q=" + q + "&from=2022-03-01&to=2022-06-30&source=example-b.co.uk");
            queries.add("q=" + q + "&status=withdrawn&source=news.example-a.com&source=example-c.org");
        }
        return queries;
    }

    /** Articles on five hosts over eighteen months, some revised, with words that stem and stop alike. */
    private static void writeCorpus(Path corpus, int count) throws Exception {
        Random random = new Random(13);
        String[] hosts = {
            "news.example-a.com", "sport.example-a.com", "www.example-b.co.uk", "example-c.org", "blog.example-d.net"
        };
        for (int i = 0; i < count; i++) {
            String url = "https://" + hosts[i % hosts.length] + "/story/" + (i % 350);
            LocalDate published = LocalDate.of(2021, 10, 1).plusDays(random.nextInt(540));
            List<String> sentences = new ArrayList<>();
            for (int s = 0; s < 2 + random.nextInt(6); s++) {
                sentences.add(sentence(random) + ".");
            }
            String content = CorpusFiles.article(sentence(random), published, url, sentences.toArray(String[]::new));
            CorpusFiles.write(corpus, String.format("%04d_compare.txt", i), content);
        }
    }

    private static String sentence(Random random) {
        StringBuilder s = new StringBuilder("Report");
        for (int w = 0; w < 4 + random.nextInt(8); w++) {
            String[] from = random.nextInt(3) == 0 ? FILLER : WORDS;
            s.append(' ').append(from[random.nextInt(from.length)]);
        }
        return s.toString();
    }

    /** Waits until the instance's index holds every change and OpenSearch answers it. */
    private void awaitIndex(ServedApp app) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            JsonNode health = get(app, "/q/health");
            JsonNode data = null;
            for (JsonNode check : health.get("checks")) {
                if (check.get("name").asText().equals("search")) {
                    data = check.get("data");
                }
            }
            if (data != null
                    && data.path("index_lag_seconds").asLong(-1) == 0
                    && !data.path("degraded").asBoolean(true)
                    && scored(app)) {
                // written and measured; one refresh interval more and it is searchable
                Thread.sleep(1500);
                return;
            }
            assertTrue(Instant.now().isBefore(deadline), "the index did not catch up: " + health);
            Thread.sleep(250);
        }
    }

    /** Whether OpenSearch answers the instance's text searches (its relevance cursors hold scores). */
    private boolean scored(ServedApp app) throws Exception {
        String cursor = get(app, "/api/articles?limit=1&facets=false&q=report")
                .path("next_cursor")
                .asText("");
        return !cursor.isEmpty()
                && new String(java.util.Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                        .split("\\|")[3].startsWith("s");
    }

    private JsonNode firstPage(ServedApp app, String query) throws Exception {
        return get(app, "/api/articles?limit=5&" + encoded(query));
    }

    private List<Long> allIds(ServedApp app, String query, String sort) throws Exception {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(
                    app,
                    "/api/articles?limit=37&facets=false&" + encoded(query) + (sort == null ? "" : "&sort=" + sort)
                            + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
            cursor = page.path("next_cursor").isTextual()
                    ? page.get("next_cursor").asText()
                    : null;
        } while (cursor != null);
        return ids;
    }

    private static Map<Long, Integer> count(List<Long> ids) {
        Map<Long, Integer> counts = new HashMap<>();
        ids.forEach(id -> counts.merge(id, 1, Integer::sum));
        return counts;
    }

    private static Map<String, Map<String, Long>> facets(JsonNode page) {
        Map<String, Map<String, Long>> facets = new TreeMap<>();
        page.get("facets").fields().forEachRemaining(facet -> {
            Map<String, Long> values = new TreeMap<>();
            facet.getValue()
                    .forEach(v ->
                            values.put(v.get("value").asText(), v.get("count").asLong()));
            facets.put(facet.getKey(), values);
        });
        return facets;
    }

    private String export(ServedApp app, String query) throws Exception {
        HttpResponse<String> response =
                app.get("/api/export?format=csv&" + encoded(query), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private JsonNode get(ServedApp app, String path) throws Exception {
        HttpResponse<String> response = app.get(path, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return json.readTree(response.body());
    }

    private static String encoded(String query) {
        StringBuilder out = new StringBuilder();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.append(out.length() == 0 ? "" : "&")
                    .append(pair, 0, eq + 1)
                    .append(URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static void sql(Map<String, String> database, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        database.get("quarkus.datasource.jdbc.url"),
                        database.get("quarkus.datasource.username"),
                        database.get("quarkus.datasource.password"));
                Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }
}
