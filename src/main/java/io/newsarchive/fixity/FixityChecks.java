package io.newsarchive.fixity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsarchive.catalog.StoredOriginals;
import io.newsarchive.corpus.ArticleParser;
import io.newsarchive.preservation.EventOutcome;
import io.newsarchive.preservation.EventType;
import io.newsarchive.preservation.PreservationEvent;
import io.newsarchive.system.CatalogConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Fixity: every stored original is hashed again and compared with the SHA-256 its ingest took. The service runs a
 * pass over the whole catalog on a schedule ({@code catalog.fixity.interval} after the last one began), throttled to
 * {@code catalog.fixity.max-bytes-per-second}, in chunks of articles by id: each chunk is one preservation event with
 * the ids it covered, and each original found changed an event of its own, part of its chunk. A pass that stops (a
 * restart) goes on where its last chunk ended, and articles stored during a pass are checked by it before it ends.
 * One instance at a time runs passes (an advisory lock); an archivist can check one article, or start a new pass.
 */
@ApplicationScoped
public class FixityChecks {

    private static final Logger LOG = Logger.getLogger(FixityChecks.class);
    /** Key of the session-level advisory lock (two-int form, with 0) that the instance running a pass holds. */
    static final int PASS_LOCK_CLASS = 0x46495859;

    /** What a pass did in this run of it. */
    public record Pass(String identifier, long checked, long failed, long bytes, Duration took) {
        /** Bytes of originals read a second. */
        public long bytesPerSecond() {
            return took.toMillis() == 0 ? bytes : bytes * 1000 / took.toMillis();
        }
    }

    private final DataSource dataSource;
    private final CatalogConfig config;
    private final MeterRegistry registry;
    private final Counter bytesHashed;
    private final Counter passesEnded;
    private volatile boolean stopping;

    FixityChecks(DataSource dataSource, CatalogConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.registry = registry;
        for (EventOutcome outcome : EventOutcome.values()) {
            checked(outcome);
        }
        bytesHashed = Counter.builder("catalog.fixity.hashed")
                .description("Bytes of originals hashed again by fixity checks")
                .baseUnit("bytes")
                .register(registry);
        passesEnded = Counter.builder("catalog.fixity.passes")
                .description("Runs of fixity passes that reached the catalog's last article")
                .register(registry);
    }

