package io.newsarchive.preservation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Records preservation events that happen outside any transaction of their own, such as an export's. */
@ApplicationScoped
public class PreservationLog {

    /** Stores the event in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(PreservationEvent event) {
        event.persist();
    }
}
