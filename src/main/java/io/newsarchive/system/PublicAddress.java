package io.newsarchive.system;

import jakarta.ws.rs.core.UriInfo;

/** The address the catalog is published under, for identifiers that outlive a request: bags, harvests, feeds. */
public final class PublicAddress {

    private PublicAddress() {}

    /** {@code catalog.base-url}, or else the address the request came to; without a trailing slash. */
    public static String of(CatalogConfig config, UriInfo uri) {
        return config.baseUrl().orElse(uri.getBaseUri().toString()).replaceAll("/+$", "");
    }
}
