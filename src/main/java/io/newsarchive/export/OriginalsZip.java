package io.newsarchive.export;

import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.PortableZip;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Writes original files into a zip, byte for byte at the paths the export chose, with a SHA-256 manifest and the list
 * of files; or a BagIt 1.0 bag (RFC 8493): the files under {@code data/} in the bag's folder, SHA-256 and SHA-512
 * manifests and the tag files.
 * <p>
 * Entries are written so that every common tool extracts them with their names ({@link PortableZip}). Manifest lines wait in temporary files, so memory does not grow with the selection. Nothing ends the
 * zip but {@link #finish} and {@link #finishBag}: an export that fails half way leaves no central directory, and no
 * unzip tool takes the cut file for a whole one.
 */
final class OriginalsZip implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.of();

    /** What a bag says about itself in bag-info.txt. */
    record BagInfo(
            String sourceOrganization,
            CatalogConfig.Contact contact,
            String externalDescription,
            String externalIdentifier,
            LocalDate baggingDate,
            String softwareAgent,
            String profileIdentifier) {}

    /** An original whose stored bytes differ from those ingested: damage that must not be passed on. */
    static final class ChangedOriginal extends RuntimeException {
        ChangedOriginal(String message) {
            super(message);
        }
    }

    /** Writes one tag file's bytes. */
    interface TagContent {
        void writeTo(OutputStream out) throws IOException, SQLException;
    }

    private final ZipArchiveOutputStream zip;
    /** When every entry was made: the time of the export. */
    private final long time = System.currentTimeMillis();

    private final String root;
    private final String payload;
    private final List<Manifest> manifests = new ArrayList<>();
    private final Map<String, Map<String, String>> tagFiles = new LinkedHashMap<>();
    private long files;
    private long bytes;

    /** A plain zip: the files at the top, {@code manifest-sha256.txt} beside them. */
    static OriginalsZip plain(OutputStream out) throws IOException {
        return new OriginalsZip(out, "", "", List.of("sha256"));
    }

    /** A bag in the folder {@code bagName}: {@code bagit.txt} first, the files under {@code data/}. */
    static OriginalsZip bag(OutputStream out, String bagName) throws IOException, SQLException {
        OriginalsZip bag = new OriginalsZip(out, bagName + "/", "data/", List.of("sha256", "sha512"));
        bag.entry("bagit.txt", text("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"));
        return bag;
    }

    private OriginalsZip(OutputStream out, String root, String payload, List<String> algorithms) throws IOException {
        this.zip = PortableZip.open(out);
        // the fastest deflate still halves news text; the default level takes half as long again for 5 % less
        zip.setLevel(Deflater.BEST_SPEED);
        this.root = root;
        this.payload = payload;
        for (String algorithm : algorithms) {
            manifests.add(new Manifest(algorithm));
        }
    }

    /**
     * Adds one original file, after checking its bytes against the SHA-256 stored at ingest: an export never
     * passes on silently changed bytes. (Every bag and zip has a SHA-256 manifest, and it comes first.)
     *
     * @param path where it goes below the payload folder, one line of a manifest as it is
     */
    void add(long articleId, String path, String storedSha256, byte[] content, int length) throws IOException {
        List<String> hexes = new ArrayList<>();
        for (Manifest manifest : manifests) {
            MessageDigest digest = digest(manifest.algorithm);
            digest.update(content, 0, length);
            hexes.add(HEX.formatHex(digest.digest()));
        }
        if (!hexes.get(0).equals(storedSha256)) {
            throw new ChangedOriginal("article " + articleId + " (" + path.substring(path.lastIndexOf('/') + 1)
                    + "): the stored bytes no longer match the SHA-256 taken at ingest; the export stops here");
        }
        zip.putArchiveEntry(PortableZip.entry(root + payload + path, time));
        zip.write(content, 0, length);
        zip.closeArchiveEntry();
        for (int i = 0; i < manifests.size(); i++) {
            manifests.get(i).add(hexes.get(i), payload + path);
        }
        files++;
        bytes += length;
    }

    /** How many originals it holds so far. */
    long files() {
        return files;
    }

    /** Ends a plain zip: the list of its files (in its manifest too), the manifest, the count in the zip's comment. */
    void finish(TagContent articlesCsv) throws IOException, SQLException {
        entry("articles.csv", articlesCsv);
        for (Manifest manifest : manifests) {
            manifest.add(tagFiles.get("articles.csv").get(manifest.algorithm), "articles.csv");
        }
        for (Manifest manifest : manifests) {
            entry(manifest.fileName(), manifest::copyTo);
        }
        zip.setComment(ArticleExport.endOfExport(files));
        zip.finish();
    }

    /**
     * Ends a bag: metadata/articles.csv and the other metadata files, the manifests, bag-info.txt (with Payload-Oxum)
     * and the tag manifests.
     */
    void finishBag(BagInfo info, TagContent articlesCsv, Map<String, TagContent> metadata)
            throws IOException, SQLException {
        entry("metadata/articles.csv", articlesCsv);
        for (Map.Entry<String, TagContent> file : metadata.entrySet()) {
            entry("metadata/" + file.getKey(), file.getValue());
        }
        for (Manifest manifest : manifests) {
            entry(manifest.fileName(), manifest::copyTo);
        }
        StringBuilder bagInfo = new StringBuilder();
        field(bagInfo, "Source-Organization", info.sourceOrganization());
        info.contact().name().ifPresent(name -> field(bagInfo, "Contact-Name", name));
        info.contact().email().ifPresent(email -> field(bagInfo, "Contact-Email", email));
        info.contact().phone().ifPresent(phone -> field(bagInfo, "Contact-Phone", phone));
        field(bagInfo, "External-Description", info.externalDescription());
        field(bagInfo, "External-Identifier", info.externalIdentifier());
        field(bagInfo, "Bagging-Date", info.baggingDate().toString());
        field(bagInfo, "Bag-Software-Agent", info.softwareAgent());
        field(bagInfo, "Bag-Size", size(bytes));
        field(bagInfo, "Payload-Oxum", bytes + "." + files);
        field(bagInfo, "BagIt-Profile-Identifier", info.profileIdentifier());
        entry("bag-info.txt", text(bagInfo.toString()));
        Map<String, Map<String, String>> tagFilesSoFar = new LinkedHashMap<>(tagFiles);
        for (Manifest manifest : manifests) {
            StringBuilder lines = new StringBuilder();
            tagFilesSoFar.forEach((path, digests) -> lines.append(digests.get(manifest.algorithm))
                    .append("  ")
                    .append(path)
                    .append('\n'));
            entry("tag" + manifest.fileName(), text(lines.toString()));
        }
        zip.setComment(ArticleExport.endOfExport(files));
        zip.finish();
    }

    /** Writes one file below the root, other than a payload file, and keeps its digests for the tag manifests. */
    private void entry(String path, TagContent content) throws IOException, SQLException {
        zip.putArchiveEntry(PortableZip.entry(root + path, time));
        Map<String, MessageDigest> digests = new LinkedHashMap<>();
        OutputStream out = zip;
        for (Manifest manifest : manifests) {
            MessageDigest digest = digest(manifest.algorithm);
            digests.put(manifest.algorithm, digest);
            out = new DigestOutputStream(out, digest);
        }
        content.writeTo(out);
        out.flush();
        zip.closeArchiveEntry();
        Map<String, String> hex = new LinkedHashMap<>();
        digests.forEach((algorithm, digest) -> hex.put(algorithm, HEX.formatHex(digest.digest())));
        tagFiles.put(path, hex);
    }

    private static TagContent text(String text) {
        return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(StringBuilder bagInfo, String label, String value) {
        bagInfo.append(label)
                .append(": ")
                .append(value.replaceAll("\\s+", " ").strip())
                .append('\n');
    }

    /** Bag-Size as people read it: {@code 532 bytes}, {@code 1.2 MB} (decimal units, as RFC 8493's example). */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = -1;
        while (value >= 999.95 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.equals("sha256") ? "SHA-256" : "SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }

    @Override
    public void close() throws IOException {
        for (Manifest manifest : manifests) {
            manifest.delete();
        }
    }

    /** The lines of one payload manifest, in a temporary file until the end. */
    private static final class Manifest {
        final String algorithm;
        final Path file;
        final Writer lines;

        Manifest(String algorithm) throws IOException {
            this.algorithm = algorithm;
            this.file = Files.createTempFile("export-manifest-", ".txt");
            this.lines = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        }

        String fileName() {
            return "manifest-" + algorithm + ".txt";
        }

        /** One line; paths hold no {@code %}, CR or LF, which RFC 8493 would percent-encode and sha256sum escape. */
        void add(String hex, String path) throws IOException {
            lines.write(hex + "  " + path + "\n");
        }

        void copyTo(OutputStream out) throws IOException {
            lines.flush();
            Files.copy(file, out);
        }

        void delete() throws IOException {
            lines.close();
            Files.deleteIfExists(file);
        }
    }
}
