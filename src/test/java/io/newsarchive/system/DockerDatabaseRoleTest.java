package io.newsarchive.system;

import io.newsarchive.testing.CatalogTestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docker/initdb/catalog.sh, which the postgres image of docker/compose.yml runs on its first start, makes the
 * service's role: no superuser, owner of the catalog database, and every migration runs as that role.
 */
class DockerDatabaseRoleTest {

    private static final String PASSWORD = "a password with 'quotes'";

    @Test
    void theServiceRoleIsNoSuperuserAndMigratesTheDatabaseItOwns() throws Exception {
        assumeTrue(onPath("psql"), "the init script runs psql, which is not installed here");
        Map<String, String> admin = CatalogTestDatabase.admin();
        String adminUrl = admin.get("quarkus.datasource.jdbc.url");
        URI server = URI.create(adminUrl.substring("jdbc:".length()));
        String role = "catalog_app_test_" + ProcessHandle.current().pid();
        String database = "catalog_test_" + ProcessHandle.current().pid() + "_docker";
        try {
            ProcessBuilder init = new ProcessBuilder("sh", "docker/initdb/catalog.sh").redirectErrorStream(true);
            Map<String, String> env = init.environment();
            env.put("PGHOST", server.getHost());
            env.put("PGPORT", String.valueOf(server.getPort()));
            env.put("PGPASSWORD", admin.get("quarkus.datasource.password"));
            env.put("POSTGRES_USER", admin.get("quarkus.datasource.username"));
            env.put("POSTGRES_DB", "postgres");
            env.put("CATALOG_DB_USER", role);
            env.put("CATALOG_DB_NAME", database);
            env.put("CATALOG_DB_PASSWORD", PASSWORD);
            Process process = init.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), output);

            String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
            MigrateResult migrated = Flyway.configure()
                    .dataSource(url, role, PASSWORD)
                    .locations("filesystem:migrations")
                    .load()
                    .migrate();
            assertTrue(migrated.success && migrated.migrationsExecuted > 0, "migrated: " + migrated.migrationsExecuted);
            try (Connection c = DriverManager.getConnection(url, role, PASSWORD)) {
                assertEquals(
                        List.of("false false false"),
                        rows(
                                c,
                                "select rolsuper || ' ' || rolcreatedb || ' ' || rolcreaterole from pg_roles"
                                        + " where rolname = current_user"));
                assertEquals(
                        List.of(role),
                        rows(
                                c,
                                "select distinct pg_get_userbyid(relowner) from pg_class"
                                        + " where relnamespace = 'public'::regnamespace"));
                // no connect privilege for everyone else (grantee 0 is PUBLIC)
                assertEquals(
                        List.of(),
                        rows(
                                c,
                                "select a.privilege_type from pg_database, aclexplode(datacl) a"
                                        + " where datname = current_database() and a.grantee = 0"));
            }
        } finally {
            try (Connection c = DriverManager.getConnection(
                            adminUrl,
                            admin.get("quarkus.datasource.username"),
                            admin.get("quarkus.datasource.password"));
                    Statement s = c.createStatement()) {
                s.execute("drop database if exists " + database + " with (force)");
                s.execute("drop role if exists " + role);
            }
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
