package io.newsarchive.ingest;

import io.newsarchive.testing.CorpusFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFolderGivesEveryTxtFileBelowItInLexicographicOrder() throws Exception {
        CorpusFiles.write(dir, "b/002.txt", "x");
        CorpusFiles.write(dir, "a/010.txt", "x");
        CorpusFiles.write(dir, "001.TXT", "x");
        CorpusFiles.write(dir, "notes.md", "x");

        try (InputFiles input = InputFiles.of(List.of(dir))) {
            String folder = dir.getFileName().toString();
            assertEquals(
                    List.of(folder + "/001.TXT", folder + "/a/010.txt", folder + "/b/002.txt"),
                    input.files().stream().map(InputFile::name).toList(),
                    "named from the folder given, not the server's root");
            assertEquals("010.txt", input.files().get(1).fileName());
        }
    }

    @Test
    void filesOfSeveralPathsAreSortedTogether() throws Exception {
        Path zip = CorpusFiles.zip(dir.resolve("b.zip"), "002.txt", "x", "001.txt", "x");
        Path plain = CorpusFiles.write(dir, "a.txt", "x");

        try (InputFiles input = InputFiles.of(List.of(zip, plain))) {
            assertEquals(
                    List.of("a.txt", "b.zip!/001.txt", "b.zip!/002.txt"),
                    input.files().stream().map(InputFile::name).toList());
        }
    }

    @Test
    void theManifestsAndTagFilesOfExportsAndBagsAreNotArticles() throws Exception {
        Path zip = CorpusFiles.zip(
                dir.resolve("bag.zip"),
                "bag/bagit.txt",
                "x",
                "bag/bag-info.txt",
                "x",
                "bag/manifest-sha256.txt",
                "x",
                "bag/tagmanifest-sha512.txt",
                "x",
                "bag/metadata/articles.csv",
                "x",
                "bag/data/001.txt",
                "x",
                "bag/data/17/manifest.txt",
                "x");

        try (InputFiles input = InputFiles.of(List.of(zip))) {
            assertEquals(
                    List.of("bag.zip!/bag/data/001.txt", "bag.zip!/bag/data/17/manifest.txt"),
                    input.files().stream().map(InputFile::name).toList());
        }
    }

    @Test
    void zipEntriesThatLeaveTheArchiveAreRefusedWithoutBeingRead() throws Exception {
        Path zip = CorpusFiles.zip(
                dir.resolve("evil.zip"),
                "../up.txt",
                "x",
                "/etc/abs.txt",
                "x",
                "a\\..\\..\\win.txt",
                "x",
                "C:/drive.txt",
                "x",
                "ok/fine..txt",
                "x");

        try (InputFiles input = InputFiles.of(List.of(zip))) {
            List<InputFile> files = input.files();
            assertEquals(5, files.size());
            for (InputFile f : files.subList(0, 4)) {
                assertEquals("path", f.refusal().code(), f.name());
                assertNull(f.opener(), "never opened");
            }
            assertEquals("evil.zip!/ok/fine..txt", files.get(4).name());
            assertNull(files.get(4).refusal());
        }
    }

    @Test
    void aMissingPathOrABrokenZipIsAUsageError() throws Exception {
        InputFiles.InputException missing =
                assertThrows(InputFiles.InputException.class, () -> InputFiles.of(List.of(dir.resolve("nowhere"))));
        assertTrue(missing.getMessage().contains("nowhere"), missing.getMessage());
        Path broken = CorpusFiles.write(dir, "broken.zip", "not a zip");
        assertThrows(InputFiles.InputException.class, () -> InputFiles.of(List.of(broken)));
    }
}
