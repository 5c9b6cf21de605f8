package io.newsarchive.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 cluster of the test's own ({@code initdb} in a temporary folder, on a free port), which a test
 * may stop, hang and start again without touching the shared server. Run as root, the server runs as the
 * {@code postgres} user, which PostgreSQL requires.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final String DATABASE = "catalog";

    private final Path home;
    private final Path data;
    private final int port;

    private PrivatePostgres(Path home, int port) {
        this.home = home;
        this.data = home.resolve("data");
        this.port = port;
    }

    /** A new cluster, running, with an empty database {@code catalog}. */
    public static PrivatePostgres start() throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("private-postgres-");
        if (isRoot()) {
            UserPrincipal postgres =
                    home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(home, postgres);
        }
        PrivatePostgres pg = new PrivatePostgres(home, ServedApp.freePort());
        pg.run("initdb", "-D", pg.data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C");
        pg.begin();
        try (Connection c = DriverManager.getConnection(pg.url("postgres"), "postgres", "");
                Statement create = c.createStatement()) {
            create.execute("create database " + DATABASE);
        } catch (SQLException e) {
            pg.close();
            throw new IllegalStateException("cannot create the database of the private cluster: " + e.getMessage(), e);
        }
        return pg;
    }

    /** Datasource settings for the app, as {@link CatalogTestDatabase} gives them. */
    public Map<String, String> datasource() {
        return Map.of(
                "quarkus.datasource.jdbc.url",
                url(DATABASE),
                "quarkus.datasource.username",
                "postgres",
                "quarkus.datasource.password",
                "");
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(DATABASE), "postgres", "");
    }

    /** Starts the stopped cluster again, on the same port. */
    public void begin() throws IOException, InterruptedException {
        // fsync off: a test cluster need not survive a crash of the machine
        run(
                "pg_ctl",
                "start",
                "-w",
                "-D",
                data.toString(),
                "-l",
                home.resolve("server.log").toString(),
                "-o",
                "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off");
    }

    /** Stops the cluster: {@code fast} ends every session first, {@code immediate} is a crash. */
    public void stop(String mode) throws IOException, InterruptedException {
        run("pg_ctl", "stop", "-w", "-m", mode, "-D", data.toString());
    }

    /** Stops (SIGSTOP) the postmaster and its backends: the server accepts connections but answers nothing. */
    public void hang() throws IOException, InterruptedException {
        signal("-STOP", processes());
    }

    /** Lets a hung server go on (SIGCONT), backends before the postmaster. */
    public void resume() throws IOException, InterruptedException {
        List<String> pids = processes();
        Collections.reverse(pids);
        signal("-CONT", pids);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            resume();
            stop("immediate");
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The postmaster first, then its children. */
    private List<String> processes() throws IOException {
        long postmaster = Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        List<String> pids = new ArrayList<>();
        pids.add(String.valueOf(postmaster));
        ProcessHandle.of(postmaster).ifPresent(p -> p.children().forEach(c -> pids.add(String.valueOf(c.pid()))));
        return pids;
    }

    private static void signal(String signal, List<String> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        command.addAll(pids);
        exec(command);
    }

    private void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(BIN.resolve(tool).toString());
        command.addAll(List.of(args));
        exec(command);
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
