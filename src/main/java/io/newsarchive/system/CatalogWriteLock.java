package io.newsarchive.system;

/**
 * Key of the transaction-level advisory lock (two-int form, with 0) that every writer of articles takes first:
 * ingest batches, corrections, withdrawals, restores and the finding of shared passages. It keeps a new version from
 * missing a withdrawal, changes of one article's versions from deadlocking, and two writers from each missing the
 * passages the other is storing.
 */
public final class CatalogWriteLock {

    /** The lock's first key; its second is 0. */
    public static final int CLASS = 0x4E415243;

    private CatalogWriteLock() {}
}
