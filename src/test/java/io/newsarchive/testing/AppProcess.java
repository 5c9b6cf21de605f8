package io.newsarchive.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged app (target/quarkus-app) run as a process of its own, as a user runs it. */
public final class AppProcess {

    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private AppProcess() {}

    /**
     * @param database  datasource settings, from {@link CatalogTestDatabase}
     * @param overrides further system properties
     * @param log       where stdout and stderr go together
     */
    public static Process start(Map<String, String> database, Map<String, String> overrides, Path log, String... args)
            throws IOException {
        return builder(database, overrides, args)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    public static ProcessBuilder builder(Map<String, String> database, Map<String, String> overrides, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        Map<String, String> properties = new HashMap<>(database);
        properties.putAll(overrides);
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(APP.toAbsolutePath().toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** The exit code, failing the test if the process does not end within five minutes. */
    public static int exitOf(Process process) throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not end within five minutes");
        }
        return process.exitValue();
    }
}
