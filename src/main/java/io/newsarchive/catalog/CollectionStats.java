package io.newsarchive.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;

/**
 * A source collection with its sources and the articles they have in the catalog (latest versions, active).
 *
 * @param slug      what names it in addresses: {@code ?collection=uk-tabloids}
 * @param createdBy the archivist who made it, for the admin pages only
 * @param sources   the hosts of its sources, in alphabetical order
 */
public record CollectionStats(
        String slug,
        String name,
        String description,
        @JsonIgnore String createdBy,
        Instant createdAt,
        List<String> sources,
        long articles) {}
