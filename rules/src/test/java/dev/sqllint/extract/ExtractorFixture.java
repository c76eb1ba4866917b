package dev.sqllint.extract;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import dev.sqllint.extract.sinks.SinkCatalog;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Java sources in memory run through the real extractor, with the unresolved sites it reports. */
public final class ExtractorFixture {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private List<Path> resourceRoots = List.of();
    private Function<String, Optional<String>> entityTables = c -> Optional.empty();
    public final List<UnresolvedSite> unresolved = new ArrayList<>();

    public ExtractorFixture source(String path, String text) {
        sources.put(path, text);
        return this;
    }

    public ExtractorFixture resources(Path root) {
        resourceRoots = List.of(root);
        return this;
    }

    public ExtractorFixture entityTables(Map<String, String> tableByClass) {
        entityTables = c -> Optional.ofNullable(tableByClass.get(c));
        return this;
    }

    public List<SqlSite> sites(String path) {
        JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
        List<JavaFile> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            files.add(new JavaFile(Path.of(e.getKey()), parser.parse(e.getValue()).getResult().orElseThrow()));
        }
        JavaSqlExtractor extractor = new JavaSqlExtractor(SinkCatalog.standard(), files,
                new ExtractionContext(resourceRoots, entityTables), new dev.sqllint.schema.Schema());
        JavaFile file = files.stream().filter(f -> f.path().toString().equals(path)).findFirst().orElseThrow();
        return extractor.sites(file, unresolved::add);
    }

    public static List<String> texts(SqlSite site) {
        return site.variants().stream().map(SqlText::text).toList();
    }

    /** {@code api line:column: first variant}, one per site: what a reader checks. */
    public static List<String> summary(List<SqlSite> sites) {
        return sites.stream().map(s -> s.api() + " " + s.line() + ":" + s.column() + ": " + s.variants().get(0).text()).toList();
    }

    public List<String> unresolvedSummary() {
        return unresolved.stream().map(u -> u.api() + " " + u.line() + ":" + u.column() + ": " + u.reason()
                + (u.detail().isEmpty() ? "" : " (" + u.detail() + ")")).toList();
    }
}
