package io.newsarchive.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsarchive.catalog.ArticleColumns;
import io.newsarchive.catalog.ArticleSearch;
import io.newsarchive.catalog.CatalogFilter;
import io.newsarchive.catalog.ChosenArticles;
import io.newsarchive.preservation.EventOutcome;
import io.newsarchive.preservation.EventType;
import io.newsarchive.preservation.PreservationEvent;
import io.newsarchive.preservation.PreservationLog;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Streams a selection of the catalog from one repeatable-read snapshot, row by row, so memory does not grow with
 * the selection. PostgreSQL writes CSV itself (COPY), and JSON is made from the bytes it sends without decoding
 * them, which keeps exports close to the speed of {@code psql \copy}. JSON Lines, zips, bags and a CSV that asks
 * for it end by stating how many articles were written, so that a cut download can be told from a whole one.
 */
@ApplicationScoped
public class ArticleExport {

    private static final Logger LOG = Logger.getLogger(ArticleExport.class);

    /** One field of an exported article: its name (CSV header, JSON key), how the select computes it, its JSON type. */
    private record Field(String name, String sql, JsonType type) {}

    private enum JsonType {
        TEXT,
        NUMBER,
        BOOLEAN
    }

    /** The article fields in the order of the API's JSON, written alike (times as the API writes them). */
    private static final List<Field> FIELDS = ArticleColumns.ALL.stream()
            .map(c -> switch (c.kind()) {
                case NUMBER -> new Field(c.name(), c.sql(), JsonType.NUMBER);
                case BOOLEAN -> new Field(c.name(), c.sql(), JsonType.BOOLEAN);
                case TEXT -> new Field(c.name(), c.sql(), JsonType.TEXT);
                case DATE -> new Field(c.name(), c.sql() + "::text", JsonType.TEXT);
                case TIME -> new Field(c.name(), "iso_instant(" + c.sql() + ")", JsonType.TEXT);
            })
            .toList();
    /** The sentences as one text, joined by line feeds: a sentence is a non-empty line, so this can be undone. */
    private static final String BODY = "array_to_string(a.sentences, E'\\n')";

    private static final String FROM = " from article a join source s on s.id = a.source_id where ";

    /**
     * Names that Windows and macOS take for one (case, Unicode normalisation) share a key, and the earliest article
     * keeps the name.
     */
    private static final String NAME_KEY = "lower(normalize(a.file_name, NFC))";
    /** The file name with what manifests would escape ({@code % \ CR LF}) or Windows refuses as {@code _}. */
    private static final String SAFE_NAME =
            "translate(a.file_name, '%\\:*?\"<>|' || chr(13) || chr(10), '___________')";
    /**
     * Where an original goes in a zip or bag: its own name, or, when an earlier article of the selection holds the
     * name or the name has to change, a folder named by its id ({@code 4711/same.txt}, {@code 4712/50_ off.txt}).
     * So every path is one line of a manifest as it is, for {@code sha256sum -c} and every BagIt tool.
     */
    private static final String PATH = "case when row_number() over (partition by " + NAME_KEY
            + " order by a.id) = 1 and " + SAFE_NAME + " = a.file_name then a.file_name else a.id || '/' || "
            + SAFE_NAME + " end";

    /**
     * What to write.
     *
     * @param ids         the articles chosen one by one ({@link ChosenArticles}), exported instead of the filter's
     *                    selection; empty for the filter's
     * @param endLine     whether a CSV ends with the line {@code # N articles; end of export}
     * @param name        the export's file name without its extension, also the folder of a BagIt bag
     * @param description the filters in words, for a bag's External-Description
     * @param baseUrl     the catalog's public address, for a bag's profile identifier
     * @param requestedBy who asked for it, the agent of the dissemination event of a zip or bag; null for someone not
     *                    signed in, whose download records nothing (a read by anyone must not grow the log)
     */
    public record Request(
            CatalogFilter filter,
            List<Long> ids,
            ExportFormat format,
            boolean includeBody,
            boolean bom,
            boolean spreadsheetSafe,
            boolean endLine,
            String name,
            String description,
            String baseUrl,
            String requestedBy) {}

    /** A started export: the snapshot is taken and the filter checked; {@link #writeTo} streams it. */
    public final class Started {
        private final Connection connection;
        private final Request request;
        /** The filter's conditions with their values written in, as COPY needs them. */
        private final String where;
        /** The event of a zip or bag, recorded once it is whole. */
        private PreservationEvent disseminated;

        private Started(Connection connection, Request request, String where) {
            this.connection = connection;
            this.request = request;
            this.where = where;
        }

