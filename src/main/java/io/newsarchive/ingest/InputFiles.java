package io.newsarchive.ingest;

import io.newsarchive.corpus.ParseProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The files of one ingest run, in lexicographic order of their names. PATHs may be files, folders (every
 * {@code *.txt} below) or zips of such files, exports and BagIt bags included. Holds the zips open until closed.
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
        input.files.sort(Comparator.comparing(InputFile::name));
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
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(p -> Files.isRegularFile(p)
                                && isArticleFile(p.getFileName().toString()))
                        .forEach(p -> files.add(plainFile(
                                p, display + "/" + path.relativize(p).toString().replace('\\', '/'))));
            }
        } else if (!Files.isRegularFile(path)) {
            throw new InputException("no such file or folder: " + display);
        } else if (display.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            addZip(path, display);
        } else {
            files.add(plainFile(path, display));
        }
    }

    private static InputFile plainFile(Path path, String display) {
        return new InputFile(
                storable(display),
                storable(baseName(display)),
                null,
                nameNote(display),
                () -> Files.newInputStream(path));
    }

    private void addZip(Path path, String display) {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (IOException e) {
            throw new InputException(display + " is not a readable zip file");
        }
        zips.add(zip);
        zip.stream()
                .filter(e -> !e.isDirectory() && !e.getName().startsWith("__MACOSX/"))
                .forEach(entry -> {
                    String name = entry.getName();
                    String refusal = unsafeEntryName(name);
                    String shown = display + "!/" + name;
                    if (refusal != null) {
                        files.add(new InputFile(
                                storable(shown),
                                storable(baseName(name)),
                                ParseProblem.error("path", null, refusal),
                                null,
                                null));
                    } else if (isArticleFile(name)) {
                        files.add(new InputFile(
                                storable(shown),
                                storable(baseName(name)),
                                null,
                                nameNote(name),
                                () -> zip.getInputStream(entry)));
                    }
                });
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
