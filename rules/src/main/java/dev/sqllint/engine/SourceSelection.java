package dev.sqllint.engine;

import dev.sqllint.extract.sinks.SqlRelevance;
import dev.sqllint.source.Digests;
import dev.sqllint.source.JavaOutline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
 *
 * <p>Worked out when first asked for: a run the last run's summary answers ({@link RunSummary}) needs only the
 * digests of all the files, which the outline cache keeps while no file changed (choosing the roots and indexing
 * the types was a tenth of such a run on ThingsBoard).
 */
final class SourceSelection {

    private final List<SourceText> texts;
    private final boolean preFilter;
    private final java.util.function.Supplier<Set<String>> queryInterfaces;
    private Map<Path, SourceText> byPath;
    private Map<String, SourceText> byName;
    private Map<String, Path> types;
    private List<SourceText> roots;
    private List<SourceText> mapped;
    private List<SourceText> suppressing;
    private final Derived derived;
    private String javaSourcesDigest;
    private String typesDigest;
    private String mappedDigest;

    /**
     * Computes a value of all the files (a digest), or takes the last run's when nothing changed
     * ({@link OutlineCache#derived}).
     */
    interface Derived {
        String value(String name, java.util.function.Supplier<String> compute);
    }

    /**
     * {@code texts}: the run's Java files, each path once, in source order; {@code queryInterfaces}: simple names of
     * query interfaces no outline shows (the XML mappers' namespaces), asked for only if the roots are chosen;
     * {@code derived}: where the digests of all the files come from.
     */
    SourceSelection(List<SourceText> texts, boolean preFilter, java.util.function.Supplier<Set<String>> queryInterfaces,
                    Derived derived) {
        this.texts = List.copyOf(texts);
        this.preFilter = preFilter;
        this.queryInterfaces = queryInterfaces;
        this.derived = derived;
    }

    /** The files by path and by path's text, and the types they declare. */
    private synchronized void index() {
        if (byPath != null) return;
        Map<Path, SourceText> paths = new LinkedHashMap<>();
        Map<String, SourceText> names = new HashMap<>();
        Map<String, Path> declared = new HashMap<>();
        for (SourceText t : texts) {
            paths.put(t.path(), t);
            names.put(t.path().toString(), t);
            for (String type : t.outline().qualifiedTypes()) declared.putIfAbsent(type, t.path());
        }
        byName = names;
        types = declared;
        byPath = paths;
    }

    /** The roots, and among them the mapped and the suppressing files. */
    private synchronized void choose() {
        if (roots != null) return;
        index();
        Map<Path, JavaOutline> outlines = new LinkedHashMap<>();
        for (SourceText t : texts) outlines.put(t.path(), t.outline());
        Set<Path> chosen = preFilter ? SqlRelevance.roots(outlines, queryInterfaces.get()) : outlines.keySet();
        List<SourceText> chosenTexts = new ArrayList<>();
        List<SourceText> mappedTexts = new ArrayList<>();
        List<SourceText> suppressingTexts = new ArrayList<>();
        for (SourceText t : texts) {
            if (!chosen.contains(t.path())) continue;
            chosenTexts.add(t);
            if (t.outline().mapped()) mappedTexts.add(t);
            if (t.outline().mentionsSqllint()) suppressingTexts.add(t);
        }
        mapped = mappedTexts;
        suppressing = suppressingTexts;
        roots = chosenTexts;
    }

    /** Every Java file of the run, chosen or not, in source order. */
    List<SourceText> all() {
        return texts;
    }

    /** One digest of every Java file of the run, by path and content: what changes when any of them does. */
    String javaSourcesDigest() {
        if (javaSourcesDigest == null) {
            javaSourcesDigest = derived.value("java-sources", () -> digestOfLines(texts.stream()
                    .map(t -> t.path() + "\u0000" + t.digest())));
        }
        return javaSourcesDigest;
    }

    /** One digest of {@link #types}, in name order: what changes when a type is added, removed or moved. */
    String typesDigest() {
        if (typesDigest == null) {
            typesDigest = derived.value("types", () -> digestOfLines(new java.util.TreeMap<>(types()).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())));
        }
        return typesDigest;
    }

    /** One digest of the mapped files' paths and digests, in path order: the schema depends on their content. */
    String mappedDigest() {
        if (mappedDigest == null) {
            mappedDigest = derived.value("mapped", () -> digestOfLines(mapped().stream()
                    .sorted(Comparator.comparing(SourceText::path)).map(t -> t.path() + "=" + t.digest())));
        }
        return mappedDigest;
    }

    /** SHA-256 of the lines, each ended by a newline, in hex. */
    private static String digestOfLines(java.util.stream.Stream<String> lines) {
        MessageDigest digest = Digests.sha256();
        lines.forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    List<SourceText> roots() {
        choose();
        return roots;
    }

    List<SourceText> mapped() {
        choose();
        return mapped;
    }

    List<SourceText> suppressing() {
        choose();
        return suppressing;
    }

    /** Every top-level type of the sources, by qualified name, and its file. */
    Map<String, Path> types() {
        index();
        return types;
    }

    /** A file's current digest by its path as a string, or null when it is not a source of this run. */
    String digestOf(String path) {
        index();
        SourceText t = byName.get(path);
        return t == null ? null : t.digest();
    }

    SourceText text(Path path) {
        index();
        return byPath.get(path);
    }

    /** The files to parse before analysing {@code toAnalyse}: those, the mapped and the suppressing ones, in source order. */
    List<SourceText> upFront(Collection<SourceText> toAnalyse) {
        Set<Path> wanted = new LinkedHashSet<>();
        for (SourceText t : toAnalyse) wanted.add(t.path());
        for (SourceText t : mapped()) wanted.add(t.path());
        for (SourceText t : suppressing()) wanted.add(t.path());
        List<SourceText> out = new ArrayList<>();
        for (SourceText t : texts) if (wanted.contains(t.path())) out.add(t);
        return out;
    }

    /** The types of the files not parsed up front, for the index to load on demand. */
    Map<String, Path> typesOutside(Collection<SourceText> parsed) {
        Set<Path> paths = new LinkedHashSet<>();
        for (SourceText t : parsed) paths.add(t.path());
        Map<String, Path> out = new HashMap<>();
        types().forEach((type, file) -> {
            if (!paths.contains(file)) out.put(type, file);
        });
        return out;
    }
}