        /**
         * Streams the export. A failure within the first output buffer (8 KiB) still reaches the client as an error
         * status; after that the status line is gone, and the client learns of the failure from the broken
         * connection and the missing end (the last line, or a zip's central directory).
         */
        public void writeTo(OutputStream out) throws IOException {
            started(request.format()).increment();
            Timer.Sample sample = Timer.start(registry);
            boolean whole = false;
            try {
                long articles = switch (request.format()) {
                    case CSV -> csv(out, request, false);
                    case JSON, JSONL -> json(out);
                    case ZIP, BAGIT -> originals(out);
                };
                connection.rollback();
                whole = true;
                articlesWritten(request.format()).increment(articles);
                if (disseminated != null) {
                    recordSent(disseminated);
                }
            } catch (SQLException e) {
                LOG.warnf("export %s stopped half way: %s", request.name(), e.getMessage());
                throw new DatabaseFailure(e);
            } catch (OriginalsZip.ChangedOriginal e) {
                LOG.errorf("export %s stopped: %s", request.name(), e.getMessage());
                throw ApiError.failure(Response.Status.INTERNAL_SERVER_ERROR, "damaged_original", e.getMessage(), null);
            } finally {
                sample.stop(ended(request.format(), whole ? EventOutcome.SUCCESS : EventOutcome.FAILURE));
                if (!whole) {
                    discard(connection);
                }
                close(connection);
            }
        }

        /**
         * The catalog's rows behind the selection, whole, one JSON Lines file a table ({@code catalog/article.jsonl},
         * ...), so that a restore rebuilds the catalog as it was: the articles (without their originals, which are the
         * payload), their sources, the ingest runs they came from (but for where an upload waits) with the runs' file
         * results, their audit history with the runs' own audit events, and their preservation events with the
         * chunks of fixity passes over their ids. A file result of another article is left out, and a revision of an
         * article not in the bag is not named. Every source collection travels (a few rows, the catalog's own words for
         * groups of its sources) with the history of its changes, and its members that are sources of the bag.
         */
        private Map<String, OriginalsZip.TagContent> catalogTables() {
            String articles = "select a.id" + FROM + where;
            String runs = "select a.ingest_run_id" + FROM + where;
            Map<String, String> tables = new LinkedHashMap<>();
            tables.put(
                    "source",
                    "select to_jsonb(t)::text from source t where t.id in (select a.source_id" + FROM + where
                            + ") order by t.id");
            tables.put("source_collection", "select to_jsonb(t)::text from source_collection t order by t.id");
            tables.put(
                    "source_collection_member",
                    "select to_jsonb(t)::text from source_collection_member t where t.source_id in (select a.source_id"
                            + FROM + where + ") order by t.collection_id, t.source_id");
            tables.put(
                    "ingest_run",
                    // where an upload waits on this server is no business of the bag's
                    "select (to_jsonb(t) - 'upload_dir')::text from ingest_run t where t.id in (" + runs
                            + ") order by t.id");
            tables.put(
                    "ingest_file",
                    "select (to_jsonb(t) || jsonb_build_object('revises', case when t.revises in (" + articles
                            + ") then t.revises end))::text from ingest_file t where t.run_id in (" + runs
                            + ") and (t.article_id is null or t.article_id in (" + articles
                            + ")) order by t.run_id, t.seq");
            tables.put(
                    "article",
                    "select (to_jsonb(t) - 'search_vector')::text from article t where t.id in (" + articles
                            + ") order by t.id");
            // what archivists decided near-copies are; the pairs themselves are found again by linking
            tables.put(
                    "near_copy",
                    "select to_jsonb(t)::text from near_copy t where t.decision is not null and t.article_id in ("
                            + articles + ") and t.copy_id in (" + articles + ") order by t.article_id, t.copy_id");
            tables.put(
                    "audit_event",
                    "select to_jsonb(t)::text from audit_event t where t.article_id in (" + articles
                            + ") or (t.article_id is null and t.run_id in (" + runs
                            + ")) or t.subject_collection is not null order by t.id");
            tables.put(
                    "preservation_event",
                    "select to_jsonb(t)::text from preservation_event t where t.article_id in (" + articles
                            + ") or (t.first_article_id is not null and int8range(t.first_article_id,"
                            + " t.last_article_id, '[]') && (select int8range(min(a.id), max(a.id), '[]')" + FROM
                            + where + ")) order by t.id");
            Map<String, OriginalsZip.TagContent> files = new LinkedHashMap<>();
            tables.forEach((table, select) -> files.put("catalog/" + table + ".jsonl", out -> jsonLines(out, select)));
            return files;
        }

        /** Each row's one JSON text as PostgreSQL writes it, a line each. */
        private void jsonLines(OutputStream out, String select) throws SQLException, IOException {
            BinaryCopyRows row = new BinaryCopyRows(connection, select);
            while (row.next()) {
                row.field();
                out.write(row.bytes(), 0, row.length());
                out.write('\n');
            }
        }

