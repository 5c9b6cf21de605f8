package io.newsarchive.catalog;

import io.newsarchive.audit.AuditAction;
import io.newsarchive.audit.AuditEvent;
import io.newsarchive.corpus.ArticleUrl;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.DatabaseFailure;
import io.newsarchive.system.Params;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Source collections: reading them with their sources and article counts, resolving them for a filter, and the
 * changes archivists make (make, rename, add and remove sources, delete), each checked and audited. Changes take
 * turns (a table lock that readers do not wait for), so that two archivists cannot give two collections one name
 * nor record each other's sources wrongly in the audit log.
 */
@ApplicationScoped
public class SourceCollections {

    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 1000;
    private static final int MAX_SLUG = 60;

    private static final String STATS = """
            select c.slug, c.name, c.description, c.created_by, c.created_at,
                   array(select s.host from source_collection_member m join source s on s.id = m.source_id
                         where m.collection_id = c.id order by s.host),
                   (select coalesce(sum(mc.articles), 0)
                    from source_collection_member m
                    join article_month_count mc on mc.source_id = m.source_id and mc.latest and mc.status = 'active'
                    where m.collection_id = c.id)
            from source_collection c
            %s
            order by lower(c.name), c.id""";

    /** The sources of some collections, together. */
    record Members(Long[] sourceIds, List<String> hosts) {}

    private final DataSource dataSource;

    SourceCollections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every collection, by name. */
    public List<CollectionStats> all() {
        return query(STATS.formatted(""), null);
    }

    /** The collection of this slug, or a 404. */
    public CollectionStats get(String slug) {
        return query(STATS.formatted("where c.slug = ?"), slug).stream()
                .findFirst()
                .orElseThrow(() -> ApiError.notFound("no collection " + slug));
    }

