package io.newsarchive.restore;

import io.newsarchive.corpus.ArticleParser;
import io.newsarchive.ingest.ExportedPackage;
import io.newsarchive.ingest.InputFile;
import io.newsarchive.ingest.InputFiles;
import io.newsarchive.preservation.PreservationEvent;
import io.newsarchive.system.CatalogWriteLock;
import io.newsarchive.system.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipFile;
import javax.sql.DataSource;

/**
 * Rebuilds the catalog from a bag it exported: article ids, versions and which is latest, {@code ingested_at}, the
 * ingest runs with their file results, sources and source collections, metadata revisions with their audit history,
 * notes, withdrawals and the preservation events, row for row ({@code metadata/catalog/*.jsonl}), and each original from the payload.
 * <p>
 * Nothing is stored unless every file of the bag matches every manifest and tag manifest, and all of it is stored in
 * one transaction, under the lock every writer of articles takes. Into an empty catalog the rows keep their ids. A
 * merge into a catalog that holds articles adds what it lacks and never renumbers what is there: articles already
 * held (same id, same bytes) are skipped, and a bag whose articles, runs or URLs collide with other rows of the
 * catalog is refused with each collision named. Like ingest's COPY and the migrations, a restore writes the rows of
 * every table of the catalog itself: it is the catalog's load, as the bag's tables are its dump.
 */
@ApplicationScoped
public class BagRestore {

    /** The tables of a bag, in the order their rows can be inserted (each refers only to earlier ones). */
    static final List<String> TABLES = List.of(
            "source",
            "source_collection",
            "source_collection_member",
            "ingest_run",
            "article",
            "ingest_file",
            "near_copy",
            "audit_event",
            "preservation_event");

    /** Tables that bags made before they were carried lack: such a bag restores with none of their rows. */
    private static final Set<String> ADDED_LATER = Set.of("source_collection", "source_collection_member", "near_copy");

    private static final int BATCH = 500;

    private final DataSource dataSource;

    BagRestore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a restore stored. */
    public record Restored(long articles, long runs, long skipped, String bag) {}

    /** Nothing was stored; each line says why (a damaged file, a collision, a catalog not empty). */
    public static final class Refused extends RuntimeException {
        public final List<String> problems;

        Refused(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        Refused(String problem) {
            this(List.of(problem));
        }
    }

    /**
     * @param path  a bag as exported ({@code .bag.zip}) or unzipped (its folder)
     * @param merge whether a catalog that holds articles may take it
     * @param by    who restores, the agent of the recovery events
     * @throws Refused when the bag is damaged or does not fit the catalog; nothing is stored
     */
    public Restored restore(Path path, boolean merge, String by) {
        return restore(
                path,
                path.getFileName() == null
                        ? path.toString()
                        : path.getFileName().toString(),
                merge,
                by);
    }

    /** As {@link #restore(Path, boolean, String)}, for a bag named otherwise in messages (an upload's own name). */
    public Restored restore(Path path, String display, boolean merge, String by) {
        if (Files.isDirectory(path)) {
            try {
                return restore(display, InputFiles.folderFiles(path), merge, by);
            } catch (IOException e) {
                throw new Refused("cannot read " + display + ": " + e.getMessage());
            }
        }
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Map<String, InputFile.Opener> entries = new TreeMap<>();
            zip.stream()
                    .filter(e -> !e.isDirectory())
                    .forEach(e -> entries.put(e.getName(), () -> zip.getInputStream(e)));
            return restore(display, entries, merge, by);
        } catch (IOException e) {
            throw new Refused(display + " is not a readable zip file or bag folder: " + e.getMessage());
        }
    }

    private Restored restore(String display, Map<String, InputFile.Opener> entries, boolean merge, String by) {
        List<String> roots = ExportedPackage.bagRoots(entries);
        if (roots.size() == 1) {
            for (String table : TABLES) {
                if (!ADDED_LATER.contains(table)
                        && !entries.containsKey(roots.get(0) + "metadata/catalog/" + table + ".jsonl")) {
                    throw new Refused(display + " has no metadata/catalog/" + table + ".jsonl: it was not made by"
                            + " this catalog's export, or by an older version; ingest it instead (new articles, new"
                            + " ids)");
                }
            }
        }
        List<String> problems;
        try {
            List<String> trusted = new ArrayList<>(List.of("bag-info.txt", "metadata/articles.csv"));
            TABLES.stream()
                    .map(table -> "metadata/catalog/" + table + ".jsonl")
                    .filter(file -> roots.size() != 1 || entries.containsKey(roots.get(0) + file))
                    .forEach(trusted::add);
            problems = ExportedPackage.checkBag(display, entries, trusted);
        } catch (InputFiles.InputException e) {
            throw new Refused(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        String root = roots.get(0);
        String identifier = bagInfo(entries.get(root + "bag-info.txt"), "External-Identifier", display);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Restored restored = load(c, root, entries, merge, by, identifier);
                c.commit();
                return restored;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("22") || state.startsWith("23")) {
                // the bag's rows: a value or a reference the catalog refuses
                throw new Refused(
                        display + ": its tables do not fit this catalog, nothing was stored: " + e.getMessage());
            }
            throw new DatabaseFailure(e);
        } catch (IOException e) {
            throw new Refused("cannot read " + display + ", nothing was stored: " + e.getMessage());
        }
    }

