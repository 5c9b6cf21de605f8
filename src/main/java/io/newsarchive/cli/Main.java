package io.newsarchive.cli;

import io.quarkus.picocli.runtime.PicocliRunner;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * Entry point of the packaged app. Only {@code serve} (the default) opens the HTTP port; the other commands run
 * quietly beside a running service. A start-up failure, such as an unreachable database, ends with one line on
 * stderr and exit code 2.
 */
@QuarkusMain
public class Main {

    static final int SYSTEM_ERROR = 2;

    public static void main(String... args) {
        boolean serving = args.length == 0 || args[0].equals("serve");
        if (!serving) {
            // the settings of commands other than serve: the profile cli in application.properties, after any given
            System.setProperty(
                    "quarkus.profile",
                    withCli(System.getProperty("quarkus.profile", System.getenv("QUARKUS_PROFILE"))));
        }
        // the catalog checks addresses itself (system/AddressCheck), so that a bad one gets its usual error answer
        System.setProperty("vertx.disableURIValidation", "true");
        BiConsumer<Integer, Throwable> exit = ApplicationLifecycleManager.getDefaultExitCodeHandler();
        Quarkus.run(
                PicocliRunner.class,
                (code, failure) -> {
                    if (failure != null) {
                        System.err.println("catalog: cannot start: " + rootMessage(failure));
                        exit.accept(SYSTEM_ERROR, null);
                    } else {
                        exit.accept(code, null);
                    }
                },
                args);
    }

    /**
     * The profiles of a command other than serve: {@code cli} after those given (comma-separated, the last one
     * winning), so that its logs stay on stderr whatever else is chosen.
     */
    static String withCli(String given) {
        if (given == null || given.isBlank()) {
            return "cli";
        }
        return Arrays.stream(given.split(",")).map(String::strip).anyMatch("cli"::equals) ? given : given + ",cli";
    }

    /** The database driver's message when there is one (it names host and port), else the root cause's. */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        Throwable sql = null;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root instanceof SQLException) {
                sql = root;
            }
        }
        Throwable telling = sql != null ? sql : root;
        String message = telling.getMessage() == null ? telling.getClass().getSimpleName() : telling.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
