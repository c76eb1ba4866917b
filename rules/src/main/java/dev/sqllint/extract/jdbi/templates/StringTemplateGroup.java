package dev.sqllint.extract.jdbi.templates;

import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A StringTemplate group file ({@code UserDao.sql.stg}) as Jdbi reads it: its templates
 * {@code name(a, b) ::= <<...>>} (or {@code "..."}, {@code <%...%>}), and the groups it imports
 * ({@code import "org/acme/Base.sql.stg"}, or ST3's {@code group Dao : Base;}). A template is looked up in the
 * group first, then in its imports in order, so a group overrides what it imports; and a template called
 * from an imported one is looked up from the group the lookup started in again (Kill Bill's
 * {@code <tableName()>}, defined in every DAO's group and used by the shared ones). Comments between
 * definitions and dictionaries ({@code d ::= [ ... ]}) are skipped; text it cannot read ends the group
 * there, keeping what came before.
 */
public final class StringTemplateGroup {

    /** One template: its parameters and its body with the group file's positions. */
    public record Template(String name, List<String> parameters, SqlText body, Path file) {
    }

    private static final int MAX_IMPORT_DEPTH = 8;

    private final Path file;
    private final Map<String, Template> templates = new LinkedHashMap<>();
    private final List<String> importNames = new ArrayList<>();
    private final List<StringTemplateGroup> imports = new ArrayList<>();

    private StringTemplateGroup(Path file) {
        this.file = file;
    }

    /**
     * Reads {@code text} (the file {@code file}); {@code importer} finds an imported group by the name the
     * file gives (a classpath path, or a group name for ST3 inheritance).
     */
    public static StringTemplateGroup read(SqlText text, Path file, Function<String, Optional<StringTemplateGroup>> importer) {
        StringTemplateGroup g = new StringTemplateGroup(file);
        new GroupParser(text, g).parse();
        for (String name : g.importNames) importer.apply(name).ifPresent(g.imports::add);
        return g;
    }

    public Path file() {
        return file;
    }

    /** The template of that name in this group or, failing that, in what it imports. */
    public Optional<Template> lookup(String name) {
        return lookup(name, 0);
    }

    private Optional<Template> lookup(String name, int depth) {
        Template own = templates.get(name);
        if (own != null || depth > MAX_IMPORT_DEPTH) return Optional.ofNullable(own);
        for (StringTemplateGroup g : imports) {
            Optional<Template> t = g.lookup(name, depth + 1);
            if (t.isPresent()) return t;
        }
        return Optional.empty();
    }

    /** This group's file and those of everything it imports: what its templates were read from. */
    public java.util.Set<Path> files() {
        java.util.Set<Path> out = new java.util.LinkedHashSet<>();
        collect(out, 0);
        return out;
    }

    private void collect(java.util.Set<Path> out, int depth) {
        if (!out.add(file) || depth > MAX_IMPORT_DEPTH) return;
        for (StringTemplateGroup g : imports) g.collect(out, depth + 1);
    }

    /** The names of the templates defined in this file (not the imported ones), in order. */
    public List<String> names() {
        return List.copyOf(templates.keySet());
    }

    void define(Template t) {
        templates.putIfAbsent(t.name(), t);
    }

    void imports(String name) {
        importNames.add(name);
    }
}
