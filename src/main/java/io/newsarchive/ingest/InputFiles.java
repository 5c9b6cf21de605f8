package io.newsarchive.ingest;

import io.newsarchive.corpus.ParseProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The files of one ingest run, in lexicographic order of their names, except that files a bag or export lists as
 * later versions of their URL come after all first versions, in the order of their version. PATHs may be files,
 * folders (every {@code *.txt} below) or zips of such files, exports and BagIt bags included (only their payload;
 * their manifests are checked). Holds the zips open until closed.
 */
public final class InputFiles implements AutoCloseable {

    private static final Pattern PACKAGE_FILE =
            Pattern.compile("(tag)?manifest-[a-z0-9]+\\.txt|bagit\\.txt|bag-info\\.txt");

    private final List<InputFile> files = new ArrayList<>();
    private final List<ZipFile> zips = new ArrayList<>();

    private InputFiles() {}

    /**
     * @param paths    what to ingest
     * @param displays how each path is named in reports (the path as typed, or an uploaded file's own name)
     * @throws InputException when a path does not exist or a zip cannot be opened
     */
    public static InputFiles of(List<Path> paths, List<String> displays) {
        InputFiles input = new InputFiles();
        try {
            for (int i = 0; i < paths.size(); i++) {
                input.add(paths.get(i), displays.get(i));
            }
        } catch (InputException | IOException e) {
            input.close();
            throw e instanceof InputException ie ? ie : new InputException(e.getMessage());
        }
        input.files.sort(Comparator.comparingInt(InputFile::version).thenComparing(InputFile::name));
        return input;
    }

    /** Paths of this machine, each named in reports by its own last name, so that reports never show its folders. */
    public static InputFiles of(List<Path> paths) {
        return of(paths, paths.stream().map(InputFiles::lastName).toList());
    }

    private static String lastName(Path path) {
        Path name = path.toAbsolutePath().normalize().getFileName();
        return name == null ? path.toString() : name.toString();
    }

    public List<InputFile> files() {
        return files;
    }

    private void add(Path path, String given) throws IOException {
        String display = given.length() > 1 ? given.replaceAll("/+$", "") : given;
        if (Files.isDirectory(path)) {
            addEntries(display + "/", folderFiles(path));
        } else if (!Files.isRegularFile(path)) {
            throw new InputException("no such file or folder: " + display);
        } else if (display.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            addZip(path, display);
        } else {
            files.add(new InputFile(
                    storable(display),
                    storable(baseName(display)),
                    null,
                    nameNote(display),
                    () -> Files.newInputStream(path)));
        }
    }

    /** Every file below a folder, by its path there ({@code /}-separated), as a zip's entries are named. */
    public static Map<String, InputFile.Opener> folderFiles(Path folder) throws IOException {
        Map<String, InputFile.Opener> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile)
                    .forEach(p -> files.put(
                            folder.relativize(p).toString().replace('\\', '/'), () -> Files.newInputStream(p)));
        }
        return files;
    }

    private void addZip(Path path, String display) {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (IOException e) {
            throw new InputException(display + " is not a readable zip file");
        }
        zips.add(zip);
        Map<String, InputFile.Opener> entries = new TreeMap<>();
        zip.stream()
                .filter(e -> !e.isDirectory() && !e.getName().startsWith("__MACOSX/"))
                .forEach(entry -> {
                    String name = entry.getName();
                    String refusal = unsafeEntryName(name);
                    if (refusal != null) {
                        files.add(new InputFile(
                                storable(display + "!/" + name),
                                storable(baseName(name)),
                                ParseProblem.error("path", null, refusal),
                                null,
                                null));
                    } else {
                        entries.put(name, () -> zip.getInputStream(entry));
                    }
                });
        addEntries(display + "!/", entries);
    }

    /**
     * The article files among the files of a zip or folder. Where they came in a bag or an export, each is checked
     * against the manifests as it is read, a file the manifests do not list is refused, and a file they list but
     * the package lacks is reported as refused too.
     *
     * @param shown   how the zip or folder is named before a path within it: {@code batch.zip!/}, {@code dir/}
     * @param entries the files by their paths, {@code /}-separated
     */
    private void addEntries(String shown, Map<String, InputFile.Opener> entries) {
        List<ExportedPackage> packages = ExportedPackage.find(shown.substring(0, shown.length() - 1), entries);
        entries.forEach((path, opener) -> {
            ExportedPackage from = ExportedPackage.of(packages, path);
            if (!isArticleFile(path) || (from != null && from.isTagFile(path))) {
                return;
            }
            Map<String, String> digests = from == null ? Map.of() : from.digests(path);
            files.add(new InputFile(
                    storable(shown + path),
                    storable(baseName(path)),
                    digests == null ? ParseProblem.error("manifest", null, from.unlisted(path)) : null,
                    nameNote(path),
                    opener,
                    digests == null ? Map.of() : digests,
                    from == null ? 1 : from.version(path)));
        });
        for (ExportedPackage from : packages) {
            for (String path : from.missing(entries.keySet())) {
                if (isArticleFile(path) && !from.isTagFile(path)) {
                    files.add(new InputFile(
                            storable(shown + path),
                            storable(baseName(path)),
                            ParseProblem.error("manifest", null, from.missingMessage(path)),
                            null,
                            null));
                }
            }
        }
    }

    /** Why a zip entry name would write outside the archive's own folder, or null when it stays inside. */
    static String unsafeEntryName(String name) {
        String slashed = name.replace('\\', '/');
        if (slashed.startsWith("/") || slashed.matches("^[A-Za-z]:.*")) {
            return "zip entry \"" + name + "\" has an absolute path";
        }
        for (String segment : slashed.split("/")) {
            if (segment.equals("..")) {
                return "zip entry \"" + name + "\" points outside the archive";
            }
        }
        if (name.indexOf('\0') >= 0) {
            return "zip entry name contains a NUL character";
        }
        return null;
    }

    /**
     * The name with every control character, line or paragraph separator and bidirectional override replaced by
     * {@code _}: such characters could break the headers and reports that show the name, or disguise it.
     */
    static String storable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (unstorable(c)) {
                out.append('_');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean unstorable(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }

    private static ParseProblem nameNote(String name) {
        return name.codePoints().anyMatch(InputFiles::unstorable)
                ? ParseProblem.warning(
                        "file_name",
                        null,
                        "the file name holds control characters, line breaks or direction overrides; each was stored as _")
                : null;
    }

    /**
     * A {@code .txt} file other than the package files of an export or a BagIt bag ({@code manifest-*.txt},
     * {@code tagmanifest-*.txt}, {@code bagit.txt}, {@code bag-info.txt}), so that exports ingest as they are.
     */
    static boolean isArticleFile(String name) {
        String lower = baseName(name).toLowerCase(Locale.ROOT);
        return lower.endsWith(".txt") && !PACKAGE_FILE.matcher(lower).matches();
    }

    private static String baseName(String entryName) {
        String slashed = entryName.replace('\\', '/');
        return slashed.substring(slashed.lastIndexOf('/') + 1);
    }

    @Override
    public void close() {
        for (ZipFile zip : zips) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // nothing was written through it
            }
        }
    }

    /** A PATH that cannot be ingested at all: a usage error, not a rejected file. */
    public static final class InputException extends RuntimeException {
        public InputException(String message) {
            super(message);
        }
    }
}
