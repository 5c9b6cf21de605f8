package io.newsarchive.catalog;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The catalog's article versions as records for harvesters, in the order they last changed: each with its datestamp
 * (its last metadata revision, or else its ingest), whether it is withdrawn (a deleted record), and its metadata. Pages are keyset pages on
 * (that time, id), so that records stored or changed while a harvest goes on neither shift nor repeat
 * what it has not reached yet.
 */
@ApplicationScoped
public class HarvestRecords {

    /** One article version as a harvester sees it. */
    public record Record(
            long id,
            Instant changedAt,
            boolean withdrawn,
            String headline,
            LocalDate published,
            String url,
            String host,
            String note,
            int version,
            List<String> collections) {}

    /**
     * Which records, and where the page starts: after {@code (afterChanged, afterId)} when given.
     *
     * @param collection    the slug of a source collection whose sources' records are listed, or null
     * @param anyCollection whether only the records of sources in some collection are listed
     */
    public record Selection(
            Instant from,
            Instant until,
            String host,
            Integer year,
            String collection,
            boolean anyCollection,
            Instant afterChanged,
            long afterId) {}

    /** A collection as a set: its slug and its name. */
    public record CollectionSet(String slug, String name) {}

    private static final String MEMBERS =
            "select m.source_id from source_collection_member m join source_collection c on c.id = m.collection_id";

    /** When a record last changed: its last metadata revision, or else its ingest (as the indexes of V13). */
    private static final String CHANGED = "coalesce(a.changed_at, a.ingested_at)";

    private static final String SELECT =
            "select a.id, " + CHANGED + ", a.status = 'withdrawn', a.headline, a.published,"
                    + " a.url, s.host, a.note, a.version, array(select c.slug from source_collection_member m"
                    + " join source_collection c on c.id = m.collection_id where m.source_id = a.source_id"
                    + " order by c.slug) from article a join source s on s.id = a.source_id";

    private final DataSource dataSource;

    HarvestRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} records of the selection, in the order of (the time each last changed, id). */
    public List<Record> page(Selection s, int limit) throws SQLException {
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (s.from() != null) {
            where.add(CHANGED + " >= ?");
            values.add(s.from().atOffset(ZoneOffset.UTC));
        }
        if (s.until() != null) {
            where.add(CHANGED + " <= ?");
            values.add(s.until().atOffset(ZoneOffset.UTC));
        }
        if (s.host() != null) {
            where.add("a.source_id = (select id from source where host = ?)");
            values.add(s.host());
        }
        if (s.anyCollection()) {
            where.add("a.source_id in (" + MEMBERS + ")");
        }
        if (s.collection() != null) {
            where.add("a.source_id in (" + MEMBERS + " where c.slug = ?)");
            values.add(s.collection());
        }
        if (s.year() != null) {
            where.add("a.published >= ? and a.published < ?");
            values.add(LocalDate.of(s.year(), 1, 1));
            values.add(LocalDate.of(s.year() + 1, 1, 1));
        }
        if (s.afterChanged() != null) {
            where.add("(" + CHANGED + ", a.id) > (?, ?)");
            values.add(s.afterChanged().atOffset(ZoneOffset.UTC));
            values.add(s.afterId());
        }
        String sql = SELECT + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by " + CHANGED
                + ", a.id limit ?";
        values.add(limit);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            return read(ps);
        }
    }

    /** One record by its article id. */
    public Optional<Record> one(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + " where a.id = ?")) {
            ps.setLong(1, id);
            return read(ps).stream().findFirst();
        }
    }

    /** When the oldest record last changed; null in an empty catalog. */
    public Instant earliest() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select min(" + CHANGED + ") from article a");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }
    }

    /**
     * The hosts of the sources that have articles, the years articles were published in and the source collections,
     * for sets.
     */
    public record SetNames(List<String> hosts, List<Integer> years, List<CollectionSet> collections) {}

    public SetNames setNames() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<String> hosts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                            select s.host from source s
                            where exists (select from article_month_count m where m.source_id = s.id and m.articles > 0)
                            order by s.host""");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hosts.add(rs.getString(1));
                }
            }
            List<Integer> years = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                            select distinct extract(year from month)::int from article_month_count where articles > 0
                            order by 1""");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    years.add(rs.getInt(1));
                }
            }
            List<CollectionSet> collections = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select slug, name from source_collection order by slug");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    collections.add(new CollectionSet(rs.getString(1), rs.getString(2)));
                }
            }
            return new SetNames(hosts, years, collections);
        }
    }

    private static List<Record> read(PreparedStatement ps) throws SQLException {
        List<Record> records = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                records.add(new Record(
                        rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getBoolean(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getInt(9),
                        List.of((String[]) rs.getArray(10).getArray())));
            }
        }
        return records;
    }
}
