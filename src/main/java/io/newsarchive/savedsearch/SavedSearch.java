package io.newsarchive.savedsearch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A search a user keeps: its name, its filters as a query string, and the token of its feed's address. */
@Entity
@Table(name = "saved_search")
public class SavedSearch extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id")
    public Long userId;

    public String name;

    /** The filters as the catalog writes them ({@code q=...&source=...}), empty for the whole catalog. */
    public String query;

    @Column(name = "feed_token")
    public String feedToken;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
