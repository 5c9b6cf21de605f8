package io.newsarchive;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The feature packages depend on each other one way only, and the file format and the web plumbing on none. */
class PackagesTest {

    private static final Path MAIN = Path.of("src/main/java/io/newsarchive");
    private static final Pattern USE = Pattern.compile("io\\.newsarchive\\.([a-z]+)\\.");

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> uses = uses();
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            for (String next : uses.get(start)) {
                if (reaches(uses, next, start, new TreeSet<>())) {
                    cycles.add(start + " -> " + next + " -> ... -> " + start);
                }
            }
        }
        assertEquals(List.of(), cycles, "packages used by their users: " + uses);
    }

    @Test
    void theFileFormatUsesNoOtherPackage() throws IOException {
        assertEquals(Set.of(), uses().getOrDefault("corpus", Set.of()));
    }

    @Test
    void theWebPlumbingUsesNoOtherPackage() throws IOException {
        assertEquals(Set.of(), uses().getOrDefault("system", Set.of()));
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String to, Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        return seen.add(from) && uses.getOrDefault(from, Set.of()).stream().anyMatch(n -> reaches(uses, n, to, seen));
    }

    /** Each package and the other packages its sources name. */
    private static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> sources = Files.walk(MAIN)) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String own = MAIN.relativize(source).getName(0).toString();
                Set<String> used = uses.computeIfAbsent(own, p -> new TreeSet<>());
                Matcher use = USE.matcher(Files.readString(source));
                while (use.find()) {
                    if (!use.group(1).equals(own)) {
                        used.add(use.group(1));
                    }
                }
            }
        }
        return uses;
    }
}
