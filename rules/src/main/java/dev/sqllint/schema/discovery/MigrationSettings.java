package dev.sqllint.schema.discovery;

import dev.sqllint.schema.SchemaProblems;
import dev.sqllint.source.FileFacts;
import dev.sqllint.sql.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the project's configuration says its migrations are: {@code spring.flyway.locations} and
 * {@code spring.liquibase.change-log} in {@code application*.properties} / {@code .yml}, and a {@code flyway:
 * locations:} block in any other YAML configuration (Dropwizard's {@code config.yml}). Read as text, nothing
 * evaluated: {@code ${ENV:default}} counts as its default, {@code {vendor}} as the project's database.
 */
public final class MigrationSettings {

    private static final Pattern PROPERTY = Pattern.compile("\\s*([A-Za-z0-9_.\\-\\[\\]]+)\\s*[=:]\\s*(.*)");
    private static final Pattern YAML_KEY = Pattern.compile("(\\s*)(?:-\\s+)?([A-Za-z0-9_.\\-]+)\\s*:(?:\\s+(.*))?\\s*");
    private static final Pattern YAML_ITEM = Pattern.compile("(\\s*)-\\s+(.*)");
    private static final Pattern COMMENT = Pattern.compile("\\s+#.*$");
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[^:}]+:([^}]*)}");

    /** Folders or files named as Flyway locations, and Liquibase changelogs, resolved and existing. */
    public record Found(List<Path> flywayLocations, List<Path> changelogs) {
    }

    private MigrationSettings() {
    }

    /** The settings the configuration files hold, each file's migration keys taken from {@code facts}. */
    public static Found read(List<Path> configFiles, Path moduleDir, List<Path> resourceRoots, Dialect dialect,
                             SchemaProblems problems, FileFacts facts) {
        Set<Path> flyway = new LinkedHashSet<>();
        Set<Path> changelogs = new LinkedHashSet<>();
        for (Path file : configFiles) {
            List<String> entries;
            try {
                entries = FileFacts.items(facts.answer(file, "migration-keys", MigrationSettings::migrationEntries));
            } catch (IOException | RuntimeException e) {
                continue;
            }
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean spring = name.startsWith("application") || name.startsWith("bootstrap");
            for (int i = 0; i + 1 < entries.size(); i += 2) {
                String key = entries.get(i);
                String setting = entries.get(i + 1);
                // spring.flyway.locations, flyway.locations, and per-datasource ones (flyway.datasources.main.locations)
                if (key.contains("flyway") && (key.endsWith(".locations") || key.endsWith(".location"))) {
                    for (String value : values(setting, dialect)) {
                        resolve(value, moduleDir, resourceRoots, true).ifPresentOrElse(flyway::add,
                                () -> problems.report(file, 0, "Flyway location " + value + " not found"));
                    }
                } else if (spring && (key.endsWith("liquibase.change-log") || key.endsWith("liquibase.changelog"))) {
                    for (String value : values(setting, dialect)) {
                        resolve(value, moduleDir, resourceRoots, false).filter(Files::isRegularFile).ifPresentOrElse(
                                changelogs::add, () -> problems.report(file, 0, "Liquibase changelog " + value + " not found"));
                    }
                }
            }
        }
        return new Found(List.copyOf(flyway), List.copyOf(changelogs));
    }

    /**
     * The file's entries whose key names Flyway or Liquibase, each as its key (lower case, {@code _} as {@code -})
     * and its value, as they are written; nothing for a file that names neither, or over a megabyte.
     */
    private static String migrationEntries(Path file) throws IOException {
        if (Files.size(file) > 1024 * 1024) return "";
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        if (!text.contains("flyway") && !text.contains("liquibase")) return "";
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String[] e : name.endsWith(".properties") ? properties(text) : yaml(text)) {
            String key = e[0].toLowerCase(Locale.ROOT).replace("_", "-");
            if ((key.contains("flyway") || key.contains("liquibase")) && e[1].indexOf('\u0000') < 0) {
                out.add(key);
                out.add(e[1]);
            }
        }
        return FileFacts.list(out);
    }

    /** {@code key=value} lines; a list's {@code key[0]=value} counts under {@code key}. */
    static List<String[]> properties(String text) {
        List<String[]> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith("#") || l.startsWith("!")) continue;
            Matcher m = PROPERTY.matcher(l);
            if (m.matches()) out.add(new String[] {m.group(1).replaceAll("\\[\\d+]$", ""), m.group(2).strip()});
        }
        return out;
    }

    /** Dotted keys of a YAML document's scalars and list items, by indentation; enough for configuration files. */
    static List<String[]> yaml(String text) {
        List<String[]> out = new ArrayList<>();
        Deque<Object[]> path = new ArrayDeque<>(); // {indent, key}
        String listKey = null;
        int listIndent = -1;
        for (String raw : text.split("\n")) {
            String line = raw.indexOf('#') < 0 ? raw : COMMENT.matcher(raw).replaceAll("");
            if (line.isBlank() || line.strip().startsWith("#") || line.strip().equals("---")) continue;
            Matcher item = YAML_ITEM.matcher(line);
            if (listKey != null && item.matches() && item.group(1).length() >= listIndent
                    && !YAML_KEY.matcher(line).matches()) {
                out.add(new String[] {listKey, item.group(2).strip()});
                continue;
            }
            Matcher m = YAML_KEY.matcher(line);
            if (!m.matches()) continue;
            int indent = m.group(1).length();
            while (!path.isEmpty() && (int) path.peek()[0] >= indent) path.pop();
            StringBuilder key = new StringBuilder();
            path.descendingIterator().forEachRemaining(p -> key.append(p[1]).append('.'));
            key.append(m.group(2));
            String value = m.group(3) == null ? "" : m.group(3).strip();
            if (value.isEmpty()) {
                path.push(new Object[] {indent, m.group(2)});
                listKey = key.toString();
                listIndent = indent;
            } else {
                out.add(new String[] {key.toString(), value});
                listKey = null;
            }
        }
        return out;
    }

    /** A comma-separated or {@code [a, b]} value, quotes off, defaults of placeholders taken, {vendor} filled. */
    static List<String> values(String value, Dialect dialect) {
        String v = DEFAULTED.matcher(value).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        v = v.replace("{vendor}", dialect.id()).replaceAll("^\\[|]$", "");
        List<String> out = new ArrayList<>();
        for (String part : v.split(",")) {
            String p = part.strip().replaceAll("^[\"']|[\"']$", "");
            if (!p.isEmpty() && !p.contains("${")) out.add(p);
        }
        return out;
    }

    /** {@code classpath:} against the resource roots, {@code filesystem:} against the module; none means classpath. */
    private static java.util.Optional<Path> resolve(String location, Path moduleDir, List<Path> resourceRoots,
                                                    boolean defaultClasspath) {
        try {
            String l = location.strip();
            if (l.startsWith("filesystem:") || l.startsWith("file:")) {
                Path p = Path.of(l.substring(l.indexOf(':') + 1));
                Path resolved = p.isAbsolute() || moduleDir == null ? p : moduleDir.resolve(p);
                return Files.exists(resolved) ? java.util.Optional.of(resolved.normalize()) : java.util.Optional.empty();
            }
            String relative = l.replaceFirst("^classpath\\*?:", "").replaceFirst("^/+", "");
            for (Path root : resourceRoots) {
                Path p = root.resolve(relative).normalize();
                if (Files.exists(p)) return java.util.Optional.of(p);
            }
            if (!defaultClasspath && moduleDir != null && Files.exists(moduleDir.resolve(relative))) {
                return java.util.Optional.of(moduleDir.resolve(relative).normalize());
            }
            return java.util.Optional.empty();
        } catch (InvalidPathException e) {
            return java.util.Optional.empty();
        }
    }
}
