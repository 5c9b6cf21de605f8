package io.newsarchive.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A BagIt bag or an export of originals among the files of one zip or folder: what its manifests give as each file's
 * digests, and which version of its URL each file is by the package's list of files ({@code metadata/articles.csv}
 * in a bag, {@code articles.csv} in a zip), so that ingest takes versions in their order whatever their names. A
 * bag's tag files are checked here, before anything is ingested; payload files as they are read.
 */
public final class ExportedPackage {

    private static final Pattern MANIFEST = Pattern.compile("(tag)?manifest-([a-z0-9]+)\\.txt");
    /** A digest, white space, and a path (sha256sum's binary-mode {@code *} aside). */
    private static final Pattern MANIFEST_LINE = Pattern.compile("([0-9a-fA-F]+)[ \t]+\\*?(.+)");

    private static final HexFormat HEX = HexFormat.of();

    /** The folder it is in, {@code ""} or ending with {@code /}. */
    private final String root;

    private final boolean bag;
    /** How the package is named in messages: {@code the bag x.zip!/x/}. */
    private final String shown;
    /** Each listed file's digests by algorithm, by its path below the root. */
    private final Map<String, Map<String, String>> digests = new TreeMap<>();
    /** The manifest a file must be listed in (the first payload manifest). */
    private String firstManifest;
    /** The algorithms of the payload manifests, each of which must list every payload file. */
    private final Set<String> payloadAlgorithms = new TreeSet<>();
    /** The tag files the tag manifests list. */
    private final Set<String> listedTagFiles = new TreeSet<>();

    private final Map<String, Integer> versions = new LinkedHashMap<>();
    /** Tag files that are missing or do not match their tag manifests. */
    private final List<String> tagProblems = new ArrayList<>();

    private ExportedPackage(String root, boolean bag, String shown) {
        this.root = root;
        this.bag = bag;
        this.shown = shown;
    }

    /**
     * The packages among the files of a zip or folder: every folder holding {@code bagit.txt}, and the top when it
     * holds {@code manifest-sha256.txt} but no {@code bagit.txt}.
     *
     * @param display how the zip or folder is named in reports
     * @param entries its files by their paths, {@code /}-separated
     * @throws InputFiles.InputException when a manifest cannot be read or a bag's tag file is damaged
     */
    static List<ExportedPackage> find(String display, Map<String, InputFile.Opener> entries) {
        List<ExportedPackage> packages = new ArrayList<>();
        for (String root : bagRoots(entries)) {
            packages.add(new ExportedPackage(root, true, "the bag " + display + "!/" + root));
        }
        if (packages.stream().noneMatch(p -> p.root.isEmpty()) && entries.containsKey("manifest-sha256.txt")) {
            packages.add(new ExportedPackage("", false, display));
        }
        for (ExportedPackage p : packages) {
            p.read(entries);
            if (!p.tagProblems.isEmpty()) {
                throw new InputFiles.InputException(p.shown + ": " + String.join("; ", p.tagProblems)
                        + ", so the bag was changed after it was made; nothing was ingested");
            }
        }
        return packages;
    }

    /**
     * The one bag among the files of a zip or folder, every file of it checked against every manifest and tag
     * manifest, for a restore that must store nothing of a damaged bag: every payload file must be in every payload
     * manifest, and each of {@code trusted} in the tag manifests.
     *
     * @param trusted tag files (paths below the bag's folder) that the restore reads and must be able to trust
     * @return what is wrong, a line for each bad file; empty when the bag is whole
     * @throws InputFiles.InputException when there is no bag, or more than one
     */
    public static List<String> checkBag(String display, Map<String, InputFile.Opener> entries, List<String> trusted) {
        List<String> roots = bagRoots(entries);
        if (roots.size() != 1) {
            throw new InputFiles.InputException(display
                    + (roots.isEmpty()
                            ? " is not a BagIt bag (no bagit.txt)"
                            : " holds " + roots.size() + " bags; restore one at a time"));
        }
        String root = roots.get(0);
        ExportedPackage bag = new ExportedPackage(root, true, "the bag " + display + "!/" + root);
        bag.read(entries);
        List<String> problems = new ArrayList<>(bag.tagProblems);
        for (Map.Entry<String, InputFile.Opener> entry : entries.entrySet()) {
            String path = entry.getKey();
            if (!path.startsWith(root + "data/")) {
                continue;
            }
            Map<String, String> expected = bag.digests(path);
            if (expected == null) {
                problems.add(bag.unlisted(path));
            } else if (!expected.keySet().equals(bag.payloadAlgorithms)) {
                problems.add(path.substring(root.length()) + " is not listed in every payload manifest");
            } else if (!expected.equals(bag.hashes(entry.getValue(), expected, path))) {
                problems.add(path.substring(root.length()) + " does not match the payload manifests: it was changed"
                        + " or damaged since the bag was made");
            }
        }
        bag.missing(entries.keySet()).forEach(path -> problems.add(bag.missingMessage(path)));
        for (String file : trusted) {
            if (!bag.listedTagFiles.contains(file)) {
                problems.add(file + " is not in the bag's tag manifests, so it cannot be trusted");
            }
        }
        return problems;
    }

