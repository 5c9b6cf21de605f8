package io.newsarchive.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.catalog.ArticleSearch;
import io.newsarchive.catalog.CatalogFilter;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a selection of the catalog from one repeatable-read snapshot, row by row (a server-side cursor), so that
 * memory does not grow with the selection. The last line states how many articles were written, so that a cut
 * download can be told from a whole one.
 */
@ApplicationScoped
public class ArticleExport {

    private static final Logger LOG = Logger.getLogger(ArticleExport.class);

    /** The article fields in the catalog's order, as CSV headers and JSON keys. */
    static final List<String> FIELDS = List.of("id", "headline", "published", "url", "normalized_url", "source",
            "domain", "file_name", "sha256", "size_bytes", "sentence_count", "word_count", "ingested_at", "version",
            "status", "latest", "ingest_run_id");
    private static final String COLUMNS = """
            a.id, a.headline, a.published::text, a.url, a.normalized_url, s.host, s.domain, a.file_name, a.sha256,
            a.size_bytes, a.sentence_count, a.word_count, a.ingested_at, a.version, a.status, a.latest,
            a.ingest_run_id""";
    private static final int FETCH_ROWS = 500;
    /** Originals are larger rows: fewer per round trip keeps the service's memory flat. */
    private static final int FETCH_ORIGINALS = 100;

    /**
     * What to write.
     *
     * @param name        the export's file name without its extension, also the folder of a BagIt bag
     * @param description the filters in words, for a bag's External-Description
     */
    public record Request(CatalogFilter filter, ExportFormat format, boolean includeBody, boolean bom,
                          boolean spreadsheetSafe, String name, String description) {
    }

    /** A started export: the snapshot is taken and the filter checked; {@link #writeTo} streams it. */
    public final class Started {
        private final Connection connection;
        private final ArticleSearch.Conditions where;
        private final Request request;

        private Started(Connection connection, ArticleSearch.Conditions where, Request request) {
            this.connection = connection;
            this.where = where;
            this.request = request;
        }

        /**
         * Streams the export. A failure within the first output buffer (8 KiB) still reaches the client as an error
         * status; after that the status line is gone, and the client learns of the failure from the broken
         * connection and the missing end (the last line, or a zip's central directory).
         */
        public void writeTo(OutputStream out) throws IOException {
            try (connection) {
                switch (request.format()) {
                    case CSV -> rows(request.includeBody(), rs -> csv(rs, out, request));
                    case JSON, JSONL -> rows(request.includeBody(), rs -> json(rs, out, request));
                    case ZIP, BAGIT -> originals(out);
                }
                connection.rollback();
            } catch (SQLException e) {
                LOG.warnf("export %s stopped half way: %s", request.name(), e.getMessage());
                throw new DatabaseFailure(e);
            } catch (OriginalsZip.ChangedOriginal e) {
                LOG.errorf("export %s stopped: %s", request.name(), e.getMessage());
                throw ApiError.failure(Response.Status.INTERNAL_SERVER_ERROR, "damaged_original", e.getMessage(), null);
            }
        }

        private void rows(boolean includeBody, RowsWriter writer) throws SQLException, IOException {
            String sql = "select " + COLUMNS + (includeBody ? ", a.sentences" : "")
                    + " from article a join source s on s.id = a.source_id where " + where.sql() + " order by a.id";
            query(sql, FETCH_ROWS, writer);
        }

        /**
         * The originals in order of their lower-cased file names; the offset keeps PostgreSQL from sorting the
         * file contents along with the names.
         */
        private void originals(OutputStream out) throws SQLException, IOException {
            String sql = "select sel.id, sel.file_name, sel.name_key, sel.sha256,"
                    + " (select o.content from article_original o where o.article_id = sel.id)"
                    + " from (select a.id, a.file_name, lower(a.file_name) as name_key, a.sha256"
                    + " from article a join source s on s.id = a.source_id where " + where.sql()
                    + " order by name_key, a.id offset 0) sel order by sel.name_key, sel.id";
            boolean bag = request.format() == ExportFormat.BAGIT;
            try (OriginalsZip zip = bag ? OriginalsZip.bag(out, request.name()) : OriginalsZip.plain(out)) {
                query(sql, FETCH_ORIGINALS, rs -> {
                    while (rs.next()) {
                        zip.add(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5));
                    }
                });
                if (bag) {
                    Request metadata = new Request(request.filter(), ExportFormat.CSV, false, false, false,
                            request.name(), request.description());
                    zip.finishBag(new OriginalsZip.BagInfo(config.name(), request.description(),
                                    LocalDate.now(ZoneOffset.UTC)),
                            csvOut -> rows(false, rs -> csv(rs, csvOut, metadata)));
                } else {
                    zip.finish();
                }
            }
        }

