package io.newsarchive.restore;

import io.newsarchive.catalog.ArticleCorrections;
import io.newsarchive.catalog.ArticleCorrections.Correction;
import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.catalog.CatalogFixtures.NearCopyArticles;
import io.newsarchive.catalog.SourceCollections;
import io.newsarchive.ingest.IngestProgress;
import io.newsarchive.ingest.IngestRequest;
import io.newsarchive.ingest.IngestService;
import io.newsarchive.ingest.InputFiles;
import io.newsarchive.ingest.Trigger;
import io.newsarchive.reuse.NearCopies;
import io.newsarchive.reuse.NearCopyDecision;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.CorpusFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.ReuseLinking.linkAll;
import static io.newsarchive.testing.TestUsers.asAdmin;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole cycle: ingest, correct, withdraw, revise, group the source in a collection, export a bag, restore it into
 * an empty catalog and find every
 * row of every table as it was, column by column; then see a bag with one changed byte, or one changed tag file,
 * refused with nothing stored.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class BagRestoreTest {

    @Inject
    IngestService ingest;

    @Inject
    ArticleCorrections corrections;

    @Inject
    NearCopies nearCopies;

    @Inject
    SourceCollections collections;

    @TempDir
    Path dir;

    @Test
    void aRestoredBagIsTheCatalogAsItWas() throws Exception {
        String host = "x" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        Path bag = archivedCatalog(host);
        String articles =
                "(select a.id from article a join source s on s.id = a.source_id where s.host = '" + host + "')";
        String runs = "(select a.ingest_run_id from article a where a.id in " + articles + ")";
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("source", "id in (select source_id from article where id in " + articles + ")");
        tables.put("source_collection", "true");
        tables.put(
                "source_collection_member",
                "source_id in (select source_id from article where id in " + articles + ")");
        tables.put("ingest_run", "id in " + runs);
        tables.put("article", "id in " + articles);
        tables.put("article_original", "article_id in " + articles);
        tables.put("ingest_file", "run_id in " + runs);
        tables.put(
                "audit_event",
                "article_id in " + articles + " or (article_id is null and run_id in " + runs
                        + ") or subject_collection is not null");
        tables.put(
                "preservation_event",
                "article_id in " + articles + " or (first_article_id is not null and int8range(first_article_id,"
                        + " last_article_id, '[]') && (select int8range(min(id), max(id), '[]') from article where id in "
                        + articles + "))");
        Map<String, List<String>> before = new LinkedHashMap<>();
        try (Connection c = CatalogTestDatabase.connect()) {
            for (Map.Entry<String, String> table : tables.entrySet()) {
                before.put(table.getKey(), rows(c, table.getKey(), table.getValue()));
            }
        }

        Map<String, String> empty = CatalogTestDatabase.freshDatabase();
        CatalogTestDatabase.migrate(empty);
        DataSource restored = CatalogTestDatabase.dataSource(empty);
        BagRestore.Restored done = new BagRestore(restored).restore(bag, false, "restorer");
        assertEquals(3, done.articles());
        assertEquals(2, done.runs());

        try (Connection c = restored.getConnection()) {
            long recoveries = count(c, "select count(*) from preservation_event where event_type = 'recovery'");
            assertEquals(4, recoveries, "one recovery event per article, and one for the bag");
            for (Map.Entry<String, List<String>> table : before.entrySet()) {
                String where = table.getKey().equals("preservation_event") ? "event_type <> 'recovery'" : "true";
                assertEquals(table.getValue(), rows(c, table.getKey(), where), table.getKey() + ", column by column");
            }
            long next = count(c, "select nextval(pg_get_serial_sequence('article', 'id'))");
            assertTrue(next > count(c, "select max(id) from article"), "new articles get new ids");
        }
        String withdrawn = "legal takedown";
        assertEquals(
                withdrawn,
                rowsOf(restored, "select withdrawn_reason from article where status = 'withdrawn' limit 1")
                        .get(0));

        BagRestore.Refused notEmpty =
                assertThrows(BagRestore.Refused.class, () -> new BagRestore(restored).restore(bag, false, "again"));
        assertTrue(notEmpty.getMessage().contains("not empty"), notEmpty.getMessage());
        BagRestore.Restored merged = new BagRestore(restored).restore(bag, true, "again");
        assertEquals(0, merged.articles());
        assertEquals(3, merged.skipped(), "a merge of what is there adds nothing and renumbers nothing");
        try (Connection c = restored.getConnection()) {
            assertEquals(before.get("source_collection"), rows(c, "source_collection", "true"), "a merge keeps them");
            assertEquals(before.get("audit_event"), rows(c, "audit_event", "true"), "and records nothing twice");
        }
    }

    @Test
    void aBagWithOneChangedByteOrTagFileIsRefusedWithNothingStored() throws Exception {
        String host = "x" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        Path bag = archivedCatalog(host);
        Map<String, String> empty = CatalogTestDatabase.freshDatabase();
        CatalogTestDatabase.migrate(empty);
        DataSource target = CatalogTestDatabase.dataSource(empty);

        Path payload = changed(bag, "/data/b.txt", text -> text.replace("Second", "Sec0nd"));
        BagRestore.Refused refused =
                assertThrows(BagRestore.Refused.class, () -> new BagRestore(target).restore(payload, false, "x"));
        assertEquals(1, refused.problems.size(), refused.getMessage());
        assertTrue(
                refused.problems.get(0).startsWith("data/b.txt does not match the payload manifests"),
                refused.getMessage());

        Path tag = changed(bag, "/bag-info.txt", text -> text.replace("News archive", "Someone else"));
        refused = assertThrows(BagRestore.Refused.class, () -> new BagRestore(target).restore(tag, false, "x"));
        assertEquals(List.of("its tag file bag-info.txt does not match its tag manifest"), refused.problems);

        try (Connection c = target.getConnection()) {
            assertEquals(0, count(c, "select count(*) from article"));
            assertEquals(0, count(c, "select count(*) from ingest_run"));
        }
    }

    @Test
    void aBagMadeBeforeCollectionsTravelledRestoresWithoutThem() throws Exception {
        String host = "x" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        Path bag = archivedCatalog(host);
        Path older = rewritten(bag, entries -> {
            entries.keySet().removeIf(name -> name.contains("/metadata/catalog/source_collection"));
            entries.replaceAll((name, bytes) -> name.contains("/tagmanifest-")
                    ? new String(bytes, StandardCharsets.UTF_8)
                            .replaceAll("(?m)^.*metadata/catalog/source_collection.*\\n", "")
                            .getBytes(StandardCharsets.UTF_8)
                    : bytes);
        });
        Map<String, String> empty = CatalogTestDatabase.freshDatabase();
        CatalogTestDatabase.migrate(empty);
        DataSource target = CatalogTestDatabase.dataSource(empty);

        assertEquals(3, new BagRestore(target).restore(older, false, "x").articles());
        try (Connection c = target.getConnection()) {
            assertEquals(0, count(c, "select count(*) from source_collection"));
        }
    }

    @Test
    void aNearCopyDecisionTravelsInTheBagAndTheUndecidedPairsDoNot() throws Exception {
        NearCopyArticles decided = CatalogFixtures.ingestNearCopies();
        NearCopyArticles undecided = CatalogFixtures.ingestNearCopies();
        linkAll();
        assertTrue(nearCopies.decide(
                decided.first(), decided.copy(), null, NearCopyDecision.SYNDICATED, "wire copy", "dora"));
        String pairs = "article_id in (" + decided.first() + ", " + undecided.first() + ")";
        List<String> before;
        try (Connection c = CatalogTestDatabase.connect()) {
            before = rows(c, "near_copy", pairs + " and decision is not null");
        }
        assertEquals(1, before.size());
        StringBuilder sources = new StringBuilder();
        for (long id : List.of(decided.first(), decided.copy(), undecided.first(), undecided.copy())) {
            sources.append("&source=")
                    .append(given().get("/api/articles/" + id)
                            .then()
                            .extract()
                            .path("source")
                            .toString());
        }
        byte[] zip = asAdmin()
                .get("/api/export?format=bagit" + sources)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        Path bag = Files.write(dir.resolve("near-copies.bag.zip"), zip);

        Map<String, String> empty = CatalogTestDatabase.freshDatabase();
        CatalogTestDatabase.migrate(empty);
        DataSource restored = CatalogTestDatabase.dataSource(empty);
        assertEquals(4, new BagRestore(restored).restore(bag, false, "restorer").articles());
        try (Connection c = restored.getConnection()) {
            assertEquals(before, rows(c, "near_copy", "true"), "the decided pair, column by column, and no other");
        }
    }

    /**
     * Two runs: the first stores a.txt and b.txt, the second a new version of a.txt under the same name; b is corrected
     * and a withdrawn (every version). Returns the bag of everything from {@code host}.
     */
    private Path archivedCatalog(String host) throws Exception {
        String urlA = "https://" + host + "/a";
        String urlB = "https://" + host + "/b";
        LocalDate day = LocalDate.of(2023, 5, 6);
        Path first = Files.createDirectories(dir.resolve("first-" + host));
        CorpusFiles.write(first, "a.txt", article("A, first", day, urlA, "First version."));
        CorpusFiles.write(first, "b.txt", article("B", day, urlB, "Second article."));
        Path second = Files.createDirectories(dir.resolve("second-" + host));
        CorpusFiles.write(second, "a.txt", article("A, revised", day, urlA, "Revised version."));
        ingest(first);
        ingest(second);
        String slug = collections.add("Letters " + host, "", host, "carol");
        collections.edit(slug, "Letters of " + host, "Two sources", "carol");
        long a = given().get("/api/articles?source=" + host + "&q=revised")
                .then()
                .extract()
                .jsonPath()
                .getLong("items[0].id");
        long b = given().get("/api/articles?source=" + host + "&q=second")
                .then()
                .extract()
                .jsonPath()
                .getLong("items[0].id");
        assertInstanceOf(
                ArticleCorrections.Saved.class,
                corrections.edit(
                        b,
                        new Correction("B, corrected", day.toString(), urlB, "checked against print", "typo", 1),
                        "alice"));
        assertInstanceOf(ArticleCorrections.Saved.class, corrections.withdraw(a, "legal takedown", 1, "bob"));
        byte[] zip = asAdmin()
                .get("/api/export?format=bagit&all_versions=true&status=all&source=" + host)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        return Files.write(dir.resolve(host + ".bag.zip"), zip);
    }

    private void ingest(Path folder) {
        try (InputFiles input = InputFiles.of(List.of(folder))) {
            ingest.ingest(input, new IngestRequest(Trigger.CLI, "ann", false), IngestProgress.NONE);
        }
    }

    /** The bag with the text of the entry ending in {@code suffix} changed. */
    private Path changed(Path bag, String suffix, UnaryOperator<String> change) throws Exception {
        return rewritten(
                bag,
                entries -> entries.replaceAll((name, bytes) -> name.endsWith(suffix)
                        ? change.apply(new String(bytes, StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8)
                        : bytes));
    }

    /** The bag with its entries (name to bytes, in order) changed. */
    private Path rewritten(Path bag, Consumer<Map<String, byte[]>> change) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(bag.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        change.accept(entries);
        return Files.write(dir.resolve("changed-" + UUID.randomUUID() + ".bag.zip"), CorpusFiles.zip(entries));
    }

    /**
     * Every column of the rows, as PostgreSQL writes them, in the order of the table's key; events without their ids,
     * which a restore gives anew after the catalog's own (and a preservation event's part_of with them).
     */
    private static List<String> rows(Connection c, String table, String where) throws SQLException {
        String key = switch (table) {
            case "article_original" -> "article_id";
            case "ingest_file" -> "run_id, seq";
            case "source_collection_member" -> "collection_id, source_id";
            case "near_copy" -> "article_id, copy_id";
            default -> "id";
        };
        String row = table.endsWith("_event") ? "(to_jsonb(t) - 'id' - 'part_of')::text" : "t::text";
        return rowsOf(c, "select " + row + " from " + table + " t where " + where + " order by " + key);
    }

    private static List<String> rowsOf(DataSource source, String sql) throws SQLException {
        try (Connection c = source.getConnection()) {
            return rowsOf(c, sql);
        }
    }

    private static List<String> rowsOf(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static long count(Connection c, String sql) throws SQLException {
        return Long.parseLong(rowsOf(c, sql).get(0));
    }
}
