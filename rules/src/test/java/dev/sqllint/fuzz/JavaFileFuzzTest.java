package dev.sqllint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import dev.sqllint.extract.ExtractionContext;
import dev.sqllint.extract.JavaFile;
import dev.sqllint.extract.JavaSqlExtractor;
import dev.sqllint.extract.sinks.SinkCatalog;
import dev.sqllint.extract.SqlSite;
import dev.sqllint.mybatis.ScriptAnnotations;
import dev.sqllint.schema.JpaModel;
import dev.sqllint.schema.JpaNaming;
import dev.sqllint.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Any Java file, as the Analyzer reads one: JavaParser first (what it rejects is a JAVA_NOT_PARSED note, not
 * ours to judge), then the JPA model, every extractor (sink calls, annotations, derived queries, jOOQ,
 * MyBatis {@code <script>}), and each site's statements through the rules. Seeds: DAOs of the families the
 * catalogue knows.
 */
class JavaFileFuzzTest {

    private static final Path FILE = Path.of("com/acme/Dao.java");
    private static final ParserConfiguration JAVA_21 = new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21);

    @FuzzTest(maxDuration = "5m")
    void extractFromJavaFile(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Optional<CompilationUnit> unit = parse(text);
        if (unit.isEmpty()) return;
        extractAndAnalyze(FILE, text, unit.get(), true);
    }

    /** As {@code Analyzer.parseJava}: a file JavaParser rejects, or fails on, is skipped with a note. */
    static Optional<CompilationUnit> parse(String text) {
        try {
            ParseResult<CompilationUnit> result = new JavaParser(JAVA_21).parse(text);
            return result.isSuccessful() ? result.getResult() : Optional.empty();
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /**
     * What the Analyzer does with one parsed file, each step's output checked against the file's text (with
     * {@code parse}, through JSqlParser and the rules too); the sites as extracted, before MyBatis
     * {@code <script>} expansion.
     */
    static List<SqlSite> extractAndAnalyze(Path path, String text, CompilationUnit unit, boolean parse) {
        List<JavaFile> files = List.of(new JavaFile(path, unit));
        JpaModel jpa = JpaModel.read(files, JpaNaming.SPRING);
        Schema schema = new Schema();
        jpa.applyTo(schema, (file, line, reason) -> FuzzChecks.check(line >= 0, "schema problem at line " + line));
        JavaSqlExtractor extractor = new JavaSqlExtractor(SinkCatalog.standard(), files, jpa,
                new ExtractionContext(List.of(), c -> jpa.entityByClass(c).map(JpaModel.Entity::table)), schema);
        FuzzChecks.TextBounds bounds = new FuzzChecks.TextBounds(text);
        List<SqlSite> sites = extractor.sites(files.get(0), u -> FuzzChecks.check(u.file().equals(path)
                && bounds.contains(u.line(), u.column()), "unresolved site outside the file: " + u.line() + ":" + u.column()));
        List<SqlSite> expanded = ScriptAnnotations.expand(sites, (kind, file, line, reason) ->
                FuzzChecks.check(file.equals(path) && line >= 0 && line <= bounds.lines(), "script problem at line " + line));
        FuzzChecks.checkSites(expanded, Map.of(path, bounds), jpa, parse);
        return sites;
    }
}