    /** The hosts of the collections of these slugs, together; a 400 naming {@code collection} for an unknown one. */
    public List<String> hosts(List<String> slugs) {
        try (Connection c = dataSource.getConnection()) {
            return members(c, slugs).hosts();
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** The sources of the collections of these slugs, together; a 400 naming {@code collection} for an unknown one. */
    static Members members(Connection c, List<String> slugs) throws SQLException {
        Set<String> found = new TreeSet<>();
        Set<Long> ids = new TreeSet<>();
        Set<String> hosts = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("select c.slug, s.id, s.host from source_collection c"
                + " left join source_collection_member m on m.collection_id = c.id"
                + " left join source s on s.id = m.source_id where c.slug = any(?)")) {
            ps.setArray(1, c.createArrayOf("text", slugs.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                    if (rs.getString(3) != null) {
                        ids.add(rs.getLong(2));
                        hosts.add(rs.getString(3));
                    }
                }
            }
        }
        List<String> unknown = slugs.stream().filter(s -> !found.contains(s)).toList();
        if (!unknown.isEmpty()) {
            throw ApiError.badParameter(
                    "collection",
                    "no collection " + String.join(", ", unknown) + ": the collections are listed at /collections");
        }
        return new Members(ids.toArray(Long[]::new), List.copyOf(hosts));
    }

    /** Makes a collection of the sources named (hosts separated by spaces or commas; none is fine); its slug. */
    @Transactional
    public String add(String name, String description, String sources, String by) {
        takeTurn();
        SourceCollection collection = new SourceCollection();
        collection.name = checkName(name, null);
        collection.description = checkDescription(description);
        collection.slug = freeSlug(collection.name);
        collection.createdBy = by;
        collection.createdAt = Instant.now();
        collection.sources.addAll(sources(sources));
        collection.persist();
        audit(collection, AuditAction.COLLECTION_ADD, by)
                .change("name", null, collection.name)
                .change("description", null, collection.description.isEmpty() ? null : collection.description)
                .change("sources", null, collection.sources.isEmpty() ? null : collection.hosts())
                .persist();
        return collection.slug;
    }

    /** Renames a collection and sets its description; its slug stays, so that links to it keep working. */
    @Transactional
    public void edit(String slug, String name, String description, String by) {
        takeTurn();
        SourceCollection collection = named(slug);
        String newName = checkName(name, collection);
        String newDescription = checkDescription(description);
        AuditEvent event = audit(collection, AuditAction.COLLECTION_EDIT, by)
                .change("name", collection.name, newName)
                .change("description", collection.description, newDescription);
        if (!event.changes.isEmpty()) {
            collection.name = newName;
            collection.description = newDescription;
            event.subjectCollection = newName;
            event.persist();
        }
    }

    /** Adds the sources named (hosts separated by spaces or commas); those already in it are left as they are. */
    @Transactional
    public void addSources(String slug, String sources, String by) {
        takeTurn();
        SourceCollection collection = named(slug);
        List<Source> added = sources(sources);
        if (added.isEmpty()) {
            throw ApiError.badParameter("sources", "name at least one source to add, such as bbc.co.uk");
        }
        changeSources(collection, () -> collection.sources.addAll(added), by);
    }

    /** Takes a source out of a collection; one not in it is left out already. */
    @Transactional
    public void removeSource(String slug, String host, String by) {
        takeTurn();
        SourceCollection collection = named(slug);
        String name = normalHost(host == null ? "" : host);
        changeSources(collection, () -> collection.sources.removeIf(s -> s.host.equals(name)), by);
    }

    /** Deletes a collection; {@code confirm} is the ticked box of the form that asks whether to. */
    @Transactional
    public void delete(String slug, String confirm, String by) {
        if (confirm == null || confirm.isEmpty()) {
            throw ApiError.badParameter("confirm", "tick the box to confirm that the collection goes");
        }
        takeTurn();
        SourceCollection collection = named(slug);
        audit(collection, AuditAction.COLLECTION_DELETE, by)
                .change("name", collection.name, null)
                .change("description", collection.description.isEmpty() ? null : collection.description, null)
                .change("sources", collection.sources.isEmpty() ? null : collection.hosts(), null)
                .persist();
        collection.delete();
    }

    private static void changeSources(SourceCollection collection, Runnable change, String by) {
        String before = collection.hosts();
        change.run();
        AuditEvent event = audit(collection, AuditAction.COLLECTION_SOURCES, by)
                .change(
                        "sources",
                        before.isEmpty() ? null : before,
                        collection.hosts().isEmpty() ? null : collection.hosts());
        if (!event.changes.isEmpty()) {
            event.persist();
        }
    }

    private static AuditEvent audit(SourceCollection collection, AuditAction action, String by) {
        AuditEvent event = AuditEvent.by(by, action, null);
        event.subjectCollection = collection.name;
        return event;
    }

    /** Changes of collections take turns; readers do not wait (a lock that only writers take). */
    private static void takeTurn() {
        SourceCollection.getEntityManager()
                .createNativeQuery("lock table source_collection in share row exclusive mode")
                .executeUpdate();
    }

    private static SourceCollection named(String slug) {
        SourceCollection collection =
                SourceCollection.<SourceCollection>find("slug", slug).firstResult();
        if (collection == null) {
            throw ApiError.notFound("no collection " + slug);
        }
        return collection;
    }

    /** A name 1 to 100 characters long that no other collection has, in any case. */
    private static String checkName(String name, SourceCollection renamed) {
        String checked = Params.text("name", name);
        if (checked == null) {
            throw ApiError.badParameter("name", "a collection needs a name, such as UK tabloids");
        }
        if (checked.length() > MAX_NAME) {
            throw ApiError.badParameter("name", "a collection's name is at most " + MAX_NAME + " characters long");
        }
        SourceCollection same = SourceCollection.<SourceCollection>find("lower(name) = lower(?1)", checked)
                .firstResult();
        if (same != null && same != renamed) {
            throw ApiError.failure(
                    Response.Status.CONFLICT, "conflict", "there is already a collection named " + same.name, "name");
        }
        return checked;
    }

    private static String checkDescription(String description) {
        String checked = Params.text("description", description);
        if (checked == null) {
            return "";
        }
        if (checked.length() > MAX_DESCRIPTION) {
            throw ApiError.badParameter(
                    "description", "a collection's description is at most " + MAX_DESCRIPTION + " characters long");
        }
        return checked;
    }

    /** The sources of these hosts, in the catalog; a 400 naming {@code sources} that lists those it lacks. */
    private static List<Source> sources(String text) {
        Set<String> hosts = new LinkedHashSet<>();
        for (String host : (text == null ? "" : text).split("[\\s,]+")) {
            if (!host.isEmpty()) {
                hosts.add(normalHost(host));
            }
        }
        if (hosts.isEmpty()) {
            return List.of();
        }
        List<Source> found = Source.list("host in ?1", hosts);
        Set<String> unknown = new LinkedHashSet<>(hosts);
        found.forEach(s -> unknown.remove(s.host));
        if (!unknown.isEmpty()) {
            throw ApiError.badParameter(
                    "sources",
                    "no source " + String.join(", ", unknown)
                            + " in the catalog: a collection holds sources that articles came from (see /sources)");
        }
        return found;
    }

    private static String normalHost(String host) {
        return ArticleUrl.withoutWww(host.strip().toLowerCase(Locale.ROOT));
    }

    /** The slug of a new collection: its name in lower-case ASCII letters and digits, numbered when taken. */
    private static String freeSlug(String name) {
        String base = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        if (base.length() > MAX_SLUG) {
            base = base.substring(0, MAX_SLUG).replaceAll("-$", "");
        }
        if (base.isEmpty()) {
            base = "collection";
        }
        String slug = base;
        for (int n = 2; SourceCollection.count("slug", slug) > 0; n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private List<CollectionStats> query(String sql, String slug) {
        List<CollectionStats> collections = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (slug != null) {
                ps.setString(1, slug);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array hosts = rs.getArray(6);
                    collections.add(new CollectionStats(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant(),
                            Arrays.asList((String[]) hosts.getArray()),
                            rs.getLong(7)));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
        return collections;
    }
}
