package io.newsarchive.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A link within this site: a path and its query parameters in order, each value URL-encoded when the link is
 * written. Immutable; every change gives a new link.
 */
public final class Href {

    private record Param(String name, String value) {}

    private final String path;
    private final List<Param> params;

    private Href(String path, List<Param> params) {
        this.path = path;
        this.params = List.copyOf(params);
    }

    /** A link to {@code path} (already a valid path: it is written as it is) without parameters. */
    public static Href of(String path) {
        return new Href(path, List.of());
    }

    /** The same parameters at another path. */
    public Href at(String otherPath) {
        return new Href(otherPath, params);
    }

    /** This link with the parameter added after the others, even if it has one of that name; unchanged for null. */
    public Href plus(String name, String value) {
        if (value == null) {
            return this;
        }
        List<Param> changed = new ArrayList<>(params);
        changed.add(new Param(name, value));
        return new Href(path, changed);
    }

    /** This link with {@code name} set to {@code value} only, in the place of the first (or removed, for null). */
    public Href with(String name, String value) {
        List<Param> changed = new ArrayList<>();
        boolean placed = false;
        for (Param p : params) {
            if (!p.name().equals(name)) {
                changed.add(p);
            } else if (!placed && value != null) {
                changed.add(new Param(name, value));
                placed = true;
            }
        }
        if (!placed && value != null) {
            changed.add(new Param(name, value));
        }
        return new Href(path, changed);
    }

    public Href without(String name) {
        return with(name, null);
    }

    /** This link with the parameter added if it did not have it, or removed if it did. */
    public Href toggle(String name, String value) {
        List<Param> changed = new ArrayList<>(params);
        if (!changed.remove(new Param(name, value))) {
            changed.add(new Param(name, value));
        }
        return new Href(path, changed);
    }

    @Override
    public String toString() {
        StringBuilder url = new StringBuilder(path);
        char separator = '?';
        for (Param p : params) {
            url.append(separator)
                    .append(p.name())
                    .append('=')
                    .append(URLEncoder.encode(p.value(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }
}
