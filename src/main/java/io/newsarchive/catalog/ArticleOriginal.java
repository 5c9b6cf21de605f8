package io.newsarchive.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The original bytes of an article version, exactly as ingested. */
@Entity
@Table(name = "article_original")
public class ArticleOriginal extends PanacheEntityBase {

    @Id
    @Column(name = "article_id")
    public Long articleId;

    @Column(nullable = false)
    public byte[] content;
}
