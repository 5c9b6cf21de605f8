package io.newsarchive.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One change to an article, a user or a source collection: who, when, what, why, and the old and new values. Never updated. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant at;

    public String username;

    public AuditAction action;

    @Column(name = "article_id")
    public Long articleId;

    @Column(name = "run_id")
    public Long runId;

    @Column(name = "subject_user")
    public String subjectUser;

    /** The source collection changed, by the name it had after the change (before it, for a deletion). */
    @Column(name = "subject_collection")
    public String subjectCollection;

    /** The article's metadata revision after the change. */
    public Integer revision;

    public String reason;

    /** Field name to {"old": ..., "new": ...}, in the order the fields were changed. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Map<String, String>> changes = new LinkedHashMap<>();

    /** A new event by {@code username}; the caller fills in what it concerns and persists it. */
    public static AuditEvent by(String username, AuditAction action, String reason) {
        AuditEvent event = new AuditEvent();
        event.at = Instant.now();
        event.username = username;
        event.action = action;
        event.reason = reason;
        return event;
    }

    /**
     * Records, on the caller's connection and in its transaction, that {@code username} did {@code action} to ingest
     * run {@code runId} (ingest writes with JDBC, not through this entity).
     */
    public static void recordRun(Connection conn, String username, AuditAction action, long runId) throws SQLException {
        try (PreparedStatement insert =
                conn.prepareStatement("insert into audit_event (username, action, run_id) values (?, ?, ?)")) {
            insert.setString(1, username);
            insert.setString(2, action.toString());
            insert.setLong(3, runId);
            insert.executeUpdate();
        }
    }

    /** Records a field's change when its value differs. */
    public AuditEvent change(String field, Object oldValue, Object newValue) {
        String before = oldValue == null ? null : oldValue.toString();
        String after = newValue == null ? null : newValue.toString();
        if (before == null ? after != null : !before.equals(after)) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("old", before);
            values.put("new", after);
            changes.put(field, values);
        }
        return this;
    }

    /** The history of one article version, oldest first. */
    public static List<AuditEvent> ofArticle(long articleId) {
        return list("articleId = ?1 order by id", articleId);
    }

    /**
     * The newest events first, at most {@code limit} of them, by whichever filters are not null: the user who made
     * them, the action, the first and last UTC days, and an id they come before (the next page).
     */
    public static List<AuditEvent> latest(
            String username, AuditAction action, LocalDate from, LocalDate to, Long before, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (username != null) {
            where.add("username = :user");
            params.and("user", username);
        }
        if (action != null) {
            where.add("action = :action");
            params.and("action", action);
        }
        if (from != null) {
            where.add("at >= :from");
            params.and("from", from.atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (to != null) {
            where.add("at < :to");
            params.and("to", to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (before != null) {
            where.add("id < :before");
            params.and("before", before);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id desc";
        return AuditEvent.<AuditEvent>find(query, params).page(0, limit).list();
    }
}
