package io.newsarchive.system;

import com.google.common.hash.Hashing;
import io.quarkus.qute.TemplateExtension;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stylesheet, script and icon under {@code META-INF/resources}, linked by their version: pages write
 * {@code {asset:href('catalog.css')}}, which is {@code /catalog.css?v=} and a hash of the file. A browser keeps such
 * an address for a year without asking again, and a changed file has a new address, so a new stylesheet reaches every
 * browser with the first page that links it. Any other address of them is checked again on every use.
 */
@ApplicationScoped
public class StaticAssets {

    /** The files served under their versions. */
    private static final String[] ASSETS = {"catalog.css", "admin.js", "favicon.svg"};

    private static final Map<String, String> VERSIONS = new ConcurrentHashMap<>();

    /** The versioned address of an asset, for templates. */
    @TemplateExtension(namespace = "asset")
    static String href(String name) {
        return "/" + name + "?v=" + version(name);
    }

    void cacheHeaders(@Observes Router router) {
        for (String name : ASSETS) {
            // before the static files' own handler, whose Cache-Control this replaces as the headers are sent
            router.route("/" + name)
                    .method(HttpMethod.GET)
                    .method(HttpMethod.HEAD)
                    .order(-1)
                    .handler(context -> {
                        boolean versioned =
                                version(name).equals(context.request().getParam("v"));
                        context.addHeadersEndHandler(ignored -> context.response()
                                .headers()
                                .set(
                                        HttpHeaders.CACHE_CONTROL,
                                        versioned ? "public, max-age=31536000, immutable" : "no-cache"));
                        context.next();
                    });
        }
    }

    private static String version(String name) {
        return VERSIONS.computeIfAbsent(name, StaticAssets::hash);
    }

    private static String hash(String name) {
        try (InputStream file =
                Thread.currentThread().getContextClassLoader().getResourceAsStream("META-INF/resources/" + name)) {
            if (file == null) {
                throw new IllegalArgumentException("no static file " + name);
            }
            return Hashing.sha256().hashBytes(file.readAllBytes()).toString().substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
