package io.newsarchive.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.catalog.ArticleStatus;
import io.newsarchive.corpus.ArticleUrl;
import io.newsarchive.corpus.ParseProblem;
import io.newsarchive.corpus.ParsedArticle;
import io.newsarchive.preservation.PreservationEvent;
import io.newsarchive.system.CatalogWriteLock;
import io.newsarchive.system.Words;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores batches of parsed files for one run, each batch in one transaction: decides every file's outcome against
 * what is stored (and, in a dry run, what the run would have stored), then writes articles, originals and per-file
 * results with COPY. Writers of different runs and processes take turns through one transaction-level advisory
 * lock, so that two ingests of the same files store each file once. A file whose data the database refuses is
 * rejected alone: one file never costs the others of its batch.
 */
final class ArticleBatchWriter {

    private static final CSVFormat COPY_CSV = CSVFormat.POSTGRESQL_CSV;
    private static final HexFormat HEX = HexFormat.of();
    /** How many of the last stored batches a run's rate is taken over (see {@link RunProgress}). */
    private static final int PROGRESS_MARKS = 4;

    private final Connection conn;
    private final long runId;
    /** Who started the run: the agent of its ingestion events. */
    private final String startedBy;

    private final boolean dryRun;
    private final ObjectMapper json;
    private final IngestMetrics metrics;
    private final Map<String, Long> sourceIds = new HashMap<>();
    private final BatchDecisions decisions = new BatchDecisions();

    ArticleBatchWriter(
            Connection conn, long runId, String startedBy, boolean dryRun, ObjectMapper json, IngestMetrics metrics) {
        this.conn = conn;
        this.runId = runId;
        this.startedBy = startedBy;
        this.dryRun = dryRun;
        this.json = json;
        this.metrics = metrics;
    }

    /**
     * Stores the batch. When the database refuses the data of a file (see {@link #isDataError}), the batch is split
     * in halves, each stored in turn, until the file is alone; then it is recorded as rejected with the reason.
     *
     * @throws SQLException when the database fails (an outage, a timeout): a failure of the run, not of a file
     */
    List<FileResult> write(List<Candidate> batch) throws SQLException {
        try {
            return writeTogether(batch);
        } catch (SQLException e) {
            if (!isDataError(e)) {
                throw e;
            }
            if (batch.size() == 1) {
                return writeTogether(List.of(batch.get(0).refusedByDatabase(e)));
            }
            int half = batch.size() / 2;
            List<FileResult> results = new ArrayList<>(write(batch.subList(0, half)));
            results.addAll(write(batch.subList(half, batch.size())));
            return results;
        }
    }

