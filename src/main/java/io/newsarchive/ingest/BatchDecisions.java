package io.newsarchive.ingest;

import io.newsarchive.catalog.ArticleStatus;
import io.newsarchive.corpus.ParseProblem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What becomes of each file of a run: rejected, a duplicate of a stored or earlier file, a new article, or a new
 * version of one (a withdrawn article's new versions are withdrawn too). It decides from what the database holds and
 * what the run decided before, and writes nothing, so that a dry run decides exactly as the real run.
 */
final class BatchDecisions {

    /** A version of an article; {@code id} is null in a dry run. */
    record Version(Long id, int number, ArticleStatus status, String withdrawnReason) {
        boolean withdrawn() {
            return status == ArticleStatus.WITHDRAWN;
        }
    }

    /** An accepted file to store as the given version. */
    record Stored(Candidate candidate, Version version) {}

    /**
     * The decisions of one batch.
     *
     * @param superseded ids of stored versions that the batch's new versions replace as the latest
     */
    record Batch(List<FileResult> results, List<Stored> stored, List<Long> superseded) {}

    /** What the run had decided at some point, to go back to when a batch is not stored after all. */
    record Memory(Map<String, Long> shas, Map<String, Version> urls) {}

    /** sha256 -> article id of files decided on that the database may not have yet. */
    private final Map<String, Long> pendingShas = new HashMap<>();
    /** normalized URL -> latest version decided on that the database may not have yet. */
    private final Map<String, Version> pendingUrls = new HashMap<>();

    /**
     * @param storedShas sha256 -> article id of the batch's files the database already holds
     * @param storedUrls normalized URL -> the database's latest version, for the batch's URLs
     * @param ids        the ids of new articles in order, or null in a dry run
     */
    Batch decide(
            List<Candidate> batch, Map<String, Long> storedShas, Map<String, Version> storedUrls, Iterator<Long> ids) {
        List<FileResult> results = new ArrayList<>(batch.size());
        List<Stored> stored = new ArrayList<>();
        List<Long> superseded = new ArrayList<>();
        for (Candidate c : batch) {
            if (!c.accepted()) {
                results.add(c.result(Outcome.REJECTED, null, null));
                continue;
            }
            String sha = c.parse().sha256();
            if (pendingShas.containsKey(sha) || storedShas.containsKey(sha)) {
                Long existing = pendingShas.containsKey(sha) ? pendingShas.get(sha) : storedShas.get(sha);
                results.add(c.result(Outcome.DUPLICATE, existing, null));
                continue;
            }
            String url = c.article().url().normalizedUrl();
            Version previous = pendingUrls.get(url);
            if (previous == null) {
                previous = storedUrls.get(url);
                if (previous != null) {
                    superseded.add(previous.id());
                }
            }
            Long id = ids == null ? null : ids.next();
            Version version = previous == null
                    ? new Version(id, 1, ArticleStatus.ACTIVE, null)
                    : new Version(id, previous.number() + 1, previous.status(), previous.withdrawnReason());
            pendingShas.put(sha, id);
            pendingUrls.put(url, version);
            stored.add(new Stored(c, version));
            if (previous == null) {
                results.add(c.result(Outcome.ADDED, id, null));
            } else if (previous.withdrawn()) {
                results.add(c.result(
                        Outcome.REVISED,
                        id,
                        previous.id(),
                        ParseProblem.warning(
                                "withdrawn",
                                null,
                                "this revises a withdrawn article, so this version is withdrawn too (reason: "
                                        + previous.withdrawnReason() + "); an archivist can restore the article")));
            } else {
                results.add(c.result(Outcome.REVISED, id, previous.id()));
            }
        }
        return new Batch(results, stored, superseded);
    }

    /** Whether a file of this content was decided on and may not be in the database yet. */
    boolean pendingSha(String sha256) {
        return pendingShas.containsKey(sha256);
    }

    /** Whether a version of this URL was decided on and may not be in the database yet. */
    boolean pendingUrl(String normalizedUrl) {
        return pendingUrls.containsKey(normalizedUrl);
    }

    /** Whether the version is the latest of its URL so far. */
    boolean latest(String normalizedUrl, Version version) {
        return pendingUrls.get(normalizedUrl) == version;
    }

    Memory remember() {
        return new Memory(new HashMap<>(pendingShas), new HashMap<>(pendingUrls));
    }

    /** Back to what was remembered: a batch that was not stored after all. */
    void restore(Memory memory) {
        forget();
        pendingShas.putAll(memory.shas());
        pendingUrls.putAll(memory.urls());
    }

    /** The database holds all that was decided (it was committed), or none of it matters any more. */
    void forget() {
        pendingShas.clear();
        pendingUrls.clear();
    }
}
