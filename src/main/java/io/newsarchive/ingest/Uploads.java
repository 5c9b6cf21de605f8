package io.newsarchive.ingest;

import io.newsarchive.system.ApiError;
import io.newsarchive.system.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Uploads from the admin pages, each kept in a folder of its own under {@code catalog.uploads.directory} as
 * {@code <n>/<file name>}, so that a dry run can be committed later and rejected files downloaded back. Files are
 * never unpacked: zips are read entry by entry, so no entry name can write anywhere.
 */
@ApplicationScoped
public class Uploads {

    @Inject
    CatalogConfig config;

    /** Checks the upload against the limits and keeps it; returns its folder. */
    public Path keep(List<FileUpload> files) {
        check(files);
        Path dir = Path.of(config.uploads().directory())
                .toAbsolutePath()
                .resolve(UUID.randomUUID().toString());
        try {
            for (int i = 0; i < files.size(); i++) {
                Path slot = Files.createDirectories(dir.resolve(String.format("%05d", i)));
                Files.move(
                        files.get(i).uploadedFile(),
                        slot.resolve(safeName(files.get(i).fileName(), i)),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the upload in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a kept upload and everything in it. */
    public void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Whether a run's upload is still kept (runs of the CLI, the API and start-up have none). */
    public boolean kept(String dir) {
        return dir != null && Files.isDirectory(Path.of(dir));
    }

    /** The files of a kept upload, named as they were uploaded, in the order its runs take them. */
    public InputFiles open(String upload) {
        List<Path> paths = files(upload);
        return InputFiles.of(paths, names(paths));
    }

    /** The names of a kept upload's files as they were uploaded (without folders), in the order they were sent. */
    public List<String> names(String upload) {
        return names(files(upload));
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).toList();
    }

    private static List<Path> files(String upload) {
        Path dir = Path.of(upload);
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> slots = Files.list(dir)) {
            for (Path slot : slots.sorted().toList()) {
                try (Stream<Path> inSlot = Files.list(slot)) {
                    paths.addAll(inSlot.toList());
                }
            }
        } catch (IOException e) {
            throw new InputFiles.InputException("the upload in " + dir + " is no longer there: " + e.getMessage());
        }
        return paths;
    }

    /** Refuses an upload beyond the limits of {@code catalog.uploads}, naming the file and the limit. */
    public void check(List<FileUpload> files) {
        CatalogConfig.Uploads limits = config.uploads();
        if (files == null || files.isEmpty()) {
            throw ApiError.badParameter(
                    "file", "send one or more .txt files or zips of them, as form parts named \"file\"");
        }
        if (files.size() > limits.maxFiles()) {
            throw tooLarge("this upload has " + files.size() + " files; at most " + limits.maxFiles()
                    + " are taken at once: put them in a zip");
        }
        for (FileUpload file : files) {
            String name = file.fileName() == null ? "" : file.fileName();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.endsWith(".txt") && !lower.endsWith(".zip")) {
                throw ApiError.badParameter("file", "\"" + name + "\" is neither a .txt nor a .zip file");
            }
            if (file.size() > limits.maxFileBytes().asLongValue()) {
                throw tooLarge("\"" + name + "\" has " + file.size() + " bytes; the most one file may have is "
                        + limits.maxFileBytes().asLongValue());
            }
            if (lower.endsWith(".zip")) {
                checkZip(name, file.uploadedFile(), file.size(), limits);
            }
        }
    }

    /**
     * Refuses zips that expand beyond the limits: first by the sizes their directory declares, then, since a hostile
     * zip can declare less than it holds, by inflating every entry and counting.
     */
    private static void checkZip(String name, Path path, long size, CatalogConfig.Uploads limits) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            long expanded = 0;
            int entries = 0;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                entries++;
                expanded += Math.max(0, entry.getSize());
                if (entries > limits.maxZipEntries()) {
                    throw tooLarge("\"" + name + "\" has more than " + limits.maxZipEntries() + " entries");
                }
            }
            if (expanded > limits.maxZipExpandedBytes().asLongValue()) {
                throw tooLarge("\"" + name + "\" would expand to " + expanded + " bytes; the most a zip may expand"
                        + " to is " + limits.maxZipExpandedBytes().asLongValue());
            }
            long mostRatio = (long) limits.maxZipRatio() * Math.max(size, 1);
            if (expanded > mostRatio) {
                throw tooLarge("\"" + name + "\" would expand " + expanded / Math.max(size, 1) + " times its size;"
                        + " the most allowed is " + limits.maxZipRatio() + " times (this looks like a zip bomb)");
            }
            checkInflated(
                    name, zip, Math.min(mostRatio, limits.maxZipExpandedBytes().asLongValue()));
        } catch (ZipException e) {
            throw ApiError.badParameter("file", "\"" + name + "\" is not a readable zip file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkInflated(String name, ZipFile zip, long most) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long inflated = 0;
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            long read = 0;
            try (InputStream in = zip.getInputStream(entry)) {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    read += n;
                    inflated += n;
                    if (entry.getSize() >= 0 && read > entry.getSize()) {
                        throw tooLarge("\"" + name + "\": the entry \"" + entry.getName() + "\" holds more than the"
                                + " zip's directory declares (this looks like a zip bomb)");
                    }
                    if (inflated > most) {
                        throw tooLarge("\"" + name + "\" expands to more than " + most + " bytes (this looks like a"
                                + " zip bomb)");
                    }
                }
            }
        }
    }

    private static ApiError.Failure tooLarge(String message) {
        return ApiError.failure(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too_large", message, "file");
    }

    /**
     * The uploaded name without any folder part, so it cannot point outside its slot, and shortened (keeping its
     * extension) where it is longer than file systems allow (255 bytes).
     */
    static String safeName(String uploaded, int index) {
        String name = uploaded == null ? "" : uploaded.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "");
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "upload-" + index + ".txt";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > 255) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 5 ? name.substring(dot) : "";
            name = name.codePoints()
                            .limit(50)
                            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    + "…" + extension;
        }
        return name;
    }
}
