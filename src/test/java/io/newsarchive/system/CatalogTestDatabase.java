package io.newsarchive.system;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The database of one test run (one JVM): a PostgreSQL container through Testcontainers when a Docker engine is
 * reachable, otherwise a fresh database on the local PostgreSQL ({@code CATALOG_TEST_ADMIN_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres} as user postgres), dropped when the JVM ends.
 */
public class CatalogTestDatabase implements QuarkusTestResourceLifecycleManager {

    private static Map<String, String> config;

    @Override
    public Map<String, String> start() {
        return config();
    }

    @Override
    public void stop() {
        // kept until the JVM ends: several Quarkus starts in one run share the database
    }

    /** The datasource settings, creating the database on first use. */
    public static synchronized Map<String, String> config() {
        if (config == null) {
            config = isDockerReachable() ? startContainer() : createLocalDatabase();
        }
        return config;
    }

    public static Connection connect() throws SQLException {
        Map<String, String> c = config();
        return DriverManager.getConnection(c.get("quarkus.datasource.jdbc.url"),
                c.get("quarkus.datasource.username"), c.get("quarkus.datasource.password"));
    }

    private static boolean isDockerReachable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Map<String, String> startContainer() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return Map.of("quarkus.datasource.jdbc.url", container.getJdbcUrl(),
                "quarkus.datasource.username", container.getUsername(),
                "quarkus.datasource.password", container.getPassword());
    }

    private static Map<String, String> createLocalDatabase() {
        String adminUrl = System.getenv().getOrDefault("CATALOG_TEST_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getenv().getOrDefault("CATALOG_TEST_ADMIN_USER", "postgres");
        String name = "catalog_test_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
        try (Connection admin = DriverManager.getConnection(adminUrl, user, "");
             Statement create = admin.createStatement()) {
            create.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("no Docker engine, and the local PostgreSQL at " + adminUrl
                    + " cannot create a test database: " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection admin = DriverManager.getConnection(adminUrl, user, "");
                 Statement drop = admin.createStatement()) {
                drop.execute("drop database if exists " + name + " with (force)");
            } catch (SQLException ignored) {
                // a left-over test database is harmless; its name says which run made it
            }
        }));
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        return Map.of("quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", "");
    }
}
