package io.newsarchive.catalog;

import io.newsarchive.system.ApiError;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored version of an article. Versions of the same article share the normalized URL; each has its own id,
 * which always names the same original bytes. Rows are written by ingest (COPY); the search vector is a generated
 * column and not mapped.
 */
@Entity
public class Article extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "normalized_url", nullable = false)
    public String normalizedUrl;

    @Column(nullable = false)
    public int version;

    /** Whether no later version of the same normalized URL exists. */
    @Column(nullable = false)
    public boolean latest;

    @Column(nullable = false)
    public ArticleStatus status;

    @Column(nullable = false)
    public String headline;

    @Column(nullable = false)
    public LocalDate published;

    @Column(nullable = false)
    public String url;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id")
    public Source source;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(nullable = false, unique = true)
    public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Column(name = "sentence_count", nullable = false)
    public int sentenceCount;

    @Column(name = "word_count", nullable = false)
    public int wordCount;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] sentences;

    @Column(name = "ingest_run_id", nullable = false)
    public long ingestRunId;

    @Column(name = "ingested_at", nullable = false)
    public Instant ingestedAt;

    /** When the metadata last changed (a correction, withdrawal or restore), or null; set by a trigger (V13). */
    @Column(name = "changed_at", insertable = false, updatable = false)
    public Instant changedAt;

    /** An archivist's note on the article, such as what a correction was based on. */
    public String note;

    @Column(name = "withdrawn_reason")
    public String withdrawnReason;

    /** Counts metadata changes; an edit made from an older revision is refused rather than overwriting. */
    @Version
    @Column(name = "metadata_revision", nullable = false)
    public int metadataRevision;

    /** The article version with this id; a 404 {@code no article <id>} when there is none. */
    public static Article byId(long id) {
        return byId(id, LockModeType.NONE);
    }

    /** The article version with this id, locked so; a 404 {@code no article <id>} when there is none. */
    public static Article byId(long id, LockModeType lock) {
        Article article = findById(id, lock);
        if (article == null) {
            throw ApiError.notFound("no article " + id);
        }
        return article;
    }
}
