package io.newsarchive.ingest;

/** A run that could not go on (the database went away, a file system error): a system error, not a bad file. */
public class IngestFailure extends RuntimeException {

    public IngestFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
