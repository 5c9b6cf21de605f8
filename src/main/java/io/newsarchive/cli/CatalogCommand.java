package io.newsarchive.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code catalog [serve | ingest ... | search-index rebuild]}; with no command it serves. */
@TopCommand
@Command(
        name = "catalog",
        mixinStandardHelpOptions = true,
        description = "News-article archive and metadata catalog.",
        subcommands = {
            ServeCommand.class,
            IngestCommand.class,
            RestoreCommand.class,
            FixityCommand.class,
            ReuseCommand.class,
            SearchIndexCommand.class
        })
public class CatalogCommand implements Callable<Integer> {

    @Inject
    ServeCommand serve;

    @Override
    public Integer call() {
        return serve.call();
    }
}
