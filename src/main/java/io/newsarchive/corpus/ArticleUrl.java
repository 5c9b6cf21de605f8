package io.newsarchive.corpus;

import com.google.common.net.InternetDomainName;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The source URL of an article and what the catalog derives from it.
 *
 * @param url           the URL exactly as written in the file
 * @param normalizedUrl the identity of the article across versions: scheme and host lower-cased, default port,
 *                      fragment and tracking parameters removed, an empty path written as {@code /}
 * @param host          the lower-cased host without a leading {@code www.}
 * @param domain        the registrable domain of the host by the Public Suffix List, or the host itself when it
 *                      has none (an IP address, {@code localhost})
 */
public record ArticleUrl(String url, String normalizedUrl, String host, String domain) {

    private static final int MAX_PORT = 65_535;

    /** Query parameters that only say how a reader arrived, never which article it is. */
    private static final Set<String> TRACKING_PARAMETERS =
            Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "igshid", "yclid");

    /**
     * @param maxBytes the longest URL the catalog holds, in UTF-8 bytes, as written and normalized
     * @throws IllegalArgumentException naming what is wrong, when {@code text} is not an absolute http(s) URL;
     *                                  {@link TooLong} when it is longer than {@code maxBytes}
     */
    public static ArticleUrl parse(String text, int maxBytes) {
        int bytes = utf8Length(text);
        if (bytes > maxBytes) {
            throw new TooLong(text, bytes, maxBytes);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(Text.quoted(text) + " is not a valid URL: " + e.getReason()
                    + " at character " + (e.getIndex() + 1));
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException(Text.quoted(text) + " is not an absolute http or https URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(Text.quoted(text) + " has no host name");
        }
        if (uri.getPort() > MAX_PORT) {
            throw new IllegalArgumentException(
                    Text.quoted(text) + " has port " + uri.getPort() + ", above " + MAX_PORT);
        }
        ArticleUrl url = of(uri);
        // the normalized URL may gain a / for an empty path; it is what the catalog's unique index holds
        bytes = utf8Length(url.normalizedUrl());
        if (bytes > maxBytes) {
            throw new TooLong(url.normalizedUrl(), bytes, maxBytes);
        }
        return url;
    }

    /** A URL longer than the catalog holds. */
    public static final class TooLong extends IllegalArgumentException {
        TooLong(String text, int bytes, int maxBytes) {
            super(Text.quoted(text) + " is " + bytes + " bytes long (UTF-8), more than the limit of " + maxBytes);
        }
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** @param uri an absolute http or https URI with a host */
    public static ArticleUrl of(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        StringBuilder normalized = new StringBuilder(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            normalized.append(uri.getRawUserInfo()).append('@');
        }
        normalized.append(host);
        if (uri.getPort() != -1 && uri.getPort() != defaultPort(scheme)) {
            normalized.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        normalized.append(path == null || path.isEmpty() ? "/" : path);
        String query = withoutTracking(uri.getRawQuery());
        if (!query.isEmpty()) {
            normalized.append('?').append(query);
        }
        String bareHost = withoutWww(host);
        return new ArticleUrl(uri.toString(), normalized.toString(), bareHost, registrableDomain(bareHost));
    }

    /** The host as sources are named: without a leading {@code www.}. */
    public static String withoutWww(String host) {
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static String withoutTracking(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING_PARAMETERS.contains(name) && !parameter.isEmpty()) {
                kept.add(parameter);
            }
        }
        return String.join("&", kept);
    }

    private static String registrableDomain(String host) {
        if (!InternetDomainName.isValid(host)) {
            return host;
        }
        InternetDomainName name = InternetDomainName.from(host);
        return name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : host;
    }
}
