package io.newsarchive.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.catalog.ArticleSearch;
import io.newsarchive.catalog.CatalogFilter;
import io.newsarchive.system.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

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
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a selection of the catalog from one repeatable-read snapshot, row by row (a server-side cursor), so that
 * memory does not grow with the selection. The last line states how many articles were written, so that a cut
 * download can be told from a whole one.
 */
@ApplicationScoped
public class ArticleExport {

    /** The article fields in the catalog's order, as CSV headers and JSON keys. */
    static final List<String> FIELDS = List.of("id", "headline", "published", "url", "normalized_url", "source",
            "domain", "file_name", "sha256", "size_bytes", "sentence_count", "word_count", "ingested_at", "version",
            "status", "latest", "ingest_run_id");
    private static final String COLUMNS = """
            a.id, a.headline, a.published::text, a.url, a.normalized_url, s.host, s.domain, a.file_name, a.sha256,
            a.size_bytes, a.sentence_count, a.word_count, a.ingested_at, a.version, a.status, a.latest,
            a.ingest_run_id""";
    private static final int FETCH_ROWS = 500;

    /** What to write. */
    public record Request(CatalogFilter filter, ExportFormat format, boolean includeBody, boolean bom,
                          boolean spreadsheetSafe) {
    }

    /** A started export: the snapshot is taken and the filter checked; {@link #writeTo} streams it. */
    public final class Started {
        private final Connection connection;
        private final PreparedStatement statement;
        private final Request request;

        private Started(Connection connection, PreparedStatement statement, Request request) {
            this.connection = connection;
            this.statement = statement;
            this.request = request;
        }

        public void writeTo(OutputStream out) throws IOException {
            try (connection; statement; ResultSet rs = statement.executeQuery()) {
                switch (request.format()) {
                    case CSV -> csv(rs, out, request);
                    case JSON, JSONL -> json(rs, out, request);
                }
                connection.rollback();
            } catch (SQLException e) {
                // the status line is gone: the client learns of the failure from the missing last line and the
                // broken connection
                throw new IOException("export failed: " + e.getMessage(), e);
            }
        }
    }

    private final DataSource dataSource;
    private final ArticleSearch search;
    private final ObjectMapper json;

    ArticleExport(DataSource dataSource, ArticleSearch search, ObjectMapper json) {
        this.dataSource = dataSource;
        this.search = search;
        this.json = json;
    }

    /** Checks the filter and takes the snapshot, before any byte is sent: a bad filter is still a 400. */
    public Started start(Request request) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            ArticleSearch.Conditions where = search.conditions(c, request.filter());
            String sql = "select " + COLUMNS + (request.includeBody() ? ", a.sentences" : "")
                    + " from article a join source s on s.id = a.source_id where " + where.sql() + " order by a.id";
            PreparedStatement statement = ArticleSearch.prepare(c, sql, where.params());
            statement.setFetchSize(FETCH_ROWS);
            return new Started(c, statement, request);
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
