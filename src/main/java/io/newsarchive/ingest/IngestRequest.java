package io.newsarchive.ingest;

import java.util.List;

/**
 * @param startedBy   the operating-system user for the CLI and start-up, the signed-in user for the API and the web
 * @param dryRun      run every check and record the run, but store no article
 * @param uploadDir   for runs from the admin pages: the folder holding the upload, kept for later runs over it
 * @param commitsRun  the dry run whose upload this run stores
 * @param uploadNames the names of the files uploaded for the run (admin pages and API), null for files on disk
 */
public record IngestRequest(
        Trigger trigger,
        String startedBy,
        boolean dryRun,
        String uploadDir,
        Long commitsRun,
        List<String> uploadNames) {

    public IngestRequest(Trigger trigger, String startedBy, boolean dryRun) {
        this(trigger, startedBy, dryRun, null, null, null);
    }
}
