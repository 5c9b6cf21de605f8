package io.newsarchive.ingest;

import com.google.common.hash.Hashing;
import io.newsarchive.testing.CorpusFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
    void onlyTheCheckedPayloadOfABagIsIngestedAndItsListOrdersVersions() throws Exception {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("data/b-old.txt", "old");
        payload.put("data/a-new.txt", "new");
        payload.put("data/17/manifest.txt", "not a package file in data/");
        Path zip = bag(
                payload,
                "metadata/articles.csv",
                "id,version,path\r\n1,1,b-old.txt\r\n2,2,a-new.txt\r\n3,1,17/manifest.txt\r\n",
                "metadata/notes.txt",
                "a tag file, not an article");

        try (InputFiles input = InputFiles.of(List.of(zip))) {
            assertEquals(
                    List.of(
                            "bag.zip!/bag/data/17/manifest.txt",
                            "bag.zip!/bag/data/b-old.txt",
                            "bag.zip!/bag/data/a-new.txt"),
                    input.files().stream().map(InputFile::name).toList(),
                    "by version, then by name");
            InputFile old = input.files().get(1);
            assertNull(old.refusal());
            assertEquals(Set.of("sha256", "sha512"), old.digests().keySet());
            assertEquals(
                    Hashing.sha512().hashString("old", StandardCharsets.UTF_8).toString(),
                    old.digests().get("sha512"));
        }
    }

    @Test
    void aFileTheManifestsDoNotListIsRefusedAndOneTheyListButIsMissingIsReported() throws Exception {
        Path zip = bag(Map.of("data/listed.txt", "x", "data/gone.txt", "y"));
        Map<String, byte[]> entries = entries(zip);
        entries.remove("bag/data/gone.txt");
        entries.put("bag/data/slipped-in.txt", "z".getBytes(StandardCharsets.UTF_8));
        Files.write(zip, CorpusFiles.zip(entries));

        try (InputFiles input = InputFiles.of(List.of(zip))) {
            List<InputFile> files = input.files();
            assertEquals(
                    List.of(
                            "bag.zip!/bag/data/gone.txt",
                            "bag.zip!/bag/data/listed.txt",
                            "bag.zip!/bag/data/slipped-in.txt"),
                    files.stream().map(InputFile::name).toList());
            assertEquals("manifest", files.get(0).refusal().code());
            assertTrue(
                    files.get(0).refusal().message().contains("data/gone.txt is listed in manifest-sha256.txt"),
                    files.get(0).refusal().message());
            assertNull(files.get(1).refusal());
            assertEquals("manifest", files.get(2).refusal().code());
            assertTrue(
                    files.get(2).refusal().message().contains("not listed"),
                    files.get(2).refusal().message());
        }
    }

    @Test
    void aChangedTagFileRefusesTheWholeBag() throws Exception {
        Path zip = bag(Map.of("data/a.txt", "x"));
        Map<String, byte[]> entries = entries(zip);
        entries.put("bag/bag-info.txt", "Source-Organization: someone else\n".getBytes(StandardCharsets.UTF_8));
        Files.write(zip, CorpusFiles.zip(entries));

        InputFiles.InputException refused =
                assertThrows(InputFiles.InputException.class, () -> InputFiles.of(List.of(zip)));
        assertTrue(refused.getMessage().contains("bag-info.txt does not match its tag manifest"), refused.getMessage());
    }

    /** A valid bag in the folder {@code bag/} of {@code bag.zip}; tag files are given as path, content, ... */
    private Path bag(Map<String, String> payload, String... tagFiles) throws Exception {
        Map<String, String> files = new LinkedHashMap<>(payload);
        files.put("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        files.put("bag-info.txt", "Source-Organization: test\n");
        for (int i = 0; i < tagFiles.length; i += 2) {
            files.put(tagFiles[i], tagFiles[i + 1]);
        }
        for (String algorithm : List.of("sha256", "sha512")) {
            StringBuilder lines = new StringBuilder();
            payload.forEach((path, content) -> lines.append(hash(algorithm, content))
                    .append("  ")
                    .append(path)
                    .append('\n'));
            files.put("manifest-" + algorithm + ".txt", lines.toString());
        }
        for (String algorithm : List.of("sha256", "sha512")) {
            StringBuilder lines = new StringBuilder();
            files.forEach((path, content) -> {
                if (!path.startsWith("data/") && !path.startsWith("tagmanifest-")) {
                    lines.append(hash(algorithm, content))
                            .append("  ")
                            .append(path)
                            .append('\n');
                }
            });
            files.put("tagmanifest-" + algorithm + ".txt", lines.toString());
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        files.forEach((path, content) -> entries.put("bag/" + path, content.getBytes(StandardCharsets.UTF_8)));
        return Files.write(dir.resolve("bag.zip"), CorpusFiles.zip(entries));
    }

    private static String hash(String algorithm, String content) {
        return (algorithm.equals("sha256") ? Hashing.sha256() : Hashing.sha512())
                .hashString(content, StandardCharsets.UTF_8)
                .toString();
    }

    private static Map<String, byte[]> entries(Path zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                entries.put(entry.getName(), file.getInputStream(entry).readAllBytes());
            }
        }
        return entries;
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
