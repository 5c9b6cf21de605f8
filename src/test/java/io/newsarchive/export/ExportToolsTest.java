package io.newsarchive.export;

import gov.loc.repository.bagit.conformance.BagProfileChecker;
import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import io.newsarchive.ingest.IngestProgress;
import io.newsarchive.ingest.IngestRequest;
import io.newsarchive.ingest.IngestService;
import io.newsarchive.ingest.InputFiles;
import io.newsarchive.ingest.Trigger;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.CorpusFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exports read back with the tools people use, not only with Java's: Info-ZIP's unzip and zipinfo, 7-Zip,
 * {@code sha256sum -c}, csvkit, pandas and a BagIt profile validator. {@code src/dev/test-up} installs them.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class ExportToolsTest {

    private static final String UKRAINIAN = "Київ-новини-🚀.txt";
    private static final String CAFE_NFC = Normalizer.normalize("café.txt", Normalizer.Form.NFC);
    private static final String CAFE_NFD = Normalizer.normalize("café.txt", Normalizer.Form.NFD);

    @Inject
    IngestService ingest;

    @TempDir
    Path dir;

    @Test
    void zipsExtractWithTheirNamesAndTheirManifestChecksWithSha256sum() throws Exception {
        String host = ingestHardNames();
        Path zip = Files.write(
                dir.resolve("export.zip"),
                given().get("/api/export?format=zip&source=" + host)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray());

        String listing = run(dir, "zipinfo", zip.toString());
        assertTrue(listing.contains(" unx ") && !listing.contains(" fat "), "entries are made on Unix:\n" + listing);

        for (List<String> extract : List.of(List.of("unzip", "-q"), List.of("7z", "x", "-bd", "-y"))) {
            Path out = Files.createDirectories(dir.resolve(extract.get(0)));
            run(out, Stream.concat(extract.stream(), Stream.of(zip.toString())).toArray(String[]::new));
            Set<String> names = files(out);
            long id = articleId(host, "Percent");
            long nfd = articleId(host, "Decomposed");
            assertEquals(
                    Set.of(
                            UKRAINIAN,
                            CAFE_NFC,
                            nfd + "/" + CAFE_NFD,
                            id + "/50_ off here.txt",
                            "plain.txt",
                            "articles.csv",
                            "manifest-sha256.txt"),
                    names,
                    extract.get(0) + " extracts every name as it is, and NFC/NFD twins and % go to id folders");
            run(out, "sha256sum", "--strict", "-c", "manifest-sha256.txt");
        }
    }

    @Test
    void bagsExtractWithUnzipAndConformToTheirPublishedProfile() throws Exception {
        String host = ingestHardNames();
        Path zip = Files.write(
                dir.resolve("export.bag.zip"),
                given().get("/api/export?format=bagit&source=" + host)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray());
        Path out = Files.createDirectories(dir.resolve("unzipped"));
        run(out, "unzip", "-q", zip.toString());
        Path bagDir;
        try (Stream<Path> top = Files.list(out)) {
            bagDir = top.findFirst().orElseThrow();
        }
        run(bagDir, "sha256sum", "--strict", "-c", "manifest-sha256.txt");
        run(bagDir, "sha512sum", "--strict", "-c", "tagmanifest-sha512.txt");
        assertTrue(Files.exists(bagDir.resolve("data").resolve(UKRAINIAN)));

        Bag bag = new BagReader().read(bagDir);
        try (BagVerifier verifier = new BagVerifier()) {
            verifier.isValid(bag, false);
        }
        byte[] profile = given().get("/bagit-profile.json")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        BagProfileChecker.bagConformsToProfile(new ByteArrayInputStream(profile), bag);
        assertEquals(
                List.of(given().get("/bagit-profile.json")
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("'BagIt-Profile-Info'.'BagIt-Profile-Identifier'")),
                bag.getMetadata().get("BagIt-Profile-Identifier"));
        assertTrue(bag.getMetadata().get("External-Identifier").get(0).matches("urn:uuid:[0-9a-f-]{36}"));
        assertTrue(bag.getMetadata().get("Bag-Software-Agent").get(0).startsWith("News archive "));
        assertTrue(bag.getMetadata().get("Bag-Size").get(0).matches("\\d+ bytes|\\d+\\.\\d [KMGTP]B"));
    }

    @Test
    void theCsvReadsWithPandasAndCsvkitWithNoOptionsAndNoLoss() throws Exception {
        String host = "x" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        CorpusFiles.write(
                corpus,
                "hashtag.txt",
                article("Rally under #StandWithUkraine hashtag", "https://" + host + "/rally", "Crowds # gathered."));
        CorpusFiles.write(corpus, "other.txt", article("# Starts like a comment", "https://" + host + "/c", "Body."));
        ingest(corpus);
        Path csv = Files.write(
                dir.resolve("export.csv"),
                given().get("/api/export?include_body=true&source=" + host)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray());

        String clean = run(dir, "csvclean", "-n", csv.toString());
        assertTrue(clean.contains("No errors"), "csvclean finds every record whole:\n" + clean);
        String pandas = run(
                dir,
                "/usr/bin/python3",
                "-c",
                "import pandas, sys\n"
                        + "df = pandas.read_csv(sys.argv[1])\n"
                        + "print(len(df), df['id'].dtype, df['sha256'].str.len().min())\n"
                        + "print(df.sort_values('headline')['headline'].tolist())\n"
                        + "print(df.sort_values('headline')['body'].tolist())",
                csv.toString());
        assertEquals(
                "2 int64 64\n"
                        + "['# Starts like a comment', 'Rally under #StandWithUkraine hashtag']\n"
                        + "['Body.', 'Crowds # gathered.']\n",
                pandas);

        String counted = given().get("/api/export?end_line=true&source=" + host).asString();
        assertTrue(counted.endsWith("\r\n# 2 articles; end of export\r\n"), "asked for, the count ends it: " + counted);
    }

    /** Files named in Cyrillic with an emoji, with %, and the same name in NFC and NFD; returns their source. */
    private String ingestHardNames() throws IOException {
        String host = "x" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        Path corpus = Files.createDirectories(dir.resolve("names"));
        LocalDate day = LocalDate.of(2022, 3, 1);
        CorpusFiles.write(corpus, UKRAINIAN, article("Kyiv news", day, "https://" + host + "/kyiv", "Body."));
        CorpusFiles.write(corpus, "50% off here.txt", article("Percent", day, "https://" + host + "/p", "Body."));
        CorpusFiles.write(corpus, "a/" + CAFE_NFC, article("Composed", day, "https://" + host + "/nfc", "Body."));
        CorpusFiles.write(corpus, "b/" + CAFE_NFD, article("Decomposed", day, "https://" + host + "/nfd", "Body."));
        CorpusFiles.write(corpus, "plain.txt", article("Plain", day, "https://" + host + "/plain", "Body."));
        ingest(corpus);
        return host;
    }

    private void ingest(Path corpus) {
        try (InputFiles input = InputFiles.of(List.of(corpus))) {
            ingest.ingest(input, new IngestRequest(Trigger.CLI, "test", false), IngestProgress.NONE);
        }
    }

    private static long articleId(String host, String headline) {
        return given().get("/api/articles?source=" + host + "&q=" + headline)
                .then()
                .extract()
                .jsonPath()
                .getLong("items[0].id");
    }

    private static Set<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString())
                    .collect(Collectors.toSet());
        }
    }

    /** Runs a tool in a UTF-8 locale and returns its output; fails unless it exits 0. */
    private static String run(Path workDir, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ":\n" + output);
        return output;
    }
}