    /** Originals checked by passes and on demand, by whether they still match, counted once their check is recorded. */
    private Counter checked(EventOutcome outcome) {
        return Counter.builder("catalog.fixity.checks")
                .description("Originals hashed again and compared with the SHA-256 taken at ingest, by outcome")
                .tag("outcome", outcome.toString())
                .register(registry);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** The service's own passes: due or unfinished ones go on, one chunk after another, at the configured rate. */
    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.fixity().enabled()) {
            return;
        }
        try {
            run(
                            PreservationEvent.CATALOG,
                            false,
                            config.fixity().maxBytesPerSecond().asLongValue())
                    .filter(p -> p.checked() > 0)
                    .ifPresent(p -> LOG.infof(
                            "%s: %d originals checked, %d failed, %d KB/s",
                            p.identifier(), p.checked(), p.failed(), p.bytesPerSecond() / 1000));
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("fixity pass stopped, it goes on at the next minute: %s", e.getMessage());
        }
    }

    /**
     * Runs a pass: the newest one goes on where it ended, unless {@code fresh} or its interval is over; then a new
     * one begins with the first article.
     *
     * @param maxBytesPerSecond 0 for as fast as the machine goes
     * @return what it did, or empty when another instance is running a pass
     */
    public Optional<Pass> run(String agent, boolean fresh, long maxBytesPerSecond) throws SQLException {
        try (Connection lock = dataSource.getConnection()) {
            if (!advisoryLock(lock, "pg_try_advisory_lock")) {
                return Optional.empty();
            }
            try {
                return Optional.of(pass(agent, fresh, maxBytesPerSecond));
            } finally {
                advisoryLock(lock, "pg_advisory_unlock");
            }
        }
    }

    private Pass pass(String agent, boolean fresh, long maxBytesPerSecond) throws SQLException {
        Instant began = Instant.now();
        String identifier;
        long after;
        long upTo;
        try (Connection c = dataSource.getConnection()) {
            Optional<PreservationEvent.PassState> newest = PreservationEvent.newestPass(c);
            upTo = StoredOriginals.maxId(c);
            boolean goOn = !fresh
                    && newest.isPresent()
                    && newest.get().began().plus(config.fixity().interval()).isAfter(began);
            identifier = goOn ? newest.get().identifier() : "fixity pass " + began.truncatedTo(ChronoUnit.SECONDS);
            after = goOn ? newest.get().lastArticleId() : 0;
        }
        long checked = 0;
        long failed = 0;
        long bytes = 0;
        while (after < upTo && !stopping && !Thread.currentThread().isInterrupted()) {
            Chunk chunk = chunk(identifier, agent, after, upTo);
            if (chunk == null) {
                after = upTo;
                break;
            }
            checked += chunk.checked;
            failed += chunk.failed;
            bytes += chunk.bytes;
            after = chunk.lastId;
            throttle(began, bytes, maxBytesPerSecond);
        }
        // a pass that goes on later over articles stored since reaches the end again, and counts again
        if (checked > 0 && after >= upTo) {
            passesEnded.increment();
        }
        return new Pass(identifier, checked, failed, bytes, Duration.between(began, Instant.now()));
    }

    private record Chunk(long lastId, long checked, long failed, long bytes) {}

    /** Checks the next chunk and records it, with its failures, in one transaction; null when none is left. */
    private Chunk chunk(String identifier, String agent, long after, long upTo) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<StoredOriginals.Stored> originals =
                        StoredOriginals.after(c, after, upTo, config.fixity().chunkArticles());
                if (originals.isEmpty()) {
                    c.rollback();
                    return null;
                }
                List<PreservationEvent> failures = new ArrayList<>();
                long bytes = 0;
                for (StoredOriginals.Stored original : originals) {
                    bytes += original.content().length;
                    PreservationEvent damaged = damage(original, agent);
                    if (damaged != null) {
                        failures.add(damaged);
                    }
                }
                long first = originals.get(0).articleId();
                long last = originals.get(originals.size() - 1).articleId();
                PreservationEvent chunk = PreservationEvent.of(
                        EventType.FIXITY_CHECK,
                        failures.isEmpty() ? EventOutcome.SUCCESS : EventOutcome.FAILURE,
                        agent,
                        originals.size() + " originals of articles " + first + " to " + last + " hashed again: "
                                + (failures.isEmpty()
                                        ? "each matches the SHA-256 taken at ingest"
                                        : failures.size() + " no longer match the SHA-256 taken at ingest"));
                chunk.identifier = identifier;
                chunk.firstArticleId = first;
                chunk.lastArticleId = last;
                long chunkId = PreservationEvent.insert(c, chunk);
                for (PreservationEvent failure : failures) {
                    failure.partOf = chunkId;
                    PreservationEvent.insert(c, failure);
                    LOG.errorf("fixity check: %s", failure.outcomeDetail);
                }
                c.commit();
                checked(EventOutcome.SUCCESS).increment(originals.size() - failures.size());
                checked(EventOutcome.FAILURE).increment(failures.size());
                bytesHashed.increment(bytes);
                return new Chunk(last, originals.size(), failures.size(), bytes);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Checks one article's original now and records the check.
     *
     * @return the event, or empty when there is no such article
     */
    public Optional<PreservationEvent> checkArticle(long articleId, String agent) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Optional<StoredOriginals.Stored> original = StoredOriginals.of(c, articleId);
            if (original.isEmpty()) {
                return Optional.empty();
            }
            PreservationEvent event = damage(original.get(), agent);
            if (event == null) {
                event = PreservationEvent.of(
                        EventType.FIXITY_CHECK,
                        EventOutcome.SUCCESS,
                        agent,
                        "hashed again: matches the SHA-256 taken at ingest, "
                                + original.get().sha256());
                event.articleId = articleId;
            }
            PreservationEvent.insert(c, event);
            checked(event.outcome).increment();
            bytesHashed.increment(original.get().content().length);
            return Optional.of(event);
        }
    }

    /** The failure event of an original whose bytes no longer give the SHA-256 taken at ingest, or null. */
    private static PreservationEvent damage(StoredOriginals.Stored original, String agent) {
        String found = ArticleParser.sha256(original.content());
        if (found.equals(original.sha256())) {
            return null;
        }
        PreservationEvent failure = PreservationEvent.of(
                EventType.FIXITY_CHECK,
                EventOutcome.FAILURE,
                agent,
                "article " + original.articleId() + ": the stored original's SHA-256 is " + found + ", not the "
                        + original.sha256() + " taken at ingest; it was changed or damaged");
        failure.articleId = original.articleId();
        return failure;
    }

    /** Sleeps as long as keeps the pass at or under its rate. */
    private void throttle(Instant began, long bytes, long maxBytesPerSecond) {
        if (maxBytesPerSecond <= 0) {
            return;
        }
        long dueMillis = bytes * 1000 / maxBytesPerSecond;
        long waitMillis = dueMillis - Duration.between(began, Instant.now()).toMillis();
        if (waitMillis > 0 && !stopping) {
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                // this pass ends after its chunk; the next one starts afresh
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean advisoryLock(Connection c, String function) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + function + "(?, 0)")) {
            ps.setInt(1, PASS_LOCK_CLASS);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
