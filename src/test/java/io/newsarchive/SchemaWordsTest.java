package io.newsarchive;

import io.newsarchive.account.Role;
import io.newsarchive.audit.AuditAction;
import io.newsarchive.catalog.ArticleStatus;
import io.newsarchive.ingest.Outcome;
import io.newsarchive.ingest.RunStatus;
import io.newsarchive.ingest.Trigger;
import io.newsarchive.preservation.EventOutcome;
import io.newsarchive.preservation.EventType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The words the enums write to the database are the words the schema's check constraints allow, in the same order:
 * SQL statements name them too, and a word out of step would only fail when a row is written.
 */
class SchemaWordsTest {

    private static final Pattern TABLE = Pattern.compile("create table (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);

    @Test
    void everyWordEnumMatchesItsCheckConstraint() throws IOException {
        String schema = newSchema();
        assertEquals(allowed(schema, "ingest_run", "trigger"), words(Trigger.values()));
        assertEquals(allowed(schema, "ingest_run", "status"), words(RunStatus.values()));
        assertEquals(allowed(schema, "ingest_file", "outcome"), words(Outcome.values()));
        assertEquals(allowed(schema, "article", "status"), words(ArticleStatus.values()));
        assertEquals(allowed(schema, "app_user", "role"), words(Role.values()));
        assertEquals(allowed(schema, "audit_event", "action"), words(AuditAction.values()));
        assertEquals(allowed(schema, "preservation_event", "event_type"), words(EventType.values()));
        assertEquals(allowed(schema, "preservation_event", "outcome"), words(EventOutcome.values()));
    }

    /** The schema as a new catalog gets it: the baseline migration with the highest number, and the ones after it. */
    private static String newSchema() throws IOException {
        List<Path> migrations;
        try (Stream<Path> files = Files.list(Path.of("migrations"))) {
            migrations = files.sorted(Comparator.comparingInt(SchemaWordsTest::version))
                    .toList();
        }
        Path baseline = migrations.stream()
                .filter(f -> f.getFileName().toString().startsWith("B"))
                .reduce((a, b) -> b)
                .orElseThrow();
        StringBuilder schema = new StringBuilder();
        for (Path migration : migrations) {
            boolean later =
                    migration.getFileName().toString().startsWith("V") && version(migration) > version(baseline);
            if (migration.equals(baseline) || later) {
                schema.append(Files.readString(migration)).append('\n');
            }
        }
        return schema.toString();
    }

    private static int version(Path migration) {
        return Integer.parseInt(
                migration.getFileName().toString().split("__")[0].substring(1));
    }

    /**
     * The words a column's check constraint allows: the last one a later migration added with {@code alter table},
     * else the one of its {@code create table}.
     */
    private static List<String> allowed(String schema, String table, String column) {
        Matcher altered = Pattern.compile(
                        "alter table " + table + " add constraint \\w+\\s+check \\(" + column + " in \\(([^)]*)\\)\\)")
                .matcher(schema);
        String last = null;
        while (altered.find()) {
            last = altered.group(1);
        }
        if (last != null) {
            return words(last);
        }
        Matcher tables = TABLE.matcher(schema);
        while (tables.find()) {
            if (tables.group(1).equals(table)) {
                Matcher check = Pattern.compile("check \\(" + column + " in \\(([^)]*)\\)\\)")
                        .matcher(tables.group(2));
                assertTrue(check.find(), "no check constraint on " + table + "." + column);
                return words(check.group(1));
            }
        }
        throw new AssertionError("no table " + table);
    }

    private static List<String> words(String sqlList) {
        return Arrays.stream(sqlList.split(","))
                .map(w -> w.strip().replace("'", ""))
                .toList();
    }

    private static List<String> words(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Object::toString).toList();
    }
}
