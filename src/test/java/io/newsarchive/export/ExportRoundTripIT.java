package io.newsarchive.export;

import io.newsarchive.testing.AppProcess;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.CorpusFiles;
import io.newsarchive.testing.ServedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.newsarchive.testing.CorpusFiles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An export's original files, as a zip and as a BagIt bag, ingested into an empty catalog give back the same
 * articles: same metadata, same text, same bytes, the same versions of each URL whatever their names.
 */
class ExportRoundTripIT {

    /** What an article is, apart from what the catalog that holds it assigns (id, times, run). */
    private static final String ARTICLES = """
            select s.host, a.headline, a.published, a.url, a.normalized_url, a.file_name, a.sha256, a.size_bytes,
                   a.sentences::text, a.sentence_count, a.word_count, a.status, a.version, a.latest,
                   encode(sha256(o.content), 'hex')
            from article a join source s on s.id = a.source_id join article_original o on o.article_id = a.id
            order by a.sha256""";

    @TempDir
    Path dir;

    @Test
    void exportedOriginalsIngestIntoAnEmptyCatalogAsTheSameArticles() throws Exception {
        Path corpus = dir.resolve("corpus");
        try (Stream<Path> samples = Files.list(Path.of("corpus"))) {
            for (Path sample : samples.toList()) {
                Files.createDirectories(corpus);
                Files.copy(sample, corpus.resolve(sample.getFileName()));
            }
        }
        CorpusFiles.write(corpus, "a/same.txt", article("Same name, first", "https://one.example.org/a", "First."));
        CorpusFiles.write(corpus, "b/SAME.txt", article("Same name, second", "https://one.example.org/b", "Body."));
        CorpusFiles.write(
                corpus,
                "Київ 🙂.txt",
                article(
                        "Київ, \"quoted\" 🙂",
                        LocalDate.of(2021, 12, 31),
                        "https://two.example.org/kyiv",
                        "Перше речення.",
                        "Second sentence."));
        CorpusFiles.write(corpus, "crlf.txt", "Windows lines\r\n20220105\r\nhttps://two.example.org/crlf\r\nBody.\r\n");
        CorpusFiles.write(corpus, "rev_1.txt", article("Revised, old", "https://one.example.org/rev", "Old."));
        CorpusFiles.write(corpus, "rev_2.txt", article("Revised, new", "https://one.example.org/rev", "New."));
        // versions whose names sort the other way round: the later one is filed in a folder named by its id, or
        // comes first by name
        CorpusFiles.write(corpus, "c/same.txt", article("One name, old", "https://one.example.org/n", "Old."));
        CorpusFiles.write(corpus, "d/same.txt", article("One name, new", "https://one.example.org/n", "New."));
        CorpusFiles.write(corpus, "e/zz.txt", article("Other names, old", "https://one.example.org/z", "Old."));
        CorpusFiles.write(corpus, "f/aa.txt", article("Other names, new", "https://one.example.org/z", "New."));

        Map<String, String> source = CatalogTestDatabase.freshDatabase();
        Path zip = dir.resolve("export.zip");
        Path bag = dir.resolve("export.bag.zip");
        try (ServedApp app = ServedApp.start(source, Map.of("catalog.startup-ingest.path", corpus.toString()), dir)) {
            assertEquals(
                    200,
                    app.get("/api/export?format=zip&all_versions=true", HttpResponse.BodyHandlers.ofFile(zip))
                            .statusCode());
            assertEquals(
                    200,
                    app.get("/api/export?format=bagit&all_versions=true", HttpResponse.BodyHandlers.ofFile(bag))
                            .statusCode());
        }
        List<List<String>> original = articles(source);
        assertEquals(12, original.size(), "the corpus and the ten files are in");

        for (Path export : List.of(zip, bag)) {
            Map<String, String> empty = CatalogTestDatabase.freshDatabase();
            Path log = dir.resolve("ingest-" + export.getFileName() + ".log");
            int exit = AppProcess.exitOf(AppProcess.start(empty, Map.of(), log, "ingest", export.toString()));
            assertEquals(0, exit, Files.readString(log, StandardCharsets.UTF_8));
            assertEquals(original, articles(empty), "the articles of " + export.getFileName());
        }

        Map<String, String> restored = CatalogTestDatabase.freshDatabase();
        Path log = dir.resolve("restore.log");
        assertEquals(
                0,
                AppProcess.exitOf(AppProcess.start(restored, Map.of(), log, "restore", bag.toString())),
                Files.readString(log, StandardCharsets.UTF_8));
        assertEquals(original, articles(restored), "the restored articles");
        assertTrue(Files.readString(log, StandardCharsets.UTF_8).contains("restored 12 articles and 1 ingest runs"));
        assertEquals(
                1,
                AppProcess.exitOf(AppProcess.start(restored, Map.of(), log, "restore", bag.toString())),
                "refused: the catalog is not empty");
        assertTrue(Files.readString(log, StandardCharsets.UTF_8).contains("the catalog is not empty"));
    }

    private static List<List<String>> articles(Map<String, String> database) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(
                        database.get("quarkus.datasource.jdbc.url"),
                        database.get("quarkus.datasource.username"),
                        database.get("quarkus.datasource.password"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(ARTICLES)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