        private void query(String sql, int fetchSize, RowsWriter writer) throws SQLException, IOException {
            try (PreparedStatement statement = ArticleSearch.prepare(connection, sql, where.params())) {
                statement.setFetchSize(fetchSize);
                try (ResultSet rs = statement.executeQuery()) {
                    writer.write(rs);
                }
            }
        }
    }

    private interface RowsWriter {
        void write(ResultSet rs) throws SQLException, IOException;
    }

    private final DataSource dataSource;
    private final ArticleSearch search;
    private final ObjectMapper json;
    private final CatalogConfig config;

    ArticleExport(DataSource dataSource, ArticleSearch search, ObjectMapper json, CatalogConfig config) {
        this.dataSource = dataSource;
        this.search = search;
        this.json = json;
        this.config = config;
    }

    /** Checks the filter and takes the snapshot, before any byte is sent: a bad filter is still a 400. */
    public Started start(Request request) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return new Started(c, search.conditions(c, request.filter()), request);
        } catch (SQLException e) {
            close(c);
            throw new DatabaseFailure(e);
        } catch (RuntimeException e) {
            close(c);
            throw e;
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

    private static void csv(ResultSet rs, OutputStream out, Request request) throws IOException, SQLException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (request.bom()) {
            writer.write('\uFEFF');
        }
        List<String> header = new ArrayList<>(FIELDS);
        if (request.includeBody()) {
            header.add("body");
        }
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                .setCommentMarker('#').get());
        long rows = 0;
        List<String> record = new ArrayList<>(header.size());
        while (rs.next()) {
            record.clear();
            for (Object field : fields(rs)) {
                String value = String.valueOf(field);
                record.add(request.spreadsheetSafe() ? SpreadsheetCells.safe(value) : value);
            }
            if (request.includeBody()) {
                String body = String.join("\n", sentences(rs.getArray(FIELDS.size() + 1)));
                record.add(request.spreadsheetSafe() ? SpreadsheetCells.safe(body) : body);
            }
            csv.printRecord(record);
            rows++;
        }
        csv.printComment(rows + (rows == 1 ? " article" : " articles") + "; end of export");
        csv.flush();
    }

    private void json(ResultSet rs, OutputStream out, Request request) throws IOException, SQLException {
        boolean lines = request.format() == ExportFormat.JSONL;
        JsonGenerator g = json.getFactory().createGenerator(out);
        if (lines) {
            g.setRootValueSeparator(null);
        } else {
            g.writeStartArray();
        }
        long rows = 0;
        while (rs.next()) {
            g.writeStartObject();
            Object[] fields = fields(rs);
            for (int i = 0; i < fields.length; i++) {
                g.writeFieldName(FIELDS.get(i));
                if (fields[i] instanceof Long n) {
                    g.writeNumber(n);
                } else if (fields[i] instanceof Boolean b) {
                    g.writeBoolean(b);
                } else {
                    g.writeString(fields[i].toString());
                }
            }
            if (request.includeBody()) {
                g.writeArrayFieldStart("sentences");
                for (String sentence : sentences(rs.getArray(FIELDS.size() + 1))) {
                    g.writeString(sentence);
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
    }

    /** The values of {@link #FIELDS}, written alike by both formats (times as ISO-8601 instants, like the API). */
    private static Object[] fields(ResultSet rs) throws SQLException {
        return new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10), rs.getLong(11),
                rs.getLong(12), rs.getTimestamp(13).toInstant(), rs.getLong(14), rs.getString(15), rs.getBoolean(16),
                rs.getLong(17)};
    }

    private static List<String> sentences(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
