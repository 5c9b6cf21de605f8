package io.newsarchive.ingest;

/**
 * @param startedBy the operating-system user for the CLI and start-up, the signed-in user (later) or client for the API
 * @param dryRun    run every check and record the run, but store no article
 */
public record IngestRequest(Trigger trigger, String startedBy, boolean dryRun) {
}
