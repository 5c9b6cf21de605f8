package io.newsarchive.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.testing.AppProcess;
import io.newsarchive.testing.CorpusFiles;
import io.newsarchive.testing.PrivatePostgres;
import io.newsarchive.testing.ServedApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged app while its database is stopped, hung or restarted, on a private PostgreSQL cluster: clear answers
 * within seconds (503, health DOWN, CLI exit 2 with one line), the reason of a failed run kept, and recovery
 * without a restart of the service.
 */
class DatabaseOutageIT {

    /** Longest an answer may take while the database is away or hung (the settings allow about 7 s). */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);

    private static final Duration HUNG_FOR = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private PrivatePostgres pg;
    private Map<String, String> overrides;

    @BeforeEach
    void cluster() throws Exception {
        pg = PrivatePostgres.start();
        overrides = Map.of(
                "catalog.startup-ingest.enabled",
                "false",
                "catalog.admin.user",
                "admin",
                "catalog.admin.password",
                "an admin's long password",
                "catalog.ingest.pending-failures-directory",
                dir.resolve("pending").toString(),
                "catalog.uploads.directory",
                dir.resolve("uploads").toString());
    }

    @AfterEach
    void dropCluster() throws Exception {
        pg.close();
    }

    @Test
    void aHungDatabaseGetsClearAnswersWithinSeconds() throws Exception {
        try (ServedApp app = ServedApp.start(pg.datasource(), overrides, dir)) {
            // several pooled connections, each used once; /api/articles/1 (none yet) is read through Hibernate
            List<Callable<String>> requests = List.of(
                    () -> status(app, "/api/articles"),
                    () -> status(app, "/api/articles/1"),
                    () -> status(app, "/q/health/ready"),
                    () -> status(app, "/"),
                    () -> health(app));
            assertEquals(
                    List.of("200", "404", "200", "200", "UP"), values(inParallel(requests, Duration.ofSeconds(30))));

            pg.hang();
            long hungAt = System.nanoTime();
            List<Timed> first;
            List<Timed> second;
            try {
                List<Callable<String>> withCli = new ArrayList<>(requests);
                withCli.add(this::cliExit);
                first = inParallel(withCli, HUNG_FOR);
                // and again, on the pool the first answers left
                second = inParallel(requests, HUNG_FOR);
                Thread.sleep(
                        Math.max(0, HUNG_FOR.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - hungAt)));
            } finally {
                pg.resume();
            }

            for (Timed answer : first) {
                assertTrue(
                        answer.took().compareTo(ANSWER_WITHIN) < 0, "answered within " + ANSWER_WITHIN + ": " + first);
            }
            for (Timed answer : second) {
                assertTrue(
                        answer.took().compareTo(ANSWER_WITHIN) < 0, "answered within " + ANSWER_WITHIN + ": " + second);
            }
            assertEquals(List.of("503", "503", "503", "503", "DOWN", "2"), values(first), first.toString());
            assertEquals(List.of("503", "503", "503", "503", "DOWN"), values(second), second.toString());
            Duration recovery = untilOk(app, "/api/articles");
            System.out.printf(
                    "DatabaseOutageIT: during a 30 s hang the answers took %s and %s; the service answered"
                            + " again %d ms after SIGCONT%n",
                    first, second, recovery.toMillis());
        }
    }

    @Test
    void aDatabaseStoppedDuringAnIngestFailsTheRunWithItsReasonAndTheServiceRecovers() throws Exception {
        for (int i = 0; i < 2000; i++) {
            CorpusFiles.write(
                    dir,
                    String.format("in/f_%05d.txt", i),
                    article(
                            "Story " + i,
                            uniqueUrl(),
                            "The delegations met again on Thursday.",
                            "They agreed to continue the talks " + i + "."));
        }
        Map<String, String> smallBatches = new HashMap<>(overrides);
        smallBatches.put("catalog.ingest.batch-files", "20");
        try (ServedApp app = ServedApp.start(pg.datasource(), overrides, dir)) {
            Process cli = cli(smallBatches, "ingest", dir.resolve("in").toString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (count("select count(*) from ingest_file") < 100 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long run = count("select max(id) from ingest_run");

            pg.stop("fast");

            assertEquals(2, AppProcess.exitOf(cli), output(cli));
            List<String> said = saidOnStderr();
            assertEquals(1, said.size(), "one line on stderr besides progress: " + said);
            assertTrue(said.get(0).startsWith("catalog ingest: ingest run " + run + " failed"), said.get(0));
            assertEquals("", Files.readString(dir.resolve("cli.out")), "no log line on stdout");
            assertEquals(503, timedStatus(app, "/q/health/ready"));
            assertEquals("DOWN", health(app));
            assertEquals(503, timedStatus(app, "/api/articles"));

            pg.begin();
            Duration recovery = untilOk(app, "/api/articles");
            System.out.printf(
                    "DatabaseOutageIT: after a stop during an ingest the service answered again %d ms after"
                            + " the database started%n",
                    recovery.toMillis());
            // reading never writes: the service's schedule (every 10 s) records the reason that waited in a file
            JsonNode report;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            do {
                Thread.sleep(500);
                report = json.readTree(app.get("/api/ingest-runs/" + run, HttpResponse.BodyHandlers.ofString())
                        .body());
            } while (!report.at("/run/status").asText().equals("failed") && System.nanoTime() < until);
            assertEquals("failed", report.at("/run/status").asText(), report.toString());
            assertFalse(report.at("/run/error").asText().isBlank(), "the run says why: " + report);
            assertEquals(200, timedStatus(app, "/q/health/ready"));
        }
    }

    @Test
    void theFirstRequestsAfterADatabaseRestartSucceedOrGet503() throws Exception {
        long article = ingestSome(3);
        try (ServedApp app = ServedApp.start(pg.datasource(), overrides, dir)) {
            List<Callable<String>> requests = List.of(
                    () -> status(app, "/api/articles"),
                    () -> status(app, "/api/articles/" + article),
                    () -> status(app, "/api/sources"),
                    () -> status(app, "/articles/" + article),
                    () -> status(app, "/api/ingest-runs"),
                    () -> status(app, "/"));
            inParallel(requests, Duration.ofSeconds(30));

            pg.stop("fast");
            assertEquals(503, timedStatus(app, "/q/health/ready"), "DOWN while the database is away");
            assertEquals("DOWN", health(app));
            pg.begin();

            List<Timed> answers = inParallel(requests, Duration.ofSeconds(30));
            for (Timed answer : answers) {
                assertTrue(
                        answer.value().equals("200") || answer.value().equals("503"),
                        "200 or 503 for each of /api/articles, /api/articles/{id}, /api/sources, /articles/{id},"
                                + " /api/ingest-runs and /: " + answers);
            }
            System.out.printf(
                    "DatabaseOutageIT: after a restart while idle the service answered again %d ms after"
                            + " the database started%n",
                    untilOk(app, "/api/articles").toMillis());
        }
    }

    @Test
    void anExportCutByTheDatabaseBreaksTheTransferEveryTime() throws Exception {
        String sentence = "Negotiators from both delegations met again on Thursday and agreed on a further round. ";
        for (int i = 0; i < 400; i++) {
            CorpusFiles.write(
                    dir,
                    String.format("big/b_%04d.txt", i),
                    article(
                            "Long story " + i,
                            uniqueUrl(),
                            (sentence + i + " ").repeat(1000).strip()));
        }
        assertEquals(0, exitOf(cli(overrides, "ingest", dir.resolve("big").toString())));
        List<String> formats = List.of("csv&include_body=true", "jsonl&include_body=true", "json&include_body=true");
        // The kernel may grow a socket's receive window to 32 MiB, enough to hold the whole export: then the
        // database would have sent everything before the cut. A fixed window keeps the rest in the database.
        Map<String, String> smallWindow = new HashMap<>(overrides);
        smallWindow.put("quarkus.datasource.jdbc.additional-jdbc-properties.receiveBufferSize", "65536");
        try (ServedApp app = ServedApp.start(pg.datasource(), smallWindow, dir)) {
            // the cut at other moments, by a fast and an immediate stop, for a client that reads slowly or at once
            for (int cut = 0; cut < 24; cut++) {
                String format = formats.get(cut % formats.size());
                String body = cutExport(app, format, cut % 2 == 0 ? "fast" : "immediate", cut % 4 < 2, cut * 150L);
                String what = format + ", cut " + cut;
                assertFalse(body.contains("end of export"), what + ": no end line");
                assertFalse(body.endsWith("0\r\n\r\n"), what + ": no clean end of the chunked response");
                assertFalse(body.contains("\"error\""), what + ": no error answer after the rows");
                pg.begin();
                Duration recovery = untilOk(app, "/api/export?format=jsonl");
                System.out.printf(
                        "DatabaseOutageIT: after a stop during an export (%s) the service answered again"
                                + " %d ms after the database started%n",
                        what, recovery.toMillis());
            }
        }
    }

    /** Starts an export, stops the database after {@code afterMillis}, and returns all the client got. */
    private String cutExport(ServedApp app, String format, String stopMode, boolean slowly, long afterMillis)
            throws Exception {
        try (Socket socket = new Socket()) {
            // a small window, so that the export waits on this client rather than on the database
            socket.setReceiveBufferSize(8192);
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", app.port()));
            socket.getOutputStream()
                    .write(("GET /api/export?format=" + format + " HTTP/1.1\r\nHost: localhost"
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            received.write(in.readNBytes(64 * 1024));
            assertTrue(received.toString(StandardCharsets.UTF_8).startsWith("HTTP/1.1 200"), received.toString());
            Thread.sleep(afterMillis);
            pg.stop(stopMode);
            socket.setSoTimeout(30_000);
            byte[] chunk = new byte[32 * 1024];
            try {
                for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                    received.write(chunk, 0, n);
                    if (slowly) {
                        Thread.sleep(15); // about 2 MB/s
                    }
                }
            } catch (IOException e) {
                // a reset is one way to break the transfer
            }
            assertTrue(received.size() < 400 * 90_000, "cut short: " + received.size() + " bytes");
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    private record Timed(String value, Duration took) {}

    /** Runs the calls at once; each is timed, and one still running after {@code limit} counts as "hung". */
    private static List<Timed> inParallel(List<Callable<String>> calls, Duration limit) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            long start = System.nanoTime();
            List<Future<Timed>> futures = new ArrayList<>();
            for (Callable<String> call : calls) {
                futures.add(pool.submit(() -> new Timed(call.call(), Duration.ofNanos(System.nanoTime() - start))));
            }
            List<Timed> answers = new ArrayList<>();
            for (Future<Timed> f : futures) {
                long left = limit.toNanos() - (System.nanoTime() - start);
                try {
                    answers.add(f.get(Math.max(left, 0), TimeUnit.NANOSECONDS));
                } catch (java.util.concurrent.TimeoutException e) {
                    answers.add(new Timed("hung", limit));
                }
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> values(List<Timed> answers) {
        return answers.stream().map(Timed::value).toList();
    }

    /** Readiness as a load balancer asks for it, without credentials: UP, DOWN, or the status of anything else. */
    private String health(ServedApp app) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String status = json.readTree(response.body()).path("status").asText();
        return response.statusCode() == (status.equals("UP") ? 200 : 503)
                ? status
                : String.valueOf(response.statusCode());
    }

    private static String status(ServedApp app, String path) throws IOException, InterruptedException {
        return String.valueOf(
                app.get(path, HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    /** The status, failing if it took longer than {@link #ANSWER_WITHIN}. */
    private static int timedStatus(ServedApp app, String path) throws Exception {
        Timed answer =
                inParallel(List.of(() -> status(app, path)), ANSWER_WITHIN).get(0);
        assertNotEquals("hung", answer.value(), path + " answered within " + ANSWER_WITHIN);
        return Integer.parseInt(answer.value());
    }

    /** How long until the path answers 200, polled every 100 ms for at most a minute. */
    private static Duration untilOk(ServedApp app, String path) throws Exception {
        long start = System.nanoTime();
        while (!status(app, path).equals("200")) {
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60), path + " answers 200 within a minute");
            Thread.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Ingests n articles with the CLI; returns the id of one. */
    private long ingestSome(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            CorpusFiles.write(dir, "some/s_" + i + ".txt", article("Story " + i, uniqueUrl(), "Body " + i + "."));
        }
        assertEquals(0, exitOf(cli(overrides, "ingest", dir.resolve("some").toString())));
        return count("select max(id) from article");
    }

    /** The CLI on the private cluster, stdout to cli.out and stderr to cli.err. */
    private Process cli(Map<String, String> settings, String... args) throws IOException {
        return AppProcess.builder(pg.datasource(), settings, args)
                .redirectOutput(dir.resolve("cli.out").toFile())
                .redirectError(dir.resolve("cli.err").toFile())
                .start();
    }

    /** Runs an ingest of one new file while the database is hung: its exit code. */
    private String cliExit() throws Exception {
        Path one = CorpusFiles.write(dir, "hung/one.txt", article("Hung", uniqueUrl(), "Body."));
        Process p = cli(overrides, "ingest", one.toString());
        int code = exitOf(p);
        assertEquals(1, saidOnStderr().size(), "one line on stderr besides progress: " + saidOnStderr());
        return String.valueOf(code);
    }

    /** The CLI's lines on stderr other than its progress lines. */
    private List<String> saidOnStderr() throws IOException {
        return Files.readString(dir.resolve("cli.err"))
                .lines()
                .filter(line -> !line.startsWith("ingest run ") && !line.startsWith("ingest: "))
                .toList();
    }

    private int exitOf(Process p) throws Exception {
        int code = AppProcess.exitOf(p);
        if (code != 0 && code != 2) {
            throw new AssertionError("exit " + code + ": " + output(p));
        }
        return code;
    }

    private String output(Process p) throws IOException {
        return Files.readString(dir.resolve("cli.out")) + Files.readString(dir.resolve("cli.err"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = pg.connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
