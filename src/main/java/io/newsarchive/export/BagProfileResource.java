package io.newsarchive.export;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.PublicAddress;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /bagit-profile.json}: the BagIt profile (bagit-profiles 1.3) that every exported bag names in its
 * {@code BagIt-Profile-Identifier}, so that a profile validator can check a bag against what the catalog promises.
 */
@Tag(name = "Export")
@Path("/bagit-profile.json")
public class BagProfileResource {

    private static final String PROFILE = read();

    private final CatalogConfig config;

    BagProfileResource(CatalogConfig config) {
        this.config = config;
    }

    /** The profile's address, which is its identifier. */
    static String identifier(String baseUrl) {
        return baseUrl + "/bagit-profile.json";
    }

    @Operation(summary = "The BagIt profile the catalog's bags follow")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String profile(@Context UriInfo uri) {
        return PROFILE.replace("${identifier}", json(identifier(PublicAddress.of(config, uri))))
                .replace("${organization}", json(config.name()))
                .replace("${contact}", json(config.contact().name().orElse(config.name())))
                .replace("${email}", json(config.contact().email().orElse("")));
    }

    private static String json(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }

    private static String read() {
        try (InputStream in = BagProfileResource.class.getResourceAsStream("/export/bagit-profile.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
