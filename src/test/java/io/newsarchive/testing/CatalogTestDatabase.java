package io.newsarchive.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The databases of one test run (one JVM) on one PostgreSQL server: a container through Testcontainers when a
 * Docker engine is reachable, otherwise the local server ({@code CATALOG_TEST_ADMIN_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres} as user postgres). Every database is new, named
 * {@code catalog_test_<pid>_<n>}, and dropped when the JVM ends.
 */
public class CatalogTestDatabase implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(CatalogTestDatabase.class);

    private record Server(String adminUrl, String user, String password) {}

    private static Server server;
    private static Map<String, String> shared;
    private static int created;

    @Override
    public Map<String, String> start() {
        return config();
    }

    @Override
    public void stop() {
        // kept until the JVM ends: several Quarkus starts in one run share the database
    }

    /** The datasource settings of the run's shared database, made on first use. */
    public static synchronized Map<String, String> config() {
        if (shared == null) {
            shared = freshDatabase();
        }
        return shared;
    }

    /** The datasource settings of a new, empty database of its own. */
    public static synchronized Map<String, String> freshDatabase() {
        Server s = server();
        String name = "catalog_test_" + ProcessHandle.current().pid() + "_" + (++created);
        try (Connection admin = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
                Statement create = admin.createStatement()) {
            create.execute("drop database if exists " + name + " with (force)");
            create.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create a test database on " + s.adminUrl() + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(s, name)));
        String url = s.adminUrl().substring(0, s.adminUrl().lastIndexOf('/') + 1) + name;
        return Map.of(
                "quarkus.datasource.jdbc.url",
                url,
                "quarkus.datasource.username",
                s.user(),
                "quarkus.datasource.password",
                s.password());
    }

    /** The settings of the server's administrator (a superuser) on its database {@code postgres}. */
    public static synchronized Map<String, String> admin() {
        Server s = server();
        return Map.of(
                "quarkus.datasource.jdbc.url",
                s.adminUrl(),
                "quarkus.datasource.username",
                s.user(),
                "quarkus.datasource.password",
                s.password());
    }

    /** Applies the migrations to the shared database, as the app does when it starts. */
    public static void migrate() {
        migrate(config());
    }

    /** Applies the migrations to the database of these settings. */
    public static void migrate(Map<String, String> c) {
        Flyway.configure()
                .dataSource(
                        c.get("quarkus.datasource.jdbc.url"),
                        c.get("quarkus.datasource.username"),
                        c.get("quarkus.datasource.password"))
                .load()
                .migrate();
    }

    /** The number the query gives, such as {@code select count(*) from article}, on the shared database. */
    public static long count(String sql) throws SQLException {
        try (Connection c = connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A plain data source on the database of these settings, for code that is tested outside Quarkus. */
    public static DataSource dataSource(Map<String, String> c) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(c.get("quarkus.datasource.jdbc.url"));
        source.setUser(c.get("quarkus.datasource.username"));
        source.setPassword(c.get("quarkus.datasource.password"));
        return source;
    }

    public static Connection connect() throws SQLException {
        Map<String, String> c = config();
        return DriverManager.getConnection(
                c.get("quarkus.datasource.jdbc.url"),
                c.get("quarkus.datasource.username"),
                c.get("quarkus.datasource.password"));
    }

    private static Server server() {
        if (server == null) {
            if (isDockerReachable()) {
                // the stock image, as docker/compose.yml deploys it
                PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse("postgres:15"));
                container.start();
                Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
                String url = container.getJdbcUrl();
                server = new Server(
                        url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
                        container.getUsername(),
                        container.getPassword());
                LOG.infof("tests use a PostgreSQL container at %s", url);
            } else {
                server = new Server(
                        System.getenv()
                                .getOrDefault("CATALOG_TEST_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                        System.getenv().getOrDefault("CATALOG_TEST_ADMIN_USER", "postgres"),
                        "");
                LOG.infof(
                        "no Docker engine: tests use fresh databases on the local PostgreSQL at %s", server.adminUrl());
            }
        }
        return server;
    }

    /** Whether Testcontainers finds a Docker engine; OpenSearchNode asks the same. */
    static boolean isDockerReachable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void drop(Server s, String name) {
        try (Connection admin = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
                Statement drop = admin.createStatement()) {
            drop.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException ignored) {
            // a left-over test database is harmless; its name says which run made it
        }
    }
}
