package io.newsarchive.cli;

import io.newsarchive.account.FirstAdmin;
import io.newsarchive.ingest.StartupIngest;
import io.quarkus.runtime.Quarkus;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Runs the HTTP service until the process is stopped. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the HTTP service (port 8080; QUARKUS_HTTP_PORT overrides).")
public class ServeCommand implements Callable<Integer> {

    @Inject
    StartupIngest startupIngest;

    @Inject
    FirstAdmin firstAdmin;

    @Override
    public Integer call() {
        firstAdmin.warnIfNobodyCanSignIn();
        startupIngest.runIfCatalogEmpty();
        Quarkus.waitForExit();
        return 0;
    }
}