    /**
     * The folders of a zip or folder that hold {@code bagit.txt}: its bags, but not a file so named in a bag's
     * payload.
     */
    public static List<String> bagRoots(Map<String, InputFile.Opener> entries) {
        List<String> roots = entries.keySet().stream()
                .filter(path -> path.equals("bagit.txt") || path.endsWith("/bagit.txt"))
                .map(path -> path.substring(0, path.length() - "bagit.txt".length()))
                .sorted(Comparator.comparingInt(String::length))
                .toList();
        List<String> bags = new ArrayList<>();
        for (String root : roots) {
            if (bags.stream().noneMatch(bag -> root.startsWith(bag + "data/"))) {
                bags.add(root);
            }
        }
        return bags;
    }

    /** The package a path of the zip or folder belongs to (the innermost), or null. */
    static ExportedPackage of(List<ExportedPackage> packages, String path) {
        ExportedPackage found = null;
        for (ExportedPackage p : packages) {
            if (path.startsWith(p.root) && (found == null || p.root.length() > found.root.length())) {
                found = p;
            }
        }
        return found;
    }

    /** Whether a path is one of the package's own files rather than an original: in a bag, all but {@code data/}. */
    boolean isTagFile(String path) {
        return bag && !path.startsWith(root + "data/");
    }

    /** The digests the manifests give for a path, by algorithm; null when no manifest lists it. */
    Map<String, String> digests(String path) {
        return digests.get(path.substring(root.length()));
    }

    /** Why a file of the package cannot be trusted though its bytes were not read yet: it is in no manifest. */
    String unlisted(String path) {
        return path.substring(root.length()) + " is not listed in " + firstManifest + " of " + shown
                + ": it was added after the package was made";
    }

    /** The version of its URL that the package's list gives a path, or 1. */
    int version(String path) {
        // the list gives paths in the payload: below data/ in a bag
        String payload = bag ? root + "data/" : root;
        return path.startsWith(payload) ? versions.getOrDefault(path.substring(payload.length()), 1) : 1;
    }

    /** The paths the manifests list but the package lacks, below the zip or folder. */
    List<String> missing(Set<String> present) {
        return digests.keySet().stream()
                .filter(p -> !present.contains(root + p))
                .map(p -> root + p)
                .toList();
    }

    /** How a missing file is reported. */
    String missingMessage(String path) {
        return path.substring(root.length()) + " is listed in " + firstManifest + " of " + shown
                + " but missing: the package is incomplete";
    }

