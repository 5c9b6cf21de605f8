package io.newsarchive.testing;

import org.jboss.logging.Logger;
import org.opensearch.testcontainers.OpenSearchContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The OpenSearch node of one test run (one JVM), started on first use by {@link #url()}: the node at
 * {@code CATALOG_TEST_OPENSEARCH_URL} (environment or system property) when one is given; else, where a Docker engine
 * is reachable, the {@code opensearchproject/opensearch} image through the Testcontainers OpenSearch module (security
 * plugin off); else the local node of {@code src/dev/opensearch} (OpenSearch from its Maven artifacts) in a JVM of its
 * own, so that its Lucene and log4j never meet the test classpath, on a free port with a temporary home under
 * {@code target/}, both removed when the test JVM ends. That project is built on first use when its classes or
 * class path are missing or older than its sources.
 *
 * <p>Several catalogs share the node: each takes an alias of its own from {@link #freshIndexName()}.
 */
public final class OpenSearchNode {

    private static final Logger LOG = Logger.getLogger(OpenSearchNode.class);

    /** The image the Docker path runs: the version the local node and docker/compose.yml run. */
    static final String IMAGE = "opensearchproject/opensearch:2.19.6";

    private static final Duration GREEN_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
    private static final String DEV_PROJECT = "src/dev/opensearch";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger INDEXES = new AtomicInteger();

    private static String url;
    private static RuntimeException failure;

    private OpenSearchNode() {}

    /** The node's HTTP address, such as {@code http://127.0.0.1:41234}, without a trailing slash. */
    public static synchronized String url() {
        // a node that failed to start fails every later test at once rather than after another wait
        if (failure != null) {
            throw new IllegalStateException("OpenSearch did not start earlier in this run", failure);
        }
        if (url == null) {
            try {
                url = start();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return url;
    }

    /**
     * A new alias name for one catalog database, {@code catalog_test_<pid>_<n>}, as the test databases are named: a
     * node shared by several catalogs, runs or machines keeps their documents apart.
     */
    public static String freshIndexName() {
        return "catalog_test_" + ProcessHandle.current().pid() + "_" + INDEXES.incrementAndGet();
    }

    private static String start() {
        String given = System.getProperty("CATALOG_TEST_OPENSEARCH_URL", System.getenv("CATALOG_TEST_OPENSEARCH_URL"));
        if (given != null && !given.isBlank()) {
            String node = given.strip().replaceAll("/+$", "");
            LOG.infof("tests use the OpenSearch node at %s (CATALOG_TEST_OPENSEARCH_URL)", node);
            // a node that outlives the run keeps no test index of it: every alias name starts so
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTestIndexes(node)));
            return node;
        }
        if (CatalogTestDatabase.isDockerReachable()) {
            return startContainer();
        }
        return startLocalNode();
    }

    private static String startContainer() {
        @SuppressWarnings("resource") // stopped by the shutdown hook
        OpenSearchContainer<?> container = new OpenSearchContainer<>(DockerImageName.parse(IMAGE))
                .withEnv("OPENSEARCH_JAVA_OPTS", "-Xms1g -Xmx1g")
                .withStartupTimeout(GREEN_TIMEOUT);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        String node = container.getHttpHostAddress();
        LOG.infof("tests use an OpenSearch container at %s", node);
        return node;
    }

    private static String startLocalNode() {
        Path root = projectRoot();
        Path project = root.resolve(DEV_PROJECT);
        String classPath = project.resolve("target/classes") + java.io.File.pathSeparator + buildDevProject(root);
        Path target = root.resolve("target");
        try {
            Files.createDirectories(target);
            Path log = target.resolve("opensearch-" + ProcessHandle.current().pid() + ".log");
            for (int attempt = 1; ; attempt++) {
                Path home = Files.createTempDirectory(target, "opensearch-");
                int port = freePort();
                Process process = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-Xmx1g",
                                // log4j's default configuration, which the node gets without the distribution's
                                // files, logs errors only: info shows how far a node that is not green got
                                "-Dlog4j2.level=INFO",
                                // the node ends with this JVM even when it is killed and its shutdown hooks never run
                                "-Dlocal-opensearch.parent-pid="
                                        + ProcessHandle.current().pid(),
                                "-cp",
                                classPath,
                                "io.newsarchive.dev.LocalOpenSearch",
                                Integer.toString(port),
                                home.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                Thread hook = new Thread(() -> stop(process, home));
                Runtime.getRuntime().addShutdownHook(hook);
                String node = "http://127.0.0.1:" + port;
                // the free port may be taken between our look and the node's bind: another port then
                if (awaitGreen(node, process, log, attempt < 3)) {
                    LOG.infof("tests use a local OpenSearch node at %s (home %s, log %s)", node, home, log);
                    return node;
                }
                Runtime.getRuntime().removeShutdownHook(hook);
                stop(process, home);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local OpenSearch node: " + e.getMessage(), e);
        }
    }

    /**
     * Builds src/dev/opensearch with the Maven wrapper unless its classes and class path are newer than its sources,
     * and returns its class path. A file lock keeps test JVMs started side by side from building it at once.
     */
    private static String buildDevProject(Path root) {
        Path project = root.resolve(DEV_PROJECT);
        Path classPathFile = project.resolve("target/classpath.txt");
        try {
            Files.createDirectories(project.resolve("target"));
            try (FileChannel lockFile = FileChannel.open(
                            project.resolve("target/build.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lockFile.lock()) {
                if (isStale(project, classPathFile)) {
                    runMaven(root, project);
                }
            }
            return Files.readString(classPathFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build " + DEV_PROJECT + ": " + e.getMessage(), e);
        }
    }

    private static boolean isStale(Path project, Path classPathFile) throws IOException {
        Path mainClass = project.resolve("target/classes/io/newsarchive/dev/LocalOpenSearch.class");
        if (!Files.exists(classPathFile) || !Files.exists(mainClass)) {
            return true;
        }
        long built = Math.min(
                Files.getLastModifiedTime(classPathFile).toMillis(),
                Files.getLastModifiedTime(mainClass).toMillis());
        try (Stream<Path> sources = Stream.concat(
                Stream.of(project.resolve("pom.xml")),
                Files.walk(project.resolve("src")).filter(Files::isRegularFile))) {
            return sources.anyMatch(source -> {
                try {
                    return Files.getLastModifiedTime(source).toMillis() > built;
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }

    private static void runMaven(Path root, Path project) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                root.resolve("mvnw").toString(),
                "-B",
                "-q",
                "-f",
                project.resolve("pom.xml").toString(),
                "package",
                "dependency:build-classpath",
                "-Dmdep.outputFile=target/classpath.txt"));
        // surefire and failsafe pass ${settings.offline}: an offline build must not reach for the network here either
        if (Boolean.getBoolean("newsarchive.test.maven-offline")) {
            command.add("-o");
        }
        Path log = project.resolve("target/build.log");
        LOG.infof("building %s for the local OpenSearch node: %s", DEV_PROJECT, String.join(" ", command));
        Process maven = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!maven.waitFor(BUILD_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                maven.descendants().forEach(ProcessHandle::destroyForcibly);
                maven.destroyForcibly();
                throw new IllegalStateException("building " + DEV_PROJECT + " took longer than " + BUILD_TIMEOUT
                        + "; its output:\n" + tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            maven.destroyForcibly();
            throw new IllegalStateException("interrupted while building " + DEV_PROJECT, e);
        }
        if (maven.exitValue() != 0) {
            throw new IllegalStateException("building " + DEV_PROJECT + " failed (exit " + maven.exitValue()
                    + "); where OpenSearch's artifacts are not in the local repository, build once online or set "
                    + "CATALOG_TEST_OPENSEARCH_URL. Its output:\n" + tail(log));
        }
    }

    /** True once green; false if the node ended on a port taken and {@code mayRetry}; fails otherwise. */
    private static boolean awaitGreen(String node, Process process, Path log, boolean mayRetry) {
        long deadline = System.nanoTime() + GREEN_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(
                        URI.create(node + "/_cluster/health?wait_for_status=green&timeout=1s"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String tail = tail(log);
                if (mayRetry && tail.contains("BindHttpException")) {
                    return false;
                }
                throw new IllegalStateException("the local OpenSearch node ended (exit " + process.exitValue()
                        + ") before it was green; its log " + log + " ends:\n" + tail);
            }
            try {
                // 200 once green, 408 while the wait times out
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for OpenSearch", e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("the local OpenSearch node at " + node + " was not green within "
                + GREEN_TIMEOUT.toSeconds() + " s; its log " + log + " ends:\n" + tail(log));
    }

    private static void stop(Process process, Path home) {
        // SIGTERM: the node closes itself in its own shutdown hook
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a left-over folder under target/ goes with mvn clean
        }
    }

    private static void deleteTestIndexes(String node) {
        String pattern = "catalog_test_" + ProcessHandle.current().pid() + "_*";
        try {
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(node + "/" + pattern + "?expand_wildcards=all"))
                            .timeout(Duration.ofSeconds(10))
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException ignored) {
            // the node is gone or refuses: its test indexes are named by the run that made them
        }
    }

    private static Path projectRoot() {
        // surefire and failsafe set basedir; an IDE runs tests in the project folder
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .toAbsolutePath();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for OpenSearch", e);
        }
    }
}
