package io.newsarchive.ingest;

import java.util.List;

/** Told how far a run has got, after each stored batch. */
public interface IngestProgress {

    IngestProgress NONE = new IngestProgress() {
        @Override
        public void started(long runId, int totalFiles) {}

        @Override
        public void advanced(int filesDone, List<FileResult> batch) {}
    };

    void started(long runId, int totalFiles);

    /** @param batch the results of the files just done */
    void advanced(int filesDone, List<FileResult> batch);
}
