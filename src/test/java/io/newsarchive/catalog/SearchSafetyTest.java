package io.newsarchive.catalog;

import io.newsarchive.system.CatalogConfig;
import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.catalog.CatalogFixtures.uniqueDomain;
import static io.newsarchive.testing.CorpusFiles.article;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hundreds of generated text queries (words, operators, quotes, exclusions, Unicode, too long, too many words)
 * against the API while an ingest, headline corrections and VACUUM run on the same database: the server's backends
 * never crash, no request outlasts the statement timeout by more than a margin, and every answer is a 200 or a 4xx
 * with a JSON error.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class SearchSafetyTest {

    private static final String[] WORDS = {
        "fiellquin",
        "gakiquin",
        "ionsuv",
        "russia",
        "troops",
        "kharkiv",
        "minister",
        "election",
        "happily",
        "report",
        "the",
        "and",
        "of",
        "a",
        "is",
        "not",
        "or",
        "OR",
        "Or",
        "москва",
        "войска",
        "北京",
        "名前",
        "ünï",
        "☃",
        "😀",
        "é",
        "ﬁnance",
        "straße",
        "ΑΘΗΝΑ",
        "مرحبا",
        "שלום",
        "can't",
        "o'clock",
        "x-ray",
        "e-mail",
        "3.14",
        "2022",
        "COVID-19",
        "u.s.",
        "hello@example.com",
        "https://example.com/a?b=c",
        "\\",
        "''",
        "'",
        "!",
        "&",
        "|",
        "<->",
        "<2>",
        ":*",
        "(",
        ")",
        "*",
        "%",
        "_",
        ";",
        "--",
        "/*",
        "*/",
        "$$",
        "\u0000x",
        "\u200b",
        "\ufeff",
        "\u0301",
        "select",
        "drop",
        "null",
        "true"
    };
    private static final String[] MODIFIERS = {"", "", "", "-", "\"", "(", "or ", "OR ", "-\"", "!", "+"};

    @Inject
    CatalogConfig config;

    @Test
    void noQueryCrashesTheDatabaseOrOutlastsTheTimeout() throws Exception {
        String domain = uniqueDomain();
        Random random = new Random(20261203);
        ingest(articles(random, domain, "s", 300));

        long timeoutMillis = config.browse().statementTimeout().toMillis();
        long marginMillis = 3000;
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService background = Executors.newFixedThreadPool(3);
        try (Connection watch = CatalogTestDatabase.connect()) {
            String started = one(watch, "select pg_postmaster_start_time()::text");
            long backendPid = Long.parseLong(one(watch, "select pg_backend_pid()::text"));
            List<Future<?>> work = List.of(
                    background.submit(() -> {
                        // an ingest of new articles in batches, as the pages and the API store them
                        Random r = new Random(1);
                        for (int batch = 0; !stop.get() && batch < 40; batch++) {
                            ingest(articles(r, domain, "n" + batch + "-", 25));
                        }
                        return null;
                    }),
                    background.submit(() -> {
                        // headline corrections that empty the postings of words and add others
                        try (Connection c = CatalogTestDatabase.connect();
                                PreparedStatement edit = c.prepareStatement("""
                                     update article set headline = ?, metadata_revision = metadata_revision + 1
                                     where id = (select a.id from article a join source s on s.id = a.source_id
                                                 where s.domain = ? order by random() limit 1)""")) {
                            Random r = new Random(2);
                            while (!stop.get()) {
                                edit.setString(1, sentence(r, 2 + r.nextInt(6)));
                                edit.setString(2, domain);
                                edit.executeUpdate();
                                Thread.sleep(5);
                            }
                        }
                        return null;
                    }),
                    background.submit(() -> {
                        try (Connection c = CatalogTestDatabase.connect();
                                Statement vacuum = c.createStatement()) {
                            while (!stop.get()) {
                                vacuum.execute("vacuum article");
                                Thread.sleep(200);
                            }
                        }
                        return null;
                    }));

            List<String> queries = queries(random, 400);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<String>> answers = new ArrayList<>();
            for (String query : queries) {
                answers.add(clients.submit(() -> ask(query, timeoutMillis + marginMillis)));
            }
            List<String> problems = new ArrayList<>();
            int ok = 0;
            for (Future<String> answer : answers) {
                String problem = answer.get(5, TimeUnit.MINUTES);
                if (problem == null) {
                    ok++;
                } else {
                    problems.add(problem);
                }
            }
            clients.shutdown();
            stop.set(true);
            for (Future<?> f : work) {
                f.get(2, TimeUnit.MINUTES);
            }

            assertEquals(
                    List.of(), problems.subList(0, Math.min(problems.size(), 5)), problems.size() + " bad answers");
            assertTrue(ok > 100, "most generated queries are answered (" + ok + ")");
            // a crashed backend makes PostgreSQL end every connection and restart
            assertEquals(
                    backendPid,
                    Long.parseLong(one(watch, "select pg_backend_pid()::text")),
                    "the connection opened before the queries survived them");
            assertEquals(started, one(watch, "select pg_postmaster_start_time()::text"));
        } finally {
            stop.set(true);
            background.shutdownNow();
        }
    }

    /** Null when the answer is as it should be, else what was wrong with it. */
    private static String ask(String query, long longestMillis) {
        long start = System.nanoTime();
        Response r = given().urlEncodingEnabled(false).get("/api/articles?" + query);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        String body = r.body().asString();
        boolean json = r.contentType().startsWith("application/json");
        String shown = query.substring(0, Math.min(query.length(), 160));
        if (millis > longestMillis) {
            return shown + ": took " + millis + " ms";
        }
        if (r.statusCode() == 200 && json && body.contains("\"items\"")) {
            return null;
        }
        if (r.statusCode() >= 400
                && r.statusCode() < 500
                && json
                && body.contains("\"error\"")
                && body.contains("\"message\"")) {
            return null;
        }
        return shown + ": " + r.statusCode() + " " + body.substring(0, Math.min(body.length(), 200));
    }

    private static List<String> queries(Random random, int count) {
        List<String> queries = new ArrayList<>();
        // the shapes the review tried, then random ones
        queries.add("q=" + encode("-fiellquin -gakiquin -ionsuv"));
        queries.add("q=" + encode("-russia"));
        queries.add("q=" + encode("the and of is a"));
        queries.add("q=" + encode(String.join(" ", Collections.nCopies(50, "russia"))));
        queries.add("q=" + encode(String.join(" or ", Collections.nCopies(60, "troops"))));
        queries.add("q=" + encode("\"" + sentence(random, 40) + "\""));
        queries.add("q=" + encode("x".repeat(500)));
        queries.add("q=" + encode("é".repeat(600)));
        while (queries.size() < count) {
            StringBuilder q = new StringBuilder();
            int terms = random.nextInt(10) == 0 ? 30 + random.nextInt(40) : 1 + random.nextInt(6);
            for (int i = 0; i < terms; i++) {
                q.append(MODIFIERS[random.nextInt(MODIFIERS.length)])
                        .append(WORDS[random.nextInt(WORDS.length)])
                        .append(random.nextInt(4) == 0 ? "\"" : "")
                        .append(' ');
            }
            StringBuilder query = new StringBuilder("q=").append(encode(q.toString()));
            switch (random.nextInt(6)) {
                case 0 -> query.append("&sort=-published");
                case 1 -> query.append("&sort=published&facets=false");
                case 2 -> query.append("&from=2021-06-01&to=2022-06-30");
                case 3 -> query.append("&limit=").append(1 + random.nextInt(200));
                default -> {}
            }
            queries.add(query.toString());
        }
        return queries;
    }

    private static String[] articles(Random random, String domain, String prefix, int count) {
        String[] files = new String[count];
        for (int i = 0; i < count; i++) {
            List<String> sentences = new ArrayList<>();
            for (int s = 0; s < 3 + random.nextInt(8); s++) {
                sentences.add(sentence(random, 5 + random.nextInt(15)) + ".");
            }
            files[i] = article(
                    sentence(random, 3 + random.nextInt(8)),
                    LocalDate.of(2021, 1, 1).plusDays(random.nextInt(700)),
                    "https://" + (i % 3) + "." + domain + "/" + prefix + i,
                    sentences.toArray(String[]::new));
        }
        return files;
    }

    private static String sentence(Random random, int words) {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            // no control characters in stored text: the parser would reject the file
            picked.add(word.chars().anyMatch(ch -> ch < 0x20) ? "plain" : word);
        }
        return String.join(" ", picked);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String one(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
