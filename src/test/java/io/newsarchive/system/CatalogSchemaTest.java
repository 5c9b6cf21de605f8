package io.newsarchive.system;

import io.newsarchive.testing.CatalogTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The schema needs no extension: a new catalog is made by the baseline B6 and the migrations after it, and a catalog made before V6, with
 * the RUM indexes of V2, upgrades in place to the very same schema (where the server has RUM to make such a one).
 */
class CatalogSchemaTest {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

    @Test
    void aNewCatalogIsMadeByTheBaselineWithoutAnyExtension() throws SQLException {
        Map<String, String> db = CatalogTestDatabase.freshDatabase();
        flyway(db, null).migrate();
        try (Connection c = connect(db)) {
            assertEquals(
                    baselineAndAfter(),
                    rows(
                            c,
                            "select version || ' ' || type from flyway_schema_history"
                                    + " where version is not null order by installed_rank"));
            assertEquals(List.of("plpgsql"), rows(c, "select extname from pg_extension"));
            assertTrue(rows(c, "select indexdef from pg_indexes where tablename = 'article'").stream()
                    .filter(d -> d.contains("search_vector") || d.contains("lead_vector") || d.contains("headline"))
                    .allMatch(d -> d.contains("USING gin")));
        }
    }

    /** The baseline B6, then every migration after it in migrations/, in order. */
    private static List<String> baselineAndAfter() {
        List<String> versions = new ArrayList<>(List.of("6 SQL_BASELINE"));
        try (Stream<Path> files = Files.list(Path.of("migrations"))) {
            files.map(f -> VERSIONED.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1)))
                    .filter(v -> v > 6)
                    .sorted()
                    .forEach(v -> versions.add(v + " SQL"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }

    @Test
    void aCatalogWithRumUpgradesToTheSameSchema() throws SQLException {
        Map<String, String> old = CatalogTestDatabase.freshDatabase();
        try (Connection c = connect(old)) {
            assumeTrue(
                    !rows(c, "select 1 from pg_available_extensions where name = 'rum'")
                            .isEmpty(),
                    "this server has no RUM extension to make a catalog of before V6 with");
        }
        flyway(old, "5").migrate();
        try (Connection c = connect(old);
                Statement s = c.createStatement()) {
            assertEquals(
                    List.of("1", "2", "3", "4", "5"),
                    rows(c, "select version from flyway_schema_history order by installed_rank"));
            assertEquals(
                    List.of("article_lead_idx", "article_search_idx"),
                    rows(
                            c,
                            "select indexname from pg_indexes"
                                    + " where tablename = 'article' and indexdef like '%USING rum%' order by 1"));
            s.execute("insert into source (host, domain) values ('example.com', 'example.com')");
        }
        flyway(old, null).migrate();
        Map<String, String> fresh = CatalogTestDatabase.freshDatabase();
        flyway(fresh, null).migrate();
        try (Connection upgraded = connect(old);
                Connection made = connect(fresh)) {
            assertEquals(List.of("plpgsql"), rows(upgraded, "select extname from pg_extension"));
            assertEquals(List.of("example.com"), rows(upgraded, "select host from source"));
            for (String sql : List.of(
                    "select indexname || ' ' || indexdef from pg_indexes where schemaname = 'public' order by 1",
                    "select table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(generation_expression, '')"
                            + " from information_schema.columns where table_schema = 'public'"
                            + " and table_name <> 'flyway_schema_history' order by table_name, ordinal_position",
                    "select conrelid::regclass || ' ' || pg_get_constraintdef(oid) from pg_constraint"
                            + " where connamespace = 'public'::regnamespace order by 1",
                    "select proname || ' ' || pg_get_functiondef(oid) from pg_proc"
                            + " where pronamespace = 'public'::regnamespace order by 1",
                    "select tgname from pg_trigger where not tgisinternal order by 1")) {
                assertEquals(rows(made, sql), rows(upgraded, sql), sql);
            }
        }
    }

    private static Flyway flyway(Map<String, String> db, String target) {
        // a catalog of before V6 was made by V1 to V5: without the baseline, which did not exist yet
        var config = Flyway.configure()
                .configuration(target == null ? Map.of() : Map.of("flyway.baselineMigrationPrefix", "none-"))
                .dataSource(
                        db.get("quarkus.datasource.jdbc.url"),
                        db.get("quarkus.datasource.username"),
                        db.get("quarkus.datasource.password"))
                .locations("filesystem:migrations");
        return (target == null ? config : config.target(target)).load();
    }

    private static Connection connect(Map<String, String> db) throws SQLException {
        return DriverManager.getConnection(
                db.get("quarkus.datasource.jdbc.url"),
                db.get("quarkus.datasource.username"),
                db.get("quarkus.datasource.password"));
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
