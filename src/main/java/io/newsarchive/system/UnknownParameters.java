package io.newsarchive.system;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a query parameter that an API endpoint does not take, with a 400 naming it and the ones it does take: a
 * misspelt or imagined filter ({@code ?url=}, {@code ?sha256=}) would otherwise be ignored and answer with the whole
 * catalog, as if it had filtered.
 */
public class UnknownParameters {

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        Set<String> names = known.computeIfAbsent(method, UnknownParameters::queryParameters);
        for (String given : request.getUriInfo().getQueryParameters().keySet()) {
            if (!names.contains(given)) {
                throw ApiError.badParameter(
                        given,
                        "unknown parameter " + given + ": " + request.getMethod() + " "
                                + request.getUriInfo().getPath()
                                + (names.isEmpty() ? " takes no parameter" : " takes " + String.join(", ", names)));
            }
        }
    }

    /** The query parameters a resource method takes, its bean parameters' included. */
    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            add(names, parameter, parameter.getName());
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Field field : parameter.getType().getFields()) {
                    add(names, field, field.getName());
                }
            }
        }
        return names;
    }

    private static void add(Set<String> names, AnnotatedElement element, String javaName) {
        RestQuery rest = element.getAnnotation(RestQuery.class);
        QueryParam query = element.getAnnotation(QueryParam.class);
        if (rest != null) {
            names.add(rest.value().isEmpty() ? javaName : rest.value());
        } else if (query != null) {
            names.add(query.value());
        }
    }
}
