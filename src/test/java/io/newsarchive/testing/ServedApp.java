package io.newsarchive.testing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged app serving on a free port of its own, ready (startup ingest done) until closed. */
public final class ServedApp implements AutoCloseable {

    private final HttpClient http = HttpClient.newHttpClient();
    private final Process process;
    private final int port;
    /** HTTP Basic credentials of the first admin, when the overrides create one, sent with every request. */
    private final String authorization;

    private ServedApp(Process process, int port, Map<String, String> overrides) {
        this.process = process;
        this.port = port;
        String user = overrides.get("catalog.admin.user");
        this.authorization = user == null
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString((user + ":" + overrides.get("catalog.admin.password"))
                                        .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Starts {@code serve} and waits until it reports ready.
     *
     * @param logDir where the service's output goes, as {@code serve-<port>.log}
     */
    public static ServedApp start(Map<String, String> database, Map<String, String> overrides, Path logDir)
            throws IOException, InterruptedException {
        int port = freePort();
        Path log = logDir.resolve("serve-" + port + ".log");
        ProcessBuilder builder = AppProcess.builder(database, overrides)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        ServedApp app = new ServedApp(builder.start(), port, overrides);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        try {
            while (true) {
                try {
                    if (app.get("/q/health/ready", HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return app;
                    }
                } catch (ConnectException e) {
                    if (!app.process.isAlive()) {
                        throw new AssertionError("the service ended: " + Files.readString(log));
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the service is not ready within a minute: " + Files.readString(log));
                }
                Thread.sleep(200);
            }
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            app.close();
            throw e;
        }
    }

    public <T> HttpResponse<T> get(String pathAndQuery, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), body);
    }

    public int port() {
        return port;
    }

    /** Kills the service with SIGKILL, as {@code kill -9} or a crash does: it runs no shutdown code at all. */
    public void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Unix
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the service did not die within 30 s of SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        AppProcess.exitOf(process);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
