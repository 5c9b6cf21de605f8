package io.newsarchive;

import io.newsarchive.account.Role;
import io.newsarchive.audit.AuditAction;
import io.newsarchive.catalog.ArticleStatus;
import io.newsarchive.ingest.Outcome;
import io.newsarchive.ingest.RunStatus;
import io.newsarchive.ingest.Trigger;
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
        String schema = Files.readString(newestBaseline());
        assertEquals(allowed(schema, "ingest_run", "trigger"), words(Trigger.values()));
        assertEquals(allowed(schema, "ingest_run", "status"), words(RunStatus.values()));
        assertEquals(allowed(schema, "ingest_file", "outcome"), words(Outcome.values()));
        assertEquals(allowed(schema, "article", "status"), words(ArticleStatus.values()));
        assertEquals(allowed(schema, "app_user", "role"), words(Role.values()));
        assertEquals(allowed(schema, "audit_event", "action"), words(AuditAction.values()));
    }

    /** The baseline migration with the highest number: the whole schema as a new catalog gets it. */
    private static Path newestBaseline() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("migrations"))) {
            return files.filter(f -> f.getFileName().toString().matches("B\\d+__.*\\.sql"))
                    .max(Comparator.comparingInt(f -> Integer.parseInt(
                            f.getFileName().toString().split("__")[0].substring(1))))
                    .orElseThrow();
        }
    }

    private static List<String> allowed(String schema, String table, String column) {
        Matcher tables = TABLE.matcher(schema);
        while (tables.find()) {
            if (tables.group(1).equals(table)) {
                Matcher check = Pattern.compile("check \\(" + column + " in \\(([^)]*)\\)\\)")
                        .matcher(tables.group(2));
                assertTrue(check.find(), "no check constraint on " + table + "." + column);
                return Arrays.stream(check.group(1).split(","))
                        .map(w -> w.strip().replace("'", ""))
                        .toList();
            }
        }
        throw new AssertionError("no table " + table);
    }

    private static List<String> words(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Object::toString).toList();
    }
}
