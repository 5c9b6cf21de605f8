package io.newsarchive.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Ingest runs as people see them: summaries, and whole reports streamed from the database. */
@ApplicationScoped
public class IngestReports {

    private static final String STATUS = IngestRuns.STATUS;
    private static final String RUN_COLUMNS = """
            id, trigger, started_by, """ + STATUS + """
             as status, dry_run, started_at, finished_at,
            added, duplicate, revised, rejected, warnings, error, total_files, upload_dir, commits_run, upload_names,
            progress_marks::text as progress_marks, dismissed_at, dismissed_by""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    public record Counts(int added, int duplicate, int revised, int rejected, int warnings) {}

    /**
     * @param totalFiles    the files the run takes in; the sum of its counts is how many it has done
     * @param commitsRun    for a run that stores an uploaded dry run: that dry run
     * @param uploadNames   the names of the files uploaded for it, or null (a run of the command line or start-up)
     * @param progressMarks the last few stored batches, for its rate and time left
     * @param dismissedAt   when an archivist took it off the dashboard's Needs attention list, or null
     */
    public record RunSummary(
            long id,
            Trigger trigger,
            String startedBy,
            RunStatus status,
            boolean dryRun,
            Instant startedAt,
            Instant finishedAt,
            Counts counts,
            String error,
            Integer totalFiles,
            @JsonIgnore String uploadDir,
            Long commitsRun,
            List<String> uploadNames,
            @JsonIgnore List<RunProgress.Mark> progressMarks,
            Instant dismissedAt,
            String dismissedBy) {

        /** How many uploaded names are said before "and N other files". */
        private static final int NAMES_SHOWN = 3;

        public int filesDone() {
            return counts.added() + counts.duplicate() + counts.revised() + counts.rejected();
        }

        /** How far it has got, told at {@code now}. */
        public RunProgress progress(Instant now) {
            return RunProgress.of(status, filesDone(), totalFiles, startedAt, error, progressMarks, now);
        }

        /** The uploaded names as a phrase: "a.zip", "a.txt and b.txt", "a.txt, b.txt, c.txt and 2 other files". */
        @JsonIgnore
        public String uploadedFiles() {
            if (uploadNames == null || uploadNames.isEmpty()) {
                return null;
            }
            int n = uploadNames.size();
            if (n <= NAMES_SHOWN) {
                return n == 1
                        ? uploadNames.get(0)
                        : String.join(", ", uploadNames.subList(0, n - 1)) + " and " + uploadNames.get(n - 1);
            }
            return String.join(", ", uploadNames.subList(0, NAMES_SHOWN)) + " and " + (n - NAMES_SHOWN)
                    + (n - NAMES_SHOWN == 1 ? " other file" : " other files");
        }
    }

    /** The newest runs first. */
    public List<RunSummary> list(int limit) {
        return select("select " + RUN_COLUMNS + " from ingest_run r order by id desc limit ?", limit);
    }

    private List<RunSummary> select(String sql, int limit) {
        List<RunSummary> list = new ArrayList<>();
        try (Connection conn = dataSource.getConnection();
                PreparedStatement select = conn.prepareStatement(sql)) {
            select.setInt(1, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    list.add(summary(rs));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new IngestFailure("cannot read ingest runs: " + e.getMessage(), e);
        }
    }

    /**
     * Runs that failed, were interrupted or rejected files, unless a later run over the same upload completed (a
     * dry run that was stored, a failed run that was run again): that later run stands for the upload. A dry run
     * that completed is a check whose report its uploader has read; what it rejected was never stored, so it is not
     * listed however long it is left. Nor is a run an archivist dismissed.
     */
    public List<RunSummary> needingAttention(int limit) {
        return select("select " + RUN_COLUMNS + " from ingest_run r where (" + STATUS + """
                 in ('failed', 'interrupted') or (rejected > 0 and not dry_run)) and dismissed_at is null
                    and not exists (select 1 from ingest_run later where later.upload_dir = r.upload_dir
                                    and later.id > r.id and later.status = 'completed')
                order by id desc limit ?""", limit);
    }

    /** One file's result; {@code problems} as readable lines. */
    public record FileRow(
            int seq,
            String name,
            Outcome outcome,
            Long articleId,
            Long revises,
            String sha256,
            List<String> problems) {}

    /** The files of a run in order, those after {@code afterSeq}, at most {@code limit}. */
    public List<FileRow> files(long runId, FileSelection selection, int afterSeq, int limit) {
        List<FileRow> rows = new ArrayList<>();
        try (Connection conn = dataSource.getConnection();
                PreparedStatement select = conn.prepareStatement("""
                     select seq, name, outcome, article_id, revises, sha256,
                            (select coalesce(array_agg((p ->> 'severity') || ': ' || (p ->> 'message')), '{}')
                             from jsonb_array_elements(problems) p)
                     from ingest_file where run_id = ? and seq > ? and\s""" + selection.condition + " order by seq limit ?")) {
            select.setLong(1, runId);
            select.setInt(2, afterSeq);
            select.setInt(3, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new FileRow(
                            rs.getInt(1),
                            rs.getString(2),
                            Words.of(Outcome.class, rs.getString(3)),
                            rs.getObject(4, Long.class),
                            rs.getObject(5, Long.class),
                            rs.getString(6),
                            List.of((String[]) rs.getArray(7).getArray())));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IngestFailure("cannot read the files of ingest run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Who started the first run over an upload: the archivist who uploaded it. */
    public Optional<String> uploader(String uploadDir) {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement select = conn.prepareStatement(
                        "select started_by from ingest_run where upload_dir = ? order by id limit 1")) {
            select.setString(1, uploadDir);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IngestFailure("cannot read the runs of an upload: " + e.getMessage(), e);
        }
    }

    /** The run that stores (or stored) the files of this dry run, if any. */
    public Long committedBy(long dryRunId) {
        return firstId(
                "select id from ingest_run r where commits_run = ? and " + STATUS
                        + " in ('running', 'completed') order by id desc limit 1",
                dryRunId);
    }

    /** The newest run over this upload that is under way, if any. */
    public Long runningOver(String uploadDir) {
        return firstId(
                "select max(id) from ingest_run r where upload_dir = ? and " + STATUS + " = 'running'", uploadDir);
    }

    /** Whether every run over this upload ended, the last more than {@code age} ago. */
    public boolean allEndedBefore(String uploadDir, Duration age) {
        return firstId(
                        "select max(id) from ingest_run r where upload_dir = ? having bool_and(" + STATUS
                                + " <> 'running') and max(coalesce(finished_at, started_at)) < now() - make_interval(secs => ?)",
                        uploadDir,
                        age.toSeconds())
                != null;
    }

    /** The uploads none of whose runs is under way. */
    public List<String> uploadsOfEndedRuns() {
        List<String> uploads = new ArrayList<>();
        try (Connection conn = dataSource.getConnection();
                PreparedStatement select = conn.prepareStatement("select upload_dir from ingest_run r"
                        + " where upload_dir is not null group by upload_dir having bool_and(" + STATUS
                        + " <> 'running')");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                uploads.add(rs.getString(1));
            }
            return uploads;
        } catch (SQLException e) {
            throw new IngestFailure("cannot read the uploads of ingest runs: " + e.getMessage(), e);
        }
    }

    /** The id the select gives first, or null. */
    private Long firstId(String select, Object... values) {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement statement = conn.prepareStatement(select)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getObject(1, Long.class) : null;
            }
        } catch (SQLException e) {
            throw new IngestFailure("cannot read ingest runs: " + e.getMessage(), e);
        }
    }

    /** The run, or a 404 naming it. */
    public RunSummary get(long id) {
        return find(id).orElseThrow(() -> ApiError.notFound("no ingest run " + id));
    }

    public Optional<RunSummary> find(long id) {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement select =
                        conn.prepareStatement("select " + RUN_COLUMNS + " from ingest_run r where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(summary(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IngestFailure("cannot read ingest run " + id + ": " + e.getMessage(), e);
        }
    }

    /** A run's report as {@link #writeReport} streams it, for the OpenAPI document. */
    public record RunReport(RunSummary run, List<FileResult> files) {}

    /** Writes {"run": ..., "files": [...]} without holding all files in memory. */
    public void writeReport(RunSummary run, OutputStream out) throws IOException {
        try (Connection conn = dataSource.getConnection();
                JsonGenerator gen = json.getFactory().createGenerator(out)) {
            conn.setAutoCommit(false);
            gen.writeStartObject();
            gen.writeFieldName("run");
            json.writeValue(gen, run);
            gen.writeArrayFieldStart("files");
            try (PreparedStatement select = conn.prepareStatement("""
                    select seq, name, outcome, article_id, revises, sha256, problems::text
                    from ingest_file where run_id = ? order by seq""")) {
                select.setFetchSize(1000);
                select.setLong(1, run.id());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        gen.writeStartObject();
                        gen.writeNumberField("seq", rs.getInt(1));
                        gen.writeStringField("name", rs.getString(2));
                        gen.writeStringField("outcome", rs.getString(3));
                        writeNullableLong(gen, "article_id", rs.getObject(4, Long.class));
                        writeNullableLong(gen, "revises", rs.getObject(5, Long.class));
                        gen.writeStringField("sha256", rs.getString(6));
                        gen.writeFieldName("problems");
                        gen.writeRawValue(rs.getString(7));
                        gen.writeEndObject();
                    }
                }
            }
            gen.writeEndArray();
            gen.writeEndObject();
            conn.commit();
        } catch (SQLException e) {
            throw new IOException("cannot read the report of ingest run " + run.id() + ": " + e.getMessage(), e);
        }
    }

    private static void writeNullableLong(JsonGenerator gen, String field, Long value) throws IOException {
        if (value == null) {
            gen.writeNullField(field);
        } else {
            gen.writeNumberField(field, value);
        }
    }

    private RunSummary summary(ResultSet rs) throws SQLException {
        Array names = rs.getArray("upload_names");
        String stored = rs.getString("progress_marks");
        List<RunProgress.Mark> marks = new ArrayList<>();
        try {
            for (long[] mark : stored == null ? new long[0][] : json.readValue(stored, long[][].class)) {
                marks.add(new RunProgress.Mark(Instant.ofEpochMilli(mark[0]), (int) mark[1]));
            }
        } catch (IOException e) {
            throw new SQLException("ingest_run.progress_marks holds no marks: " + e.getMessage(), e);
        }
        return new RunSummary(
                rs.getLong("id"),
                Words.of(Trigger.class, rs.getString("trigger")),
                rs.getString("started_by"),
                Words.of(RunStatus.class, rs.getString("status")),
                rs.getBoolean("dry_run"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                new Counts(
                        rs.getInt("added"),
                        rs.getInt("duplicate"),
                        rs.getInt("revised"),
                        rs.getInt("rejected"),
                        rs.getInt("warnings")),
                rs.getString("error"),
                rs.getObject("total_files", Integer.class),
                rs.getString("upload_dir"),
                rs.getObject("commits_run", Long.class),
                names == null ? null : List.of((String[]) names.getArray()),
                marks,
                instant(rs, "dismissed_at"),
                rs.getString("dismissed_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
