package dev.sqllint.engine;

import dev.sqllint.extract.sinks.SqlRelevance;
import dev.sqllint.source.Digests;
import dev.sqllint.source.JavaOutline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the run's Java files are analysed (the roots: all of them, or those the pre-filter chose) and which
 * must be parsed before any analysis starts: the files with JPA mappings (the schema needs them all) and the
 * files with sqllint suppressions (a suppression may cover SQL written in another file). Every other file is
 * parsed only if an analysis asks about a type it declares.
 */
final class SourceSelection {

    private final Map<Path, SourceText> byPath = new LinkedHashMap<>();
    private final Map<String, SourceText> byName = new HashMap<>();
    private final List<SourceText> roots = new ArrayList<>();
    private final List<SourceText> mapped = new ArrayList<>();
    private final List<SourceText> suppressing = new ArrayList<>();
    private final Map<String, Path> types = new HashMap<>();
    private final Derived derived;
    private String javaSourcesDigest;
    private String typesDigest;

    /**
     * Computes a value of all the files (a digest), or takes the last run's when nothing changed
     * ({@link OutlineCache#derived}).
     */
    interface Derived {
        String value(String name, java.util.function.Supplier<String> compute);
    }

    /**
     * {@code queryInterfaces}: simple names of query interfaces no outline shows (the XML mappers' namespaces);
     * {@code derived}: where the digests of all the files come from.
     */
    SourceSelection(List<SourceText> texts, boolean preFilter, Set<String> queryInterfaces, Derived derived) {
        this.derived = derived;
        Map<Path, JavaOutline> outlines = new LinkedHashMap<>();
        for (SourceText t : texts) {
            byPath.put(t.path(), t);
            byName.put(t.path().toString(), t);
            outlines.put(t.path(), t.outline());
            for (String type : t.outline().qualifiedTypes()) types.putIfAbsent(type, t.path());
        }
        Set<Path> chosen = preFilter ? SqlRelevance.roots(outlines, queryInterfaces) : outlines.keySet();
        for (SourceText t : texts) {
            if (!chosen.contains(t.path())) continue;
            roots.add(t);
            if (t.outline().mapped()) mapped.add(t);
            if (t.outline().mentionsSqllint()) suppressing.add(t);
        }
    }

    /** Every Java file of the run, chosen or not, in source order. */
    List<SourceText> all() {
        return List.copyOf(byPath.values());
    }

    /** One digest of every Java file of the run, by path and content: what changes when any of them does. */
    String javaSourcesDigest() {
        if (javaSourcesDigest == null) {
            javaSourcesDigest = derived.value("java-sources", () -> digestOfLines(byPath.values().stream()
                    .map(t -> t.path() + "\u0000" + t.digest())));
        }
        return javaSourcesDigest;
    }

    /** One digest of {@link #types}, in name order: what changes when a type is added, removed or moved. */
    String typesDigest() {
        if (typesDigest == null) {
            typesDigest = derived.value("types", () -> digestOfLines(new java.util.TreeMap<>(types).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())));
        }
        return typesDigest;
    }

    /** SHA-256 of the lines, each ended by a newline, in hex. */
    private static String digestOfLines(java.util.stream.Stream<String> lines) {
        MessageDigest digest = Digests.sha256();
        lines.forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    List<SourceText> roots() {
        return roots;
    }

    List<SourceText> mapped() {
        return mapped;
    }

    List<SourceText> suppressing() {
        return suppressing;
    }

    /** Every top-level type of the sources, by qualified name, and its file. */
    Map<String, Path> types() {
        return types;
    }

    /** The files with JPA mappings and their digests: the schema depends on their content. */
    Map<Path, String> mappedDigests() {
        Map<Path, String> out = new LinkedHashMap<>();
        for (SourceText t : mapped) out.put(t.path(), t.digest());
        return out;
    }

    /** A file's current digest by its path as a string, or null when it is not a source of this run. */
    String digestOf(String path) {
        SourceText t = byName.get(path);
        return t == null ? null : t.digest();
    }

    SourceText text(Path path) {
        return byPath.get(path);
    }

    /** The files to parse before analysing {@code toAnalyse}: those, the mapped and the suppressing ones, in source order. */
    List<SourceText> upFront(Collection<SourceText> toAnalyse) {
        Set<Path> wanted = new LinkedHashSet<>();
        for (SourceText t : toAnalyse) wanted.add(t.path());
        for (SourceText t : mapped) wanted.add(t.path());
        for (SourceText t : suppressing) wanted.add(t.path());
        List<SourceText> out = new ArrayList<>();
        for (SourceText t : byPath.values()) if (wanted.contains(t.path())) out.add(t);
        return out;
    }

    /** The types of the files not parsed up front, for the index to load on demand. */
    Map<String, Path> typesOutside(Collection<SourceText> parsed) {
        Set<Path> paths = new LinkedHashSet<>();
        for (SourceText t : parsed) paths.add(t.path());
        Map<String, Path> out = new HashMap<>();
        types.forEach((type, file) -> {
            if (!paths.contains(file)) out.put(type, file);
        });
        return out;
    }
}