    private void read(Map<String, InputFile.Opener> entries) {
        Map<String, Map<String, String>> tagDigests = new TreeMap<>();
        for (String path : entries.keySet()) {
            if (!path.startsWith(root) || path.indexOf('/', root.length()) >= 0) {
                continue;
            }
            Matcher manifest = MANIFEST.matcher(path.substring(root.length()));
            if (manifest.matches()) {
                boolean tag = manifest.group(1) != null;
                String algorithm = manifest.group(2);
                digest(algorithm, path);
                if (!tag && firstManifest == null) {
                    firstManifest = manifest.group();
                }
                if (!tag) {
                    payloadAlgorithms.add(algorithm);
                }
                readManifest(entries, path, algorithm, tag ? tagDigests : digests);
            }
        }
        if (firstManifest == null) {
            throw new InputFiles.InputException(shown + " has no payload manifest (manifest-sha256.txt, ...)");
        }
        listedTagFiles.addAll(tagDigests.keySet());
        for (Map.Entry<String, Map<String, String>> tagFile : tagDigests.entrySet()) {
            InputFile.Opener opener = entries.get(root + tagFile.getKey());
            if (opener == null
                    || !tagFile.getValue().equals(hashes(opener, tagFile.getValue(), root + tagFile.getKey()))) {
                tagProblems.add("its tag file " + tagFile.getKey()
                        + (opener == null ? " is missing" : " does not match its tag manifest"));
            }
        }
        if (!tagProblems.isEmpty()) {
            return;
        }
        String list = bag ? "metadata/articles.csv" : "articles.csv";
        InputFile.Opener listed = entries.get(root + list);
        if (listed != null) {
            Map<String, String> expected = bag ? tagDigests.get(list) : digests.get(list);
            if (expected == null || !expected.equals(hashes(listed, expected, root + list))) {
                throw new InputFiles.InputException(shown + ": " + list + " is not the one its manifest lists"
                        + ", so the package was changed after it was made; nothing was ingested");
            }
            readVersions(listed, root + list);
        }
    }

    private void readManifest(
            Map<String, InputFile.Opener> entries,
            String manifest,
            String algorithm,
            Map<String, Map<String, String>> into) {
        String text = read(entries.get(manifest), manifest);
        int lineNumber = 0;
        for (String line : text.split("\r\n|\n|\r")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            Matcher parts = MANIFEST_LINE.matcher(line);
            if (!parts.matches()) {
                throw new InputFiles.InputException(shown + ": line " + lineNumber + " of "
                        + manifest.substring(root.length()) + " is not a digest followed by a path");
            }
            String hex = parts.group(1).toLowerCase(Locale.ROOT);
            String path = parts.group(2);
            // RFC 8493 percent-encodes %, CR and LF in manifest paths; exports before the catalog's 2026-12 ones did so
            // in plain zips too
            String decoded = path.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%");
            if (bag || (!entries.containsKey(root + path) && entries.containsKey(root + decoded))) {
                path = decoded;
            }
            into.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(algorithm, hex);
        }
    }

    private void readVersions(InputFile.Opener list, String path) {
        try (InputStream in = list.open();
                CSVParser csv = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setCommentMarker('#')
                        .get()
                        .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            if (!csv.getHeaderMap().containsKey("path") || !csv.getHeaderMap().containsKey("version")) {
                return;
            }
            for (CSVRecord record : csv) {
                versions.put(record.get("path"), Integer.parseInt(record.get("version")));
            }
        } catch (IOException | RuntimeException e) {
            throw new InputFiles.InputException(shown + ": " + path.substring(root.length())
                    + " cannot be read as the package's list of files: " + e.getMessage());
        }
    }

    /** The digests of a file for the algorithms of {@code like}. */
    private Map<String, String> hashes(InputFile.Opener opener, Map<String, String> like, String path) {
        Map<String, MessageDigest> digests = new LinkedHashMap<>();
        like.keySet().forEach(algorithm -> digests.put(algorithm, digest(algorithm, path)));
        try (InputStream in = opener.open()) {
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (MessageDigest digest : digests.values()) {
                    digest.update(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            throw new InputFiles.InputException(shown + ": cannot read " + path + ": " + e.getMessage());
        }
        Map<String, String> hex = new LinkedHashMap<>();
        digests.forEach((algorithm, digest) -> hex.put(algorithm, HEX.formatHex(digest.digest())));
        return hex;
    }

    private String read(InputFile.Opener opener, String path) {
        try (InputStream in = opener.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputFiles.InputException(shown + ": cannot read " + path + ": " + e.getMessage());
        }
    }

    /** The digest a manifest's algorithm names ({@code sha256}, {@code sha512}, {@code sha1}, {@code md5}). */
    static MessageDigest digest(String algorithm, String manifest) {
        String name = algorithm.equals("md5") ? "MD5" : algorithm.replaceFirst("^sha", "SHA-");
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new InputFiles.InputException(
                    manifest + " names a digest algorithm this catalog does not know: " + algorithm);
        }
    }
}