        /** The export is whole and sent by now: a failure to record it must not break the download. */
        private void recordSent(PreservationEvent event) {
            try {
                log.record(event);
            } catch (RuntimeException e) {
                LOG.errorf(
                        "export %s was sent but its dissemination event could not be recorded: %s",
                        request.name(), e.getMessage());
            }
        }

        /**
         * @param files whether this is the list of a zip's or bag's files: then with each file's {@code path} in the
         *              package and no end line, whatever the request asked
         * @return how many articles it wrote
         */
        private long csv(OutputStream out, Request csv, boolean files) throws SQLException, IOException {
            if (csv.bom()) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            String cells = FIELDS.stream()
                    .map(f -> cell(f.sql() + "::text", csv) + " as " + f.name())
                    .collect(Collectors.joining(", "));
            if (csv.includeBody()) {
                cells += ", " + cell(BODY, csv) + " as body";
            }
            if (files) {
                cells += ", " + PATH + " as path";
            }
            PGCopyInputStream copy = new PGCopyInputStream(
                    connection.unwrap(PGConnection.class),
                    "copy (select " + cells + FROM + where + " order by a.id) to stdout with (format csv, header)");
            OutputStream records = new CsvLineEnds(out);
            for (byte[] record = copy.readFromCopy(); record != null; record = copy.readFromCopy()) {
                records.write(record);
            }
            if (csv.endLine() && !files) {
                out.write(("# " + endOfExport(copy.getHandledRowCount()) + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            return copy.getHandledRowCount();
        }

        private static String cell(String sql, Request csv) {
            return csv.spreadsheetSafe() ? "spreadsheet_safe(" + sql + ")" : sql;
        }

        /**
         * JSON from the UTF-8 bytes PostgreSQL sends, which the generator only escapes: nothing is decoded into
         * strings ({@code row_to_json} would be simpler, but PostgreSQL 15 escapes text for JSON at half the speed
         * of the rest of the export).
         */
        private long json(OutputStream out) throws SQLException, IOException {
            boolean lines = request.format() == ExportFormat.JSONL;
            String select = "select "
                    + FIELDS.stream()
                            .map(f -> f.type() == JsonType.NUMBER ? f.sql() + "::bigint" : f.sql())
                            .collect(Collectors.joining(", "))
                    + (request.includeBody() ? ", " + BODY : "") + FROM + where
                    + " order by a.id";
            JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8);
            if (lines) {
                g.setRootValueSeparator(null);
            } else {
                g.writeStartArray();
            }
            long rows = 0;
            BinaryCopyRows row = new BinaryCopyRows(connection, select);
            while (row.next()) {
                g.writeStartObject();
                for (Field field : FIELDS) {
                    g.writeFieldName(field.name());
                    switch (field.type()) {
                        case NUMBER -> g.writeNumber(row.int8());
                        case BOOLEAN -> g.writeBoolean(row.bool());
                        case TEXT -> {
                            if (row.fieldOrNull()) {
                                g.writeUTF8String(row.bytes(), 0, row.length());
                            } else {
                                g.writeNull();
                            }
                        }
                    }
                }
                if (request.includeBody()) {
                    g.writeArrayFieldStart("sentences");
                    row.field();
                    byte[] body = row.bytes();
                    for (int start = 0; start < row.length(); ) {
                        int end = start;
                        while (end < row.length() && body[end] != '\n') {
                            end++;
                        }
                        g.writeUTF8String(body, start, end - start);
                        start = end + 1;
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
                if (lines) {
                    g.writeRaw('\n');
                }
                rows++;
            }
            if (lines) {
                g.writeStartObject();
                g.writeBooleanField("end_of_export", true);
                g.writeNumberField("articles", rows);
                g.writeEndObject();
                g.writeRaw('\n');
            } else {
                g.writeEndArray();
            }
            g.flush();
            return rows;
        }

        /**
         * The originals in order of their name keys; the offset keeps PostgreSQL from sorting the file contents
         * along with the names.
         */
        private long originals(OutputStream out) throws SQLException, IOException {
            String select = "select sel.id, sel.path, sel.sha256,"
                    + " (select o.content from article_original o where o.article_id = sel.id)"
                    + " from (select a.id, " + PATH + " as path, " + NAME_KEY + " as name_key, a.sha256" + FROM
                    + where + " order by name_key, a.id offset 0) sel order by sel.name_key, sel.id";
            boolean bag = request.format() == ExportFormat.BAGIT;
            try (OriginalsZip zip = bag ? OriginalsZip.bag(out, request.name()) : OriginalsZip.plain(out)) {
                BinaryCopyRows row = new BinaryCopyRows(connection, select);
                while (row.next()) {
                    long id = row.int8();
                    String path = row.text();
                    String sha256 = row.text();
                    row.field();
                    zip.add(id, path, sha256, row.bytes(), row.length());
                }
                Request files = new Request(
                        request.filter(),
                        request.ids(),
                        ExportFormat.CSV,
                        false,
                        false,
                        false,
                        false,
                        request.name(),
                        request.description(),
                        request.baseUrl(),
                        request.requestedBy());
                OriginalsZip.TagContent list = csvOut -> csv(csvOut, files, true);
                String identifier = bag ? "urn:uuid:" + UUID.randomUUID() : request.name() + ".zip";
                if (bag) {
                    zip.finishBag(
                            new OriginalsZip.BagInfo(
                                    config.name(),
                                    config.contact(),
                                    request.description(),
                                    identifier,
                                    LocalDate.now(ZoneOffset.UTC),
                                    "News archive " + version + " (" + request.baseUrl() + ")",
                                    BagProfileResource.identifier(request.baseUrl())),
                            list,
                            catalogTables());
                } else {
                    zip.finish(list);
                }
                disseminated = request.requestedBy() == null
                        ? null
                        : PreservationEvent.of(
                                EventType.DISSEMINATION,
                                EventOutcome.SUCCESS,
                                request.requestedBy(),
                                zip.files() + (zip.files() == 1 ? " original" : " originals") + " sent in "
                                        + (bag ? "the bag " : "the zip ") + request.name() + ": "
                                        + request.description());
                if (disseminated != null) {
                    disseminated.identifier = identifier;
                }
                return zip.files();
            }
        }
    }

    private final DataSource dataSource;
    private final ArticleSearch search;
    private final ObjectMapper json;
    private final CatalogConfig config;

    private final String version;
    private final PreservationLog log;
    private final MeterRegistry registry;

    ArticleExport(
            DataSource dataSource,
            ArticleSearch search,
            ObjectMapper json,
            CatalogConfig config,
            @ConfigProperty(name = "quarkus.application.version") String version,
            PreservationLog log,
            MeterRegistry registry) {
        this.log = log;
        this.registry = registry;
        this.dataSource = dataSource;
        this.search = search;
        this.json = json;
        this.config = config;
        this.version = version;
        // every format on /q/metrics from the start, at 0
        for (ExportFormat format : ExportFormat.values()) {
            started(format);
            articlesWritten(format);
            for (EventOutcome outcome : EventOutcome.values()) {
                ended(format, outcome);
            }
        }
    }

    /** Checks the filter and takes the snapshot, before any byte is sent: a bad filter is still a 400. */
    public Started start(Request request) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement snapshot = c.createStatement()) {
                // the export holds what the catalog held when it was asked for, whatever is stored meanwhile
                snapshot.execute("select 1");
            }
            String where = request.ids().isEmpty()
                    ? search.selection(c, request.filter())
                    : ChosenArticles.selection(c, request.ids());
            return new Started(c, request, where);
        } catch (SQLException e) {
            close(c);
            throw new DatabaseFailure(e);
        } catch (RuntimeException e) {
            close(c);
            throw e;
        }
    }

