package io.newsarchive.system;

import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class UploadTempFilesTest {

    @Inject
    UploadTempFiles tempFiles;

    @ConfigProperty(name = "quarkus.http.body.uploads-directory")
    Path directory;

    @ConfigProperty(name = "quarkus.http.idle-timeout")
    Duration idleTimeout;

    @Test
    void theBodyOfARequestThatCannotFinishIsDeletedAndALiveOneIsKept() throws Exception {
        Files.createDirectories(directory);
        // what a kill -9 in the middle of an upload leaves: a file nobody writes to any more
        Path abandoned = Files.write(directory.resolve("abandoned-" + System.nanoTime()), new byte[1024]);
        Files.setLastModifiedTime(
                abandoned, FileTime.from(Instant.now().minus(idleTimeout).minusSeconds(60)));
        Path live = Files.write(directory.resolve("live-" + System.nanoTime()), new byte[1024]);

        tempFiles.deleteAbandoned();

        assertFalse(Files.exists(abandoned));
        assertTrue(Files.exists(live));
        Files.delete(live);
    }
}
