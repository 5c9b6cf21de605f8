package io.newsarchive.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.CorpusFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ingest command of the packaged app: exit codes, summary and report. */
@QuarkusMainIntegrationTest
@QuarkusTestResource(CatalogTestDatabase.class)
class IngestCommandIT {

    @TempDir
    Path dir;

    @Test
    void goodFilesExitZeroAndTheReportFileHoldsTheRun(QuarkusMainLauncher launcher) throws Exception {
        CorpusFiles.write(dir, "corpus/001.txt", article("One", uniqueUrl(), "Body."));
        CorpusFiles.write(dir, "corpus/002.txt", article("Two", uniqueUrl(), "Body."));
        Path report = dir.resolve("report.json");

        LaunchResult result =
                launcher.launch("ingest", dir.resolve("corpus").toString(), "--report", report.toString());

        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertTrue(result.getOutput().contains("2 added, 0 duplicate, 0 revised, 0 rejected"), result.getOutput());
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals("completed", json.at("/run/status").asText());
        assertEquals(2, json.at("/run/counts/added").asInt());
        assertEquals("added", json.at("/files/1/outcome").asText());
        assertTrue(json.at("/files/1/name").asText().endsWith("corpus/002.txt"));
    }

    @Test
    void aRejectedFileExitsOneAndNamesTheProblem(QuarkusMainLauncher launcher) throws Exception {
        CorpusFiles.write(dir, "001_bad.txt", "Headline\n20220230\n" + uniqueUrl() + "\nBody.\n");
        CorpusFiles.write(dir, "002_good.txt", article("Good", uniqueUrl(), "Body."));

        LaunchResult result = launcher.launch("ingest", dir.toString());

        assertEquals(1, result.exitCode(), result.getErrorOutput());
        assertTrue(result.getOutput().contains("1 added, 0 duplicate, 0 revised, 1 rejected"), result.getOutput());
        assertTrue(result.getOutput().contains("line 2 [date]"), result.getOutput());
    }

    @Test
    void aDryRunExitsLikeARealRunAndStoresNothing(QuarkusMainLauncher launcher) throws Exception {
        CorpusFiles.write(dir, "001.txt", article("Dry", uniqueUrl(), "Body."));

        LaunchResult dry = launcher.launch("ingest", "--dry-run", dir.toString());
        LaunchResult real = launcher.launch("ingest", dir.toString());

        assertEquals(0, dry.exitCode(), dry.getErrorOutput());
        assertTrue(dry.getOutput().contains("dry run"), dry.getOutput());
        assertTrue(real.getOutput().contains("1 added"), "the dry run stored nothing: " + real.getOutput());
    }

    @Test
    void aNulQuotedFromADateLineCostsOnlyItsOwnFile(QuarkusMainLauncher launcher) throws Exception {
        CorpusFiles.write(dir, "d/a.txt", "Headline\n2022\0" + "0121\nhttps://example.com/a\nBody.\n");
        CorpusFiles.write(dir, "d/good.txt", article("Good", uniqueUrl(), "Body."));
        Path report = dir.resolve("report.json");

        LaunchResult dry =
                launcher.launch("ingest", dir.resolve("d").toString(), "--dry-run", "--report", report.toString());
        LaunchResult real = launcher.launch("ingest", dir.resolve("d").toString());

        assertEquals(1, dry.exitCode(), dry.getErrorOutput());
        assertTrue(dry.getOutput().contains("1 added, 0 duplicate, 0 revised, 1 rejected"), dry.getOutput());
        assertTrue(dry.getOutput().contains("\"2022\\u00000121\""), dry.getOutput());
        assertEquals(
                "rejected",
                new ObjectMapper()
                        .readTree(report.toFile())
                        .at("/files/0/outcome")
                        .asText());
        assertEquals(1, real.exitCode(), real.getErrorOutput());
        assertTrue(real.getOutput().contains("1 added"), real.getOutput());
    }

    @Test
    void usageErrorsExitTwoWithOneLine(QuarkusMainLauncher launcher) {
        LaunchResult missing = launcher.launch("ingest", dir.resolve("nowhere").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.getErrorOutput().contains("no such file or folder"), missing.getErrorOutput());
        assertFalse(missing.getErrorOutput().contains("\tat "), "no stack trace: " + missing.getErrorOutput());

        LaunchResult noPath = launcher.launch("ingest");
        assertEquals(2, noPath.exitCode());
        assertTrue(noPath.getErrorOutput().contains("PATH"), noPath.getErrorOutput());
    }
}
