package io.newsarchive.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A named group of sources that archivists make ("UK tabloids"); {@link SourceCollections} changes them. Its slug
 * names it in addresses and is kept when it is renamed.
 */
@Entity
@Table(name = "source_collection")
public class SourceCollection extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public String slug;

    public String description;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @ManyToMany
    @JoinTable(
            name = "source_collection_member",
            joinColumns = @JoinColumn(name = "collection_id"),
            inverseJoinColumns = @JoinColumn(name = "source_id"))
    @OrderBy("host")
    public Set<Source> sources = new LinkedHashSet<>();

    /** The hosts of its sources, in order, as the audit log records them. */
    public String hosts() {
        return sources.stream().map(s -> s.host).sorted().collect(Collectors.joining(", "));
    }
}
