package io.newsarchive.system;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deletes the temporary files of request bodies that no request will finish: the server removes them when a request
 * ends, but a crash or {@code kill -9} leaves them behind. A file is left alone while it could still belong to a live
 * request, that is until it has not been written for longer than the HTTP idle timeout.
 */
@ApplicationScoped
public class UploadTempFiles {

    private static final Logger LOG = Logger.getLogger(UploadTempFiles.class);

    @ConfigProperty(name = "quarkus.http.body.uploads-directory")
    Path directory;

    @ConfigProperty(name = "quarkus.http.idle-timeout")
    Duration idleTimeout;

    void onStart(@Observes StartupEvent event) {
        deleteAbandoned();
    }

    @Scheduled(every = "1h", delayed = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        deleteAbandoned();
    }

    /** Returns how many files were deleted. */
    public int deleteAbandoned() {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        FileTime before = FileTime.from(Instant.now().minus(idleTimeout));
        List<Path> abandoned;
        try (Stream<Path> files = Files.list(directory)) {
            abandoned = files.filter(f -> lastWritten(f).compareTo(before) < 0).toList();
        } catch (IOException e) {
            LOG.warnf("cannot list %s to delete abandoned uploads: %s", directory, e.getMessage());
            return 0;
        }
        int deleted = 0;
        for (Path file : abandoned) {
            try {
                deleted += Files.deleteIfExists(file) ? 1 : 0;
            } catch (IOException e) {
                LOG.warnf("cannot delete the abandoned upload %s: %s", file, e.getMessage());
            }
        }
        if (deleted > 0) {
            LOG.infof("deleted %d temporary files of uploads that no request will finish, from %s", deleted, directory);
        }
        return deleted;
    }

    private static FileTime lastWritten(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.from(Instant.MAX);
        }
    }
}
