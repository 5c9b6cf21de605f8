package io.newsarchive.ingest;

import io.newsarchive.corpus.ParseProblem;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * One file offered for ingest: a plain file or a zip entry.
 *
 * @param name     where it came from, as shown in reports ({@code dir/000_x.txt}, {@code batch.zip!/000_x.txt})
 * @param fileName the bare file name, kept with the article
 * @param refusal  why the file is refused before it is even read (a hostile zip entry name), or null
 * @param nameNote a warning that the name given was changed to be stored (control characters replaced), or null
 * @param digests  what the manifests of the bag or export it came in give as its digests, by algorithm
 *                 ({@code sha256}), or empty
 * @param version  the version of its URL that the list of its bag or export gives it, or 1: ingest takes the files
 *                 by version, then by name
 */
public record InputFile(
        String name,
        String fileName,
        ParseProblem refusal,
        ParseProblem nameNote,
        Opener opener,
        Map<String, String> digests,
        int version) {

    /** A file that comes with no manifest. */
    public InputFile(String name, String fileName, ParseProblem refusal, ParseProblem nameNote, Opener opener) {
        this(name, fileName, refusal, nameNote, opener, Map.of(), 1);
    }

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
