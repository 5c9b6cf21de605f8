package io.newsarchive.ingest;

import io.newsarchive.corpus.ParseProblem;

import java.io.IOException;
import java.io.InputStream;

/**
 * One file offered for ingest: a plain file or a zip entry.
 *
 * @param name     where it came from, as shown in reports ({@code dir/000_x.txt}, {@code batch.zip!/000_x.txt})
 * @param fileName the bare file name, kept with the article
 * @param refusal  why the file is refused before it is even read (a hostile zip entry name), or null
 * @param nameNote a warning that the name given was changed to be stored (control characters replaced), or null
 */
public record InputFile(String name, String fileName, ParseProblem refusal, ParseProblem nameNote, Opener opener) {

    public interface Opener {
        InputStream open() throws IOException;
    }

    /** Reads at most {@code limit} bytes, so that an oversized file costs no more memory than the limit. */
    public byte[] readAtMost(long limit) throws IOException {
        try (InputStream in = opener.open()) {
            return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        }
    }
}
