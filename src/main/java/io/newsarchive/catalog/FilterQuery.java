package io.newsarchive.catalog;

import io.newsarchive.system.ApiError;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.reflect.Field;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalog's filters written as a query string ({@link CatalogFilter#query()}), as saved searches keep them, read
 * back as a request's {@link FilterParams} would bring them: every filter parameter that class declares, so that
 * one added there is read here too.
 */
public final class FilterQuery {

    private FilterQuery() {}

    /** The filter a query string states; a 400 naming {@code field} for anything the catalog would refuse. */
    public static CatalogFilter parse(String field, String query) {
        try {
            return CatalogFilter.of(params(query));
        } catch (ApiError.Failure refused) {
            throw ApiError.badParameter(field, field + ": " + refused.body().message());
        } catch (IllegalArgumentException badEscape) {
            throw ApiError.badParameter(field, field + " is not a query string: " + badEscape.getMessage());
        }
    }

    private static FilterParams params(String query) {
        Map<String, Field> fields = new TreeMap<>();
        for (Field field : FilterParams.class.getFields()) {
            RestQuery name = field.getAnnotation(RestQuery.class);
            if (name != null) {
                fields.put(name.value().isEmpty() ? field.getName() : name.value(), field);
            }
        }
        FilterParams params = new FilterParams();
        String given = query.startsWith("?") ? query.substring(1) : query;
        for (String pair : given.isEmpty() ? new String[0] : given.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            Field field = fields.get(name);
            if (field == null) {
                throw ApiError.badParameter(
                        name, "unknown parameter " + name + ": filters are " + String.join(", ", fields.keySet()));
            }
            set(params, field, value);
        }
        return params;
    }

    @SuppressWarnings("unchecked")
    private static void set(FilterParams params, Field field, String value) {
        try {
            if (field.getType() == List.class) {
                List<String> values = (List<String>) field.get(params);
                if (values == null) {
                    values = new ArrayList<>();
                    field.set(params, values);
                }
                values.add(value);
            } else {
                field.set(params, value);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("the filter parameters are public fields", e);
        }
    }
}
