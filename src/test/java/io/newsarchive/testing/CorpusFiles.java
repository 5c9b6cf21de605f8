package io.newsarchive.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Corpus files for tests, each with a URL no other test uses. */
public final class CorpusFiles {

    private CorpusFiles() {}

    /** A URL on a host of its own, so that tests never revise each other's articles. */
    public static String uniqueUrl() {
        return "https://www.example-" + UUID.randomUUID().toString().substring(0, 8) + ".co.uk/news/story.html";
    }

    public static String article(String headline, String url, String... sentences) {
        return article(headline, LocalDate.of(2022, 1, 21), url, sentences);
    }

    public static String article(String headline, LocalDate published, String url, String... sentences) {
        return headline + "\n" + published.format(DateTimeFormatter.BASIC_ISO_DATE) + "\n" + url + "\n"
                + String.join("\n", sentences) + "\n";
    }

    public static Path write(Path dir, String name, String content) throws IOException {
        return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path dir, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    /** A zip whose entries are given as name, content, name, content, ... */
    public static Path zip(Path file, String... namesAndContents) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            entries.put(namesAndContents[i], namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return Files.write(file, zip(entries));
    }

    /** A zip of these entries, in their order. */
    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
