package io.newsarchive.testing;

import io.newsarchive.reuse.ReuseBacklog;
import io.quarkus.arc.Arc;

/** Links every article not linked yet, batch by batch, as the service's catch-up does (it is off in tests). */
public final class ReuseLinking {

    private static final int BATCH = 500;

    private ReuseLinking() {}

    public static void linkAll() {
        ReuseBacklog backlog = Arc.container().instance(ReuseBacklog.class).get();
        while (backlog.linkNext(BATCH) == BATCH) {
            // the next batch
        }
    }
}