    /**
     * Whether the database refused the values written rather than failed: data exceptions (class 22: a NUL, a bad
     * escape), integrity constraints (23) and program limits (54: an index row or a tsvector too large). Connection
     * failures (08), shutdowns (57P01), timeouts and cancels (57014) and lack of resources (53) fail the run.
     */
    private static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"));
    }

    /** One transaction for the whole batch; on failure, what this run had decided before it stays decided. */
    private List<FileResult> writeTogether(List<Candidate> batch) throws SQLException {
        BatchDecisions.Memory before = decisions.remember();
        conn.setAutoCommit(false);
        try {
            OffsetDateTime now = dryRun ? null : lockForWriting();
            Map<String, Long> storedShas = storedShas(batch);
            BatchDecisions.Batch decided = decisions.decide(
                    batch,
                    storedShas,
                    storedLatestVersions(batch),
                    dryRun ? null : newIds(batch, storedShas).iterator());
            if (!dryRun && !decided.stored().isEmpty()) {
                supersede(decided.superseded());
                copyArticles(decided.stored(), now);
                copyOriginals(decided.stored());
                recordIngestions(decided.stored(), now);
            }
            copyFileResults(decided.results());
            addCounts(decided.results());
            conn.commit();
            metrics.committed(decided.results(), dryRun);
            if (!dryRun) {
                // committed: from now on the database answers for these files
                decisions.forget();
            }
            return decided.results();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            decisions.restore(before);
            sourceIds.clear();
            throw e;
        }
    }

    private OffsetDateTime lockForWriting() throws SQLException {
        try (PreparedStatement lock = conn.prepareStatement("select now() from pg_advisory_xact_lock(?, 0)")) {
            lock.setInt(1, CatalogWriteLock.CLASS);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class);
            }
        }
    }

    private Map<String, Long> storedShas(List<Candidate> batch) throws SQLException {
        List<String> shas = batch.stream()
                .filter(Candidate::accepted)
                .map(c -> c.parse().sha256())
                .filter(s -> !decisions.pendingSha(s))
                .toList();
        Map<String, Long> found = new HashMap<>();
        try (PreparedStatement select = conn.prepareStatement("select sha256, id from article where sha256 = any(?)")) {
            select.setArray(1, textArray(shas));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return found;
    }

    private Map<String, BatchDecisions.Version> storedLatestVersions(List<Candidate> batch) throws SQLException {
        List<String> urls = batch.stream()
                .filter(Candidate::accepted)
                .map(c -> c.article().url().normalizedUrl())
                .filter(u -> !decisions.pendingUrl(u))
                .distinct()
                .toList();
        Map<String, BatchDecisions.Version> found = new HashMap<>();
        try (PreparedStatement select = conn.prepareStatement("""
                select normalized_url, id, version, status, withdrawn_reason from article
                where latest and normalized_url = any(?)""")) {
            select.setArray(1, textArray(urls));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.put(
                            rs.getString(1),
                            new BatchDecisions.Version(
                                    rs.getLong(2),
                                    rs.getInt(3),
                                    Words.of(ArticleStatus.class, rs.getString(4)),
                                    rs.getString(5)));
                }
            }
        }
        return found;
    }

    /** One new article id for each distinct file of the batch that is not already stored. */
    private List<Long> newIds(List<Candidate> batch, Map<String, Long> storedShas) throws SQLException {
        long count = batch.stream()
                .filter(Candidate::accepted)
                .map(c -> c.parse().sha256())
                .filter(s -> !decisions.pendingSha(s) && !storedShas.containsKey(s))
                .distinct()
                .count();
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement next = conn.prepareStatement(
                "select nextval(pg_get_serial_sequence('article', 'id')) from generate_series(1, ?)")) {
            next.setLong(1, count);
            try (ResultSet rs = next.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** The versions this batch revises stop being the latest before their successors arrive. */
    private void supersede(List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = conn.prepareStatement("update article set latest = false where id = any(?)")) {
            update.setArray(1, conn.createArrayOf("bigint", ids.toArray()));
            update.executeUpdate();
        }
    }

    private void copyArticles(List<BatchDecisions.Stored> stored, OffsetDateTime now) throws SQLException {
        Map<String, Long> sources = sourceIds(stored);
        copy("""
                copy article (id, normalized_url, version, latest, headline, published, url, source_id, file_name,
                    sha256, size_bytes, sentence_count, word_count, sentences, ingest_run_id, ingested_at, status,
                    withdrawn_reason)
                from stdin (format csv)""", csv -> {
            for (BatchDecisions.Stored s : stored) {
                ParsedArticle a = s.candidate().article();
                ArticleUrl url = a.url();
                boolean latest = decisions.latest(url.normalizedUrl(), s.version());
                csv.printRecord(
                        s.version().id(),
                        url.normalizedUrl(),
                        s.version().number(),
                        latest,
                        a.headline(),
                        a.published(),
                        url.url(),
                        sources.get(url.host()),
                        s.candidate().file().fileName(),
                        s.candidate().parse().sha256(),
                        s.candidate().bytes().length,
                        a.sentences().size(),
                        a.wordCount(),
                        arrayLiteral(a.sentences()),
                        runId,
                        now,
                        s.version().status(),
                        s.version().withdrawnReason());
            }
        });
    }

    /** Each stored original's ingestion event, with its SHA-256: where its fixity record starts. */
    private void recordIngestions(List<BatchDecisions.Stored> stored, OffsetDateTime now) throws SQLException {
        PreservationEvent.recordIngestions(
                conn,
                startedBy,
                runId,
                now,
                stored.stream()
                        .map(s -> new PreservationEvent.Ingested(
                                s.version().id(),
                                "stored " + s.candidate().file().fileName() + " as version "
                                        + s.version().number()
                                        + " of " + s.candidate().article().url().normalizedUrl() + ", SHA-256 "
                                        + s.candidate().parse().sha256()))
                        .toList());
    }

    private void copyOriginals(List<BatchDecisions.Stored> stored) throws SQLException {
        copy("copy article_original (article_id, content) from stdin (format csv)", csv -> {
            for (BatchDecisions.Stored s : stored) {
                csv.printRecord(
                        s.version().id(), "\\x" + HEX.formatHex(s.candidate().bytes()));
            }
        });
    }

    private void copyFileResults(List<FileResult> results) throws SQLException {
        copy("""
                copy ingest_file (run_id, seq, name, outcome, article_id, revises, sha256, problems)
                from stdin (format csv)""", csv -> {
            for (FileResult r : results) {
                csv.printRecord(
                        runId,
                        r.seq(),
                        r.name(),
                        r.outcome(),
                        r.articleId(),
                        r.revises(),
                        r.sha256(),
                        toJson(r.problems()));
            }
        });
    }

    private void addCounts(List<FileResult> results) throws SQLException {
        int[] counts = new int[Outcome.values().length];
        int warnings = 0;
        for (FileResult r : results) {
            counts[r.outcome().ordinal()]++;
            warnings += r.hasWarning() ? 1 : 0;
        }
        // the marks keep the last PROGRESS_MARKS batches: when each was stored and the files done by then
        try (PreparedStatement update = conn.prepareStatement("""
                update ingest_run set added = added + ?, duplicate = duplicate + ?, revised = revised + ?,
                    rejected = rejected + ?, warnings = warnings + ?,
                    progress_marks = (select coalesce(jsonb_agg(m order by i), '[]')
                                      from jsonb_array_elements(coalesce(progress_marks, '[]')) with ordinality e(m, i)
                                      where i > jsonb_array_length(progress_marks) - ?)
                        || jsonb_build_array(jsonb_build_array(
                               (extract(epoch from clock_timestamp()) * 1000)::bigint,
                               added + duplicate + revised + rejected + ?))
                where id = ?""")) {
            update.setInt(1, counts[Outcome.ADDED.ordinal()]);
            update.setInt(2, counts[Outcome.DUPLICATE.ordinal()]);
            update.setInt(3, counts[Outcome.REVISED.ordinal()]);
            update.setInt(4, counts[Outcome.REJECTED.ordinal()]);
            update.setInt(5, warnings);
            update.setInt(6, PROGRESS_MARKS - 1);
            update.setInt(7, results.size());
            update.setLong(8, runId);
            update.executeUpdate();
        }
    }

    /** Ids of the sources of these articles, creating the missing ones. */
    private Map<String, Long> sourceIds(List<BatchDecisions.Stored> stored) throws SQLException {
        Map<String, String> missing = new LinkedHashMap<>();
        for (BatchDecisions.Stored s : stored) {
            ArticleUrl url = s.candidate().article().url();
            if (!sourceIds.containsKey(url.host())) {
                missing.put(url.host(), url.domain());
            }
        }
        if (!missing.isEmpty()) {
            try (PreparedStatement insert = conn.prepareStatement("""
                    insert into source (host, domain) select * from unnest(?::text[], ?::text[])
                    on conflict (host) do nothing""")) {
                insert.setArray(1, textArray(List.copyOf(missing.keySet())));
                insert.setArray(2, textArray(List.copyOf(missing.values())));
                insert.executeUpdate();
            }
            try (PreparedStatement select = conn.prepareStatement("select host, id from source where host = any(?)")) {
                select.setArray(1, textArray(List.copyOf(missing.keySet())));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        sourceIds.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return sourceIds;
    }

    private interface Rows {
        void print(CSVPrinter csv) throws IOException;
    }

    private void copy(String sql, Rows rows) throws SQLException {
        PGCopyOutputStream stream = new PGCopyOutputStream(conn.unwrap(PGConnection.class), sql, 1 << 16);
        try (Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, COPY_CSV)) {
            rows.print(csv);
        } catch (IOException e) {
            // a COPY left open keeps the connection locked, and the rollback after this would wait forever
            if (stream.isActive()) {
                try {
                    stream.cancelCopy();
                } catch (SQLException ignored) {
                    // the connection is gone, which is what the caller reports
                }
            }
            if (e.getCause() instanceof SQLException cause) {
                throw cause;
            }
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }

    private Array textArray(List<String> values) throws SQLException {
        return conn.createArrayOf("text", values.toArray());
    }

    private String toJson(List<ParseProblem> problems) {
        try {
            return json.writeValueAsString(problems);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PostgreSQL array literal: every element double-quoted, with backslash and quote escaped. */
    static String arrayLiteral(List<String> items) {
        StringBuilder out = new StringBuilder("{");
        for (String item : items) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"');
            for (int i = 0; i < item.length(); i++) {
                char ch = item.charAt(i);
                if (ch == '"' || ch == '\\') {
                    out.append('\\');
                }
                out.append(ch);
            }
            out.append('"');
        }
        return out.append('}').toString();
    }

    private void rollbackQuietly() {
        try {
            conn.rollback();
        } catch (SQLException ignored) {
            // the connection is already gone; the server rolled back
        }
    }
}
