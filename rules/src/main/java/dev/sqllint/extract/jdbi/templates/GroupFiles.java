package dev.sqllint.extract.jdbi.templates;

import dev.sqllint.sql.SqlText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The group files of one run, each read once: found under the resource roots by classpath path
 * ({@code org/acme/UserDao.sql.stg}); an import names another classpath path, ST3's {@code group Dao : Base;}
 * a group in the same folder. An import that cannot be found is left out (the templates it would have given
 * are missing, so the statements that call them render with placeholders).
 */
public final class GroupFiles {

    private static final int MAX_IMPORT_DEPTH = 8;

    private final List<Path> roots;
    private final Function<Path, Optional<SqlText>> reader;
    private final Map<Path, Optional<StringTemplateGroup>> groups = new ConcurrentHashMap<>();

    /** {@code reader}: a file's text with its positions, empty when it cannot be read. */
    public GroupFiles(List<Path> roots, Function<Path, Optional<SqlText>> reader) {
        this.roots = roots;
        this.reader = reader;
    }

    /** The group at classpath path {@code relative} (a leading slash allowed). */
    public Optional<StringTemplateGroup> group(String relative) {
        return find(relative).flatMap(p -> group(p, 0, new HashSet<>()));
    }

    private Optional<Path> find(String relative) {
        String r = relative.startsWith("/") ? relative.substring(1) : relative;
        if (r.isEmpty()) return Optional.empty();
        for (Path root : roots) {
            try {
                Path p = root.resolve(r).normalize();
                if (p.startsWith(root.normalize()) && Files.isRegularFile(p)) return Optional.of(p);
            } catch (RuntimeException e) { // an invalid path in a group file
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<StringTemplateGroup> group(Path file, int depth, Set<Path> importing) {
        Optional<StringTemplateGroup> cached = groups.get(file);
        if (cached != null) return cached;
        if (depth > MAX_IMPORT_DEPTH || !importing.add(file)) return Optional.empty(); // an import cycle
        Optional<StringTemplateGroup> g = reader.apply(file).map(text -> StringTemplateGroup.read(text, file,
                name -> locate(file, name).flatMap(p -> group(p, depth + 1, importing))));
        groups.putIfAbsent(file, g);
        return g;
    }

    /** An import: a classpath path, or (ST3 inheritance) a group name beside the importing file. */
    private Optional<Path> locate(Path importer, String name) {
        if (name.contains("/") || name.endsWith(".stg")) return find(name);
        try {
            Path sibling = importer.resolveSibling(name + (importer.getFileName().toString().endsWith(".sql.stg") ? ".sql.stg" : ".stg"));
            return Files.isRegularFile(sibling) ? Optional.of(sibling) : Optional.empty();
        } catch (RuntimeException e) { // an invalid path in a group file (a NUL, say), as find() treats it
            return Optional.empty();
        }
    }
}
