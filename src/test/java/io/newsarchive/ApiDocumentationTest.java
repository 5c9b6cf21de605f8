package io.newsarchive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.Sets;
import io.newsarchive.account.Role;
import io.newsarchive.audit.AuditAction;
import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.catalog.Interval;
import io.newsarchive.catalog.Measure;
import io.newsarchive.catalog.SortOrder;
import io.newsarchive.catalog.SourceOrder;
import io.newsarchive.catalog.StatusFilter;
import io.newsarchive.export.ExportFormat;
import io.newsarchive.ingest.FileSelection;
import io.newsarchive.preservation.EventOutcome;
import io.newsarchive.preservation.EventType;
import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code /q/openapi} documents every endpoint the resources declare, each with a summary, and every parameter they
 * take with a description; the closed sets of values are enumerated as the enums that check them have them. A new
 * endpoint or parameter fails this test until it is documented.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class ApiDocumentationTest {

    private static final java.nio.file.Path CLASSES = java.nio.file.Path.of("target/classes");
    private static final Pattern TEMPLATE = Pattern.compile("\\{(\\w+)(:[^}]*)?}");

    /** The parameters whose values are a closed set, and the values the code takes. */
    private static final Map<String, List<String>> ENUMERATED = Map.ofEntries(
            Map.entry("sort", words(SortOrder.values(), o -> o.param)),
            Map.entry("status", words(StatusFilter.values(), Object::toString)),
            Map.entry("format", words(ExportFormat.values(), Object::toString)),
            Map.entry("type", words(EventType.values(), Object::toString)),
            Map.entry("outcome", words(EventOutcome.values(), Object::toString)),
            Map.entry("action", words(AuditAction.values(), Object::toString)),
            Map.entry("show", words(FileSelection.values(), Object::toString)),
            Map.entry("role", words(Role.values(), Object::toString)),
            Map.entry("order", words(SourceOrder.values(), Object::toString)),
            Map.entry("interval", words(Interval.values(), Object::toString)),
            Map.entry("measure", words(Measure.values(), Object::toString)));

    private JsonNode document;

    @BeforeEach
    void fetch() throws IOException {
        document = new ObjectMapper()
                .readTree(given().get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray());
    }

    @Test
    void everyEndpointIsDocumentedWithASummary() throws IOException {
        Set<String> declared = new TreeSet<>();
        List<String> undocumented = new ArrayList<>();
        for (Map.Entry<String, Method> endpoint : endpoints().entrySet()) {
            declared.add(endpoint.getKey());
            if (operation(endpoint.getKey()).path("summary").asText().isBlank()) {
                undocumented.add(endpoint.getKey());
            }
        }
        assertEquals(List.of(), undocumented, "endpoints without a documented summary");
        assertEquals(declared, documented(), "documented endpoints are the declared ones");
    }

    @Test
    void everyParameterIsDocumentedWithADescription() throws IOException {
        List<String> undocumented = new ArrayList<>();
        for (Map.Entry<String, Method> endpoint : endpoints().entrySet()) {
            Map<String, JsonNode> given = new TreeMap<>();
            operation(endpoint.getKey())
                    .path("parameters")
                    .forEach(p -> given.put(
                            p.path("in").asText() + " " + p.path("name").asText(), p));
            Set<String> fields = new TreeSet<>();
            operation(endpoint.getKey())
                    .path("requestBody")
                    .path("content")
                    .forEach(media ->
                            media.path("schema").path("properties").fieldNames().forEachRemaining(fields::add));
            for (String parameter : parameters(endpoint.getKey(), endpoint.getValue())) {
                JsonNode documented = given.get(parameter);
                boolean missing = parameter.startsWith("form ")
                        ? !fields.contains(parameter.substring("form ".length()))
                        : documented == null
                                || documented.path("description").asText().isBlank();
                if (missing) {
                    undocumented.add(endpoint.getKey() + ": " + parameter);
                }
            }
        }
        assertEquals(List.of(), undocumented, "parameters without a documented description");
    }

    @Test
    void closedSetsAreEnumeratedAsTheCodeTakesThem() {
        int checked = 0;
        for (JsonNode path : document.path("paths")) {
            for (JsonNode operation : path) {
                Map<String, JsonNode> schemas = new TreeMap<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    if (parameter.path("in").asText().equals("query")) {
                        schemas.put(parameter.path("name").asText(), parameter.path("schema"));
                    }
                }
                operation
                        .path("requestBody")
                        .path("content")
                        .forEach(media -> media.path("schema")
                                .path("properties")
                                .fields()
                                .forEachRemaining(field -> schemas.put(field.getKey(), field.getValue())));
                for (Map.Entry<String, JsonNode> schema : schemas.entrySet()) {
                    List<String> expected = ENUMERATED.get(schema.getKey());
                    if (expected != null) {
                        List<String> documented = new ArrayList<>();
                        schema.getValue().path("enum").forEach(v -> documented.add(v.asText()));
                        assertEquals(expected, documented, operation.path("summary") + ": " + schema.getKey());
                        checked++;
                    }
                }
            }
        }
        assertFalse(checked < ENUMERATED.size(), "enumerated parameters found: " + checked);
    }

    /** The schemas name the fields as the answers do (snake_case), checked against real answers. */
    @Test
    void responseSchemasNameTheFieldsTheAnswersHave() throws IOException {
        long id = CatalogFixtures.ingest(article("A documented answer", uniqueUrl(), "One sentence."))
                .get(0);
        for (String[] answer :
                new String[][] {{"/api/articles/{id}", "/api/articles/" + id}, {"/api/articles", "/api/articles"}}) {
            JsonNode real = new ObjectMapper()
                    .readTree(given().get(answer[1])
                            .then()
                            .statusCode(200)
                            .extract()
                            .asByteArray());
            String ref = document.path("paths")
                    .path(answer[0])
                    .path("get")
                    .path("responses")
                    .path("200")
                    .path("content")
                    .path("application/json")
                    .path("schema")
                    .path("$ref")
                    .asText();
            JsonNode schema = document.path("components").path("schemas").path(ref.replaceAll(".*/", ""));
            Set<String> documented = new TreeSet<>();
            schema.path("properties").fieldNames().forEachRemaining(documented::add);
            Set<String> sent = new TreeSet<>();
            real.fieldNames().forEachRemaining(sent::add);
            assertEquals(
                    Set.of(),
                    Sets.difference(sent, documented),
                    answer[0] + " sends fields its schema " + ref + " lacks");
        }
    }

    @Test
    void everySuccessfulGetSaysWhatItAnswers() {
        List<String> bare = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode()) {
                return;
            }
            get.path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("2")) {
                    JsonNode content = response.getValue().path("content");
                    if (content.isEmpty()) {
                        bare.add(path.getKey() + " " + response.getKey());
                    }
                    content.forEach(media -> {
                        if (media.path("schema").isEmpty()) {
                            bare.add(path.getKey() + " " + response.getKey() + " without a schema");
                        }
                    });
                }
            });
        });
        assertEquals(List.of(), bare);
    }

    private JsonNode operation(String endpoint) {
        String[] methodAndPath = endpoint.split(" ", 2);
        return document.path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase(Locale.ROOT));
    }

    private Set<String> documented() {
        Set<String> documented = new TreeSet<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(
                                method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return documented;
    }

    /** Every resource method of the service, by its HTTP method and path template ({@code GET /api/articles/{id}}). */
    private static Map<String, Method> endpoints() throws IOException {
        Map<String, Method> endpoints = new TreeMap<>();
        try (Stream<java.nio.file.Path> files = Files.walk(CLASSES.resolve("io/newsarchive"))) {
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = load(name);
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = httpMethod(method);
                    if (verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        String path = ("/" + root.value() + "/" + (sub == null ? "" : sub.value()))
                                .replaceAll("/+", "/")
                                .replaceAll("(.)/$", "$1");
                        endpoints.put(verb + " " + TEMPLATE.matcher(path).replaceAll("{$1}"), method);
                    }
                }
            }
        }
        return endpoints;
    }

    /** The parameters a resource method takes, as {@code query q}, {@code path id}, {@code header Range}. */
    private static Set<String> parameters(String endpoint, Method method) {
        Set<String> names = new TreeSet<>();
        Matcher template = TEMPLATE.matcher(endpoint);
        while (template.find()) {
            names.add("path " + template.group(1));
        }
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
        for (Annotation annotation : element.getAnnotations()) {
            String where = null;
            String name = null;
            if (annotation instanceof RestQuery a) {
                where = "query";
                name = a.value();
            } else if (annotation instanceof QueryParam a) {
                where = "query";
                name = a.value();
            } else if (annotation instanceof RestPath a) {
                where = "path";
                name = a.value();
            } else if (annotation instanceof PathParam a) {
                where = "path";
                name = a.value();
            } else if (annotation instanceof RestCookie a) {
                where = "cookie";
                name = a.value();
            } else if (annotation instanceof CookieParam a) {
                where = "cookie";
                name = a.value();
            } else if (annotation instanceof RestHeader a) {
                where = "header";
                name = a.value();
            } else if (annotation instanceof HeaderParam a) {
                where = "header";
                name = a.value();
            } else if (annotation instanceof RestForm a) {
                where = "form";
                name = a.value();
            } else if (annotation instanceof FormParam a) {
                where = "form";
                name = a.value();
            }
            if (where != null) {
                names.add(where + " " + (name.isEmpty() ? javaName : name));
            }
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <E> List<String> words(E[] values, Function<E, String> word) {
        return Arrays.stream(values).map(word).toList();
    }
}
