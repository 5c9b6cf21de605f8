package io.newsarchive.catalog;

import io.newsarchive.system.Words;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fields of a listed or exported article, once: each with its name (JSON key, CSV header, the alias it is
 * selected as) and the column of {@code article a} or {@code source s} it comes from, in the order of the JSON.
 */
public final class ArticleColumns {

    public enum Kind {
        NUMBER,
        TEXT,
        BOOLEAN,
        DATE,
        TIME
    }

    public record Column(String name, String sql, Kind kind) {}

    public static final List<Column> ALL = List.of(
            new Column("id", "a.id", Kind.NUMBER),
            new Column("headline", "a.headline", Kind.TEXT),
            new Column("published", "a.published", Kind.DATE),
            new Column("url", "a.url", Kind.TEXT),
            new Column("normalized_url", "a.normalized_url", Kind.TEXT),
            new Column("source", "s.host", Kind.TEXT),
            new Column("domain", "s.domain", Kind.TEXT),
            new Column("file_name", "a.file_name", Kind.TEXT),
            new Column("sha256", "a.sha256", Kind.TEXT),
            new Column("size_bytes", "a.size_bytes", Kind.NUMBER),
            new Column("sentence_count", "a.sentence_count", Kind.NUMBER),
            new Column("word_count", "a.word_count", Kind.NUMBER),
            new Column("ingested_at", "a.ingested_at", Kind.TIME),
            new Column("version", "a.version", Kind.NUMBER),
            new Column("status", "a.status", Kind.TEXT),
            new Column("latest", "a.latest", Kind.BOOLEAN),
            new Column("ingest_run_id", "a.ingest_run_id", Kind.NUMBER),
            new Column("metadata_revision", "a.metadata_revision", Kind.NUMBER),
            new Column("note", "a.note", Kind.TEXT),
            new Column("withdrawn_reason", "a.withdrawn_reason", Kind.TEXT));

    /** The select list of a listing, each column under its name. */
    static final String SELECT =
            ALL.stream().map(c -> c.sql() + " as " + c.name()).collect(Collectors.joining(", "));

    /** The columns of {@code article} that {@link #SELECT} reads, for a subquery over {@code article a}. */
    static final String ARTICLE_SELECT =
            ALL.stream().map(Column::sql).filter(sql -> sql.startsWith("a.")).collect(Collectors.joining(", "));

    private ArticleColumns() {}

    /** The listed article of a row selected with {@link #SELECT}, read by column name. */
    static ArticleJson read(ResultSet rs) throws SQLException {
        return new ArticleJson(
                rs.getLong("id"),
                rs.getString("headline"),
                rs.getObject("published", LocalDate.class),
                rs.getString("url"),
                rs.getString("normalized_url"),
                rs.getString("source"),
                rs.getString("domain"),
                rs.getString("file_name"),
                rs.getString("sha256"),
                rs.getInt("size_bytes"),
                rs.getInt("sentence_count"),
                rs.getInt("word_count"),
                rs.getTimestamp("ingested_at").toInstant(),
                rs.getInt("version"),
                Words.of(ArticleStatus.class, rs.getString("status")),
                null,
                rs.getBoolean("latest"),
                rs.getLong("ingest_run_id"),
                rs.getInt("metadata_revision"),
                rs.getString("note"),
                rs.getString("withdrawn_reason"),
                null,
                null);
    }
}