    private Restored load(
            Connection c,
            String root,
            Map<String, InputFile.Opener> entries,
            boolean merge,
            String by,
            String identifier)
            throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.execute("create temp table bag_" + table + " (like " + table + ") on commit drop");
            }
            s.execute(
                    "create temp table bag_original (sha256 text primary key, content bytea not null) on commit drop");
        }
        for (String table : TABLES) {
            InputFile.Opener file = entries.get(root + "metadata/catalog/" + table + ".jsonl");
            if (file != null) {
                loadLines(c, table, file);
            }
        }
        loadOriginals(c, root, entries);
        List<String> problems = rows(c, """
                select 'article ' || a.id || ' (' || a.file_name || '): its original is not in the payload'
                from bag_article a where not exists (select from bag_original o where o.sha256 = a.sha256)""");
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        // staged in temporary tables of its own; writers wait only from here on
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?, 0)")) {
            lock.setInt(1, CatalogWriteLock.CLASS);
            lock.execute();
        }
        if (!merge
                && (exists(c, "select from article")
                        || exists(c, "select from ingest_run")
                        || exists(c, "select from source_collection"))) {
            throw new Refused("the catalog is not empty: a restore rebuilds an empty catalog, or merges into this one"
                    + " only when asked to (--merge), never renumbering what is there");
        }
        long skipped = 0;
        if (merge) {
            skipped = mergeable(c);
        }
        try (Statement s = c.createStatement()) {
            if (merge) {
                // sources by host: the catalog's own ids stay, new hosts get new ones
                s.execute("""
                        insert into source (host, domain) select host, domain from bag_source b
                        where not exists (select from source s where s.host = b.host) order by b.id""");
                s.execute("""
                        update bag_article a set source_id = s.id
                        from bag_source b join source s on s.host = b.host where a.source_id = b.id""");
                // the other catalog's fixity checks are its own history, not this one's: this one checks the merged
                // originals from now on
                s.execute("delete from bag_preservation_event where event_type = 'fixity check'");
                // for harvesters the merged records are new in this repository
                s.execute("update bag_article set changed_at = clock_timestamp()");
            } else {
                s.execute(insert(c, "source", true));
                // a merge leaves the collections as they are here: they are this catalog's archivists' own, and a
                // collection's history in the audit log names it only as it was then
                s.execute(insert(c, "source_collection", true));
                s.execute(insert(c, "source_collection_member", false));
            }
            s.execute(insert(c, "ingest_run", true));
            s.execute(insert(c, "article", false));
            s.execute("""
                    insert into article_original (article_id, content)
                    select a.id, o.content from bag_article a join bag_original o on o.sha256 = a.sha256""");
            s.execute(insert(c, "ingest_file", false));
            // a pair this catalog has found already keeps a decision of its own; an undecided one takes the bag's
            s.execute(insert(c, "near_copy", false)
                    + " on conflict (article_id, copy_id) do update set decision = excluded.decision,"
                    + " decided_by = excluded.decided_by, decided_at = excluded.decided_at"
                    + " where near_copy.decision is null");
            // events take ids after the catalog's own (a new catalog has audit events of its users already), in
            // their order; nothing refers to an audit event, and a preservation event's part_of follows its event
            s.execute(insertRenumbered(c, "audit_event"));
            s.execute("alter table bag_preservation_event add column new_id bigint");
            s.execute("""
                    update bag_preservation_event b set new_id = n.new_id
                    from (select id, nextval(pg_get_serial_sequence('preservation_event', 'id')) as new_id
                          from (select id from bag_preservation_event order by id) o) n
                    where n.id = b.id""");
            List<String> columns = columns(c, "preservation_event", true);
            columns.remove("part_of");
            s.execute("insert into preservation_event (id, part_of, " + String.join(", ", columns) + ")"
                    + " overriding system value select new_id, (select p.new_id from bag_preservation_event p"
                    + " where p.id = b.part_of), " + String.join(", ", columns)
                    + " from bag_preservation_event b order by b.new_id");
            for (String table : List.of(
                    "source", "source_collection", "ingest_run", "article", "audit_event", "preservation_event")) {
                // the next id a writer takes comes after every restored one
                s.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), greatest((select max(id) from "
                        + table + "), 1))");
            }
        }
        List<Long> articles = ids(c, "select id from bag_article order by id");
        PreservationEvent.recordRecoveries(c, by, identifier, articles);
        return new Restored(articles.size(), count(c, "select count(*) from bag_ingest_run"), skipped, identifier);
    }

    /**
     * Removes from the bag's rows what the catalog holds already (the same article with the same bytes, the same
     * run), and refuses the merge, naming each, when other rows collide: an id taken by another article or run,
     * bytes held under another id, a URL whose versions both have.
     *
     * @return how many of the bag's articles the catalog held already
     */
    private static long mergeable(Connection c) throws SQLException {
        List<String> collisions = rows(c, """
                select 'article ' || b.id || ' of the bag is another article in this catalog'
                from bag_article b join article a on a.id = b.id where a.sha256 <> b.sha256
                union all
                select 'article ' || b.id || ' of the bag is stored here as article ' || a.id
                from bag_article b join article a on a.sha256 = b.sha256 where a.id <> b.id
                union all
                select 'ingest run ' || b.id || ' of the bag is another run in this catalog'
                from bag_ingest_run b join ingest_run r on r.id = b.id
                where (r.started_at, r.started_by) is distinct from (b.started_at, b.started_by)
                union all
                select distinct 'the URL ' || b.normalized_url || ' has versions both in the bag and here'
                from bag_article b join article a on a.normalized_url = b.normalized_url
                where not exists (select from article same where same.id = b.id)""");
        if (!collisions.isEmpty()) {
            throw new Refused(collisions);
        }
        long held =
                count(c, "select count(*) from bag_article b where exists (select from article a where a.id = b.id)");
        try (Statement s = c.createStatement()) {
            s.execute("delete from bag_article b where exists (select from article a where a.id = b.id)");
            s.execute("delete from bag_ingest_run b where exists (select from ingest_run r where r.id = b.id)");
            s.execute(
                    "delete from bag_ingest_file f where not exists (select from bag_ingest_run r where r.id = f.run_id)");
            s.execute("""
                    delete from bag_audit_event e where not exists (select from bag_article a where a.id = e.article_id)
                    and not exists (select from bag_ingest_run r where r.id = e.run_id)""");
            s.execute("""
                    delete from bag_preservation_event e
                    where e.article_id is not null and not exists (select from bag_article a where a.id = e.article_id)""");
        }
        return held;
    }

    /** Inserts the bag's rows of a table with their own ids. */
    private static String insert(Connection c, String table, boolean identity) throws SQLException {
        String columns = String.join(", ", columns(c, table, false));
        return "insert into " + table + " (" + columns + ")" + (identity ? " overriding system value" : "") + " select "
                + columns + " from bag_" + table + " order by 1";
    }

    /** Inserts the bag's rows of a table with new ids, in the order of their own. */
    private static String insertRenumbered(Connection c, String table) throws SQLException {
        String columns = String.join(", ", columns(c, table, true));
        return "insert into " + table + " (" + columns + ") select " + columns + " from bag_" + table + " order by id";
    }

    /** The table's columns that take values (not generated), without {@code id} if asked. */
    private static List<String> columns(Connection c, String table, boolean withoutId) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select column_name from information_schema.columns
                where table_schema = current_schema() and table_name = ? and is_generated = 'NEVER'
                order by ordinal_position""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!(withoutId && rs.getString(1).equals("id"))) {
                        columns.add(rs.getString(1));
                    }
                }
            }
        }
        return columns;
    }

    /** One table's JSON Lines into its temporary table, a batch of rows at a time. */
    private static void loadLines(Connection c, String table, InputFile.Opener file) throws SQLException, IOException {
        try (InputStream in = file.open();
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                PreparedStatement insert = c.prepareStatement("insert into bag_" + table
                        + " select * from jsonb_populate_recordset(null::bag_" + table + ", ?::jsonb)")) {
            List<String> batch = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    batch.add(line);
                }
                if (batch.size() == BATCH) {
                    insertBatch(insert, batch);
                }
            }
            insertBatch(insert, batch);
        }
    }

    private static void insertBatch(PreparedStatement insert, List<String> rows) throws SQLException {
        if (!rows.isEmpty()) {
            insert.setString(1, "[" + String.join(",", rows) + "]");
            insert.executeUpdate();
            rows.clear();
        }
    }

    /** Every payload file, by its SHA-256 (the manifests were checked before). */
    private static void loadOriginals(Connection c, String root, Map<String, InputFile.Opener> entries)
            throws SQLException, IOException {
        try (PreparedStatement insert =
                c.prepareStatement("insert into bag_original (sha256, content) values (?, ?) on conflict do nothing")) {
            int batched = 0;
            for (Map.Entry<String, InputFile.Opener> entry : entries.entrySet()) {
                if (!entry.getKey().startsWith(root + "data/")) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = entry.getValue().open()) {
                    bytes = in.readAllBytes();
                }
                insert.setString(1, ArticleParser.sha256(bytes));
                insert.setBytes(2, bytes);
                insert.addBatch();
                if (++batched % 100 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static String bagInfo(InputFile.Opener file, String label, String display) {
        if (file == null) {
            return display;
        }
        try (InputStream in = file.open()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
                if (line.startsWith(label + ":")) {
                    return line.substring(label.length() + 1).strip();
                }
            }
        } catch (IOException e) {
            throw new Refused("cannot read the bag-info.txt of " + display + ": " + e.getMessage());
        }
        return display;
    }

    private static boolean exists(Connection c, String select) throws SQLException {
        return count(c, "select count(*) from (" + select + " limit 1) x") > 0;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static List<Long> ids(Connection c, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