    private Counter started(ExportFormat format) {
        return Counter.builder("catalog.export.started")
                .description("Exports begun, by format")
                .tag("format", format.toString())
                .register(registry);
    }

    /** Exports by how they ended: success when whole, failure when cut off (by the client or the database). */
    private Timer ended(ExportFormat format, EventOutcome outcome) {
        return Timer.builder("catalog.export")
                .description("Exports ended, by format and outcome, and how long they took")
                .tag("format", format.toString())
                .tag("outcome", outcome.toString())
                .register(registry);
    }

    private Counter articlesWritten(ExportFormat format) {
        return Counter.builder("catalog.export.articles")
                .description("Articles in the exports sent whole, by format")
                .tag("format", format.toString())
                .register(registry);
    }

    /** How zips and a CSV asked for it state their count at the end: {@code 3 articles; end of export}. */
    static String endOfExport(long articles) {
        return articles + (articles == 1 ? " article" : " articles") + "; end of export";
    }

    /**
     * Closes the database connection under the pool's handle, so that the pool drops it. After a COPY cut short
     * (the client went away, the database failed) the connection is still sending, and cancelling the COPY races
     * with the next statement (a late cancel can hit whoever uses the connection next).
     */
    private static void discard(Connection c) {
        try {
            // the physical connection under the pool's wrapper
            c.unwrap(Connection.class).close();
        } catch (SQLException ignored) {
            // closed either way
        }
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the pool discards it
            }
        }
    }
}
