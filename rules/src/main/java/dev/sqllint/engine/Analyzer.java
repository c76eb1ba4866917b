package dev.sqllint.engine;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import dev.sqllint.extract.ExtractionContext;
import dev.sqllint.extract.JavaFile;
import dev.sqllint.extract.JavaSqlExtractor;
import dev.sqllint.extract.Language;
import dev.sqllint.extract.SinkCatalog;
import dev.sqllint.extract.SqlSite;
import dev.sqllint.mybatis.MapperFile;
import dev.sqllint.mybatis.ScriptAnnotations;
import dev.sqllint.rules.Query;
import dev.sqllint.rules.Rule;
import dev.sqllint.rules.Rules;
import dev.sqllint.rules.Violation;
import dev.sqllint.schema.JpaModel;
import dev.sqllint.schema.KeyModel;
import dev.sqllint.schema.NamingConventions;
import dev.sqllint.schema.SchemaKeyModel;
import dev.sqllint.source.JavaSourceReader;
import dev.sqllint.source.SourceFile;
import dev.sqllint.source.SourceFinder;
import dev.sqllint.sql.JpqlToSql;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.PlaceholderNormalizer;
import dev.sqllint.sql.SqlParser;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * Runs the pipeline: find sources, parse Java, extract SQL sites, normalise and parse each statement
 * variant, apply the rules, and map every violation back to a Java line and column. Bad input of any kind
 * becomes a {@link Diagnostic}; only the analysis of that file or statement is skipped.
 */
public final class Analyzer {

    private final List<Rule> rules;
    private final KeyModel fixedKeys;

    /** All rules; keys from the project's schema sources, naming conventions where they are silent. */
    public Analyzer() {
        this(Rules.all(), null);
    }

    /** The given rules and key model (null: read the project's schema), for tests. */
    public Analyzer(List<Rule> rules, KeyModel keys) {
        this.rules = List.copyOf(rules);
        this.fixedKeys = keys;
    }

    public AnalysisResult analyze(AnalysisConfig config) {
        long started = System.nanoTime();
        List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());
        List<SourceFile> sources = new SourceFinder(config.includes(), config.excludes())
                .find(config.sourceRoots(), (p, why) -> diagnostics.add(new Diagnostic(Diagnostic.Kind.FILE_SKIPPED, p, 0, why)));
        JavaSourceReader reader = new JavaSourceReader(config.encoding(), config.maxFileBytes());
        MyBatisMappers mappers = MyBatisMappers.read(config, diagnostics);
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, config.threads()));
        try (SqlParser sqlParser = new SqlParser(config.statementTimeout())) {
            List<JavaFile> javaFiles = inParallel(pool, sources, s -> parseJava(s, reader, diagnostics));
            SchemaLoader.Loaded schema = SchemaLoader.load(config, javaFiles,
                    (file, line, why) -> diagnostics.add(new Diagnostic(Diagnostic.Kind.SCHEMA_SKIPPED, file, line, why)));
            KeyModel keys = fixedKeys != null ? fixedKeys
                    : new SchemaKeyModel(schema.schema(), new NamingConventions(), config.historyTables());
            JavaSqlExtractor extractor = new JavaSqlExtractor(SinkCatalog.standard(), javaFiles, schema.jpa(),
                    new ExtractionContext(config.resourceRoots(), c -> schema.jpa().entityByClass(c).map(JpaModel.Entity::table)),
                    schema.schema());
            Suppressor suppressor = new Suppressor(javaFiles);
            List<FileOutcome> outcomes = inParallel(pool, javaFiles,
                    f -> analyzeFile(f, extractor, sqlParser, keys, schema.jpa(), diagnostics, suppressor.in(f)));
            List<FileOutcome> mapperOutcomes = inParallel(pool, mappers.files(),
                    m -> analyzeMapper(m, mappers, sqlParser, keys, schema.jpa(), diagnostics, suppressor));
            List<String> notes = new ArrayList<>(schema.notes());
            extractor.derivedQueryNote().ifPresent(notes::add);
            return summarize(concat(outcomes, mapperOutcomes), diagnostics, sources.size() + mappers.filesFound(), started,
                    schema.summary(), notes);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Maps in parallel, keeping input order and dropping nulls; the output does not depend on the thread count. */
    private static <A, B> List<B> inParallel(ForkJoinPool pool, List<A> in, Function<A, B> f) {
        try {
            return pool.submit(() -> in.parallelStream().map(f).filter(java.util.Objects::nonNull).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("analysis interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("analysis failed: " + e.getCause(), e.getCause());
        }
    }

    private static JavaFile parseJava(SourceFile source, JavaSourceReader reader, List<Diagnostic> diagnostics) {
        JavaSourceReader.Read read = reader.read(source);
        if (read.text() == null) {
            diagnostics.add(new Diagnostic(Diagnostic.Kind.FILE_SKIPPED, source.path(), 0, read.skipped()));
            return null;
        }
        try {
            JavaParser parser = new JavaParser(new ParserConfiguration()
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
            ParseResult<CompilationUnit> result = parser.parse(read.text());
            if (!result.isSuccessful() || result.getResult().isEmpty()) {
                Problem p = result.getProblems().isEmpty() ? null : result.getProblems().get(0);
                int line = p == null ? 0 : p.getLocation().flatMap(l -> l.getBegin().getRange())
                        .map(r -> r.begin.line).orElse(0);
                String why = p == null ? "does not parse" : p.getMessage().lines().findFirst().orElse("does not parse");
                diagnostics.add(new Diagnostic(Diagnostic.Kind.JAVA_NOT_PARSED, source.path(), line, "Java does not parse: " + why));
                return null;
            }
            return new JavaFile(source.path(), result.getResult().get());
        } catch (RuntimeException | StackOverflowError e) {
            diagnostics.add(new Diagnostic(Diagnostic.Kind.JAVA_NOT_PARSED, source.path(), 0,
                    "Java parser failed: " + e.getClass().getSimpleName()));
            return null;
        }
    }

    /** Per file: its sites, how many statements parsed, and its findings. */
    private record FileOutcome(int sites, int parsed, int notParsed, List<Finding> findings, SourceCounts sources) {
    }

    private FileOutcome analyzeFile(JavaFile file, JavaSqlExtractor extractor, SqlParser sqlParser, KeyModel keys,
                                    JpaModel jpa, List<Diagnostic> diagnostics, Suppressor.InFile suppressions) {
        try {
            SourceCounts.Builder counts = new SourceCounts.Builder();
            List<SqlSite> sites = extractor.sites(file, counts::unresolved);
            sites = ScriptAnnotations.expand(sites, MyBatisMappers.problems(diagnostics));
            return analyzeSites(sites, sqlParser, keys, jpa, diagnostics, suppressions::mark, counts);
        } catch (RuntimeException | StackOverflowError e) {
            diagnostics.add(new Diagnostic(Diagnostic.Kind.JAVA_NOT_PARSED, file.path(), 0,
                    "analysis of this file failed: " + e.getClass().getSimpleName() + " " + e.getMessage()));
            return new FileOutcome(0, 0, 0, List.of(), SourceCounts.NONE);
        }
    }

    /** The statements of one MyBatis XML mapper; its {@code <!-- sqllint:ignore -->} comments suppress. */
    private FileOutcome analyzeMapper(MapperFile mapper, MyBatisMappers mappers, SqlParser sqlParser, KeyModel keys,
                                      JpaModel jpa, List<Diagnostic> diagnostics, Suppressor suppressor) {
        try {
            Suppressor.InFile suppressions = suppressor.in(mapper.path(), mappers.ignoreComments(mapper));
            return analyzeSites(mappers.sites(mapper), sqlParser, keys, jpa, diagnostics, suppressions::mark,
                    new SourceCounts.Builder());
        } catch (RuntimeException | StackOverflowError e) {
            diagnostics.add(new Diagnostic(Diagnostic.Kind.FILE_SKIPPED, mapper.path(), 0,
                    "analysis of this mapper failed: " + e.getClass().getSimpleName() + " " + e.getMessage()));
            return new FileOutcome(0, 0, 0, List.of(), SourceCounts.NONE);
        }
    }

    /** Marks a finding the code suppresses; {@code origin} is where its SQL text came from. */
    private interface Marker {
        Finding mark(Finding finding, SqlSite site, Origin origin);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Normalises, parses and checks every variant of every site of one file. */
    private FileOutcome analyzeSites(List<SqlSite> sites, SqlParser sqlParser, KeyModel keys, JpaModel jpa,
                                     List<Diagnostic> diagnostics, Marker suppressions, SourceCounts.Builder counts) {
        sites.forEach(counts::site);
        int parsed = 0;
        int notParsed = 0;
        List<Finding> findings = new ArrayList<>();
        for (SqlSite site : sites) {
            for (SqlText variant : site.variants()) {
                SqlText sql = PlaceholderNormalizer.normalize(variant, site.entity());
                Language language = site.language();
                if (language == Language.JPQL) sql = JpqlToSql.stripConstructorExpressions(sql);
                SqlParser.Result result = sqlParser.parse(sql);
                if (result.ok() && language == Language.JPQL) {
                    // JPQL is judged as the SQL its mapping runs, when the entities are known
                    Optional<SqlText> translated = JpqlToSql.translate(result.parsed(), jpa);
                    SqlParser.Result asSql = translated.map(sqlParser::parse).orElse(null);
                    if (asSql != null && asSql.ok()) {
                        sql = translated.get();
                        result = asSql;
                        language = Language.SQL;
                    }
                }
                counts.variant(site, result.ok());
                if (!result.ok()) {
                    notParsed++;
                    diagnostics.add(new Diagnostic(Diagnostic.Kind.SQL_NOT_PARSED, site.file(), site.line(),
                            site.api() + ": " + result.failure() + " in: " + brief(sql.text())));
                    continue;
                }
                parsed++;
                Query query = new Query(result.parsed(), language, keys);
                for (Rule rule : rules) {
                    for (Violation v : safeCheck(rule, query, site, diagnostics)) {
                        findings.add(suppressions.mark(toFinding(rule, v, site, sql), site, sql.originAt(v.offset())));
                    }
                }
            }
        }
        return new FileOutcome(sites.size(), parsed, notParsed, findings, counts.build());
    }

    private static List<Violation> safeCheck(Rule rule, Query query, SqlSite site, List<Diagnostic> diagnostics) {
        try {
            return rule.check(query);
        } catch (RuntimeException | StackOverflowError e) {
            diagnostics.add(new Diagnostic(Diagnostic.Kind.SQL_NOT_PARSED, site.file(), site.line(),
                    rule.info().name() + " could not analyse this statement: " + e.getClass().getSimpleName()));
            return List.of();
        }
    }

    /**
     * Maps the violation's SQL offset to Java. SQL from a constant of another file is reported at the call
     * site (where the team reviewing the change looks), naming the constant and where it is.
     */
    private static Finding toFinding(Rule rule, Violation v, SqlSite site, SqlText sql) {
        Origin o = sql.originAt(v.offset());
        String message = v.message();
        int line = o.line();
        int column = o.column();
        Path file = o.file();
        if (!o.file().equals(site.file())) {
            message += " [SQL from " + o.viaConstant() + ", text at " + o.file().getFileName() + ":" + o.line() + "]";
            file = site.file();
            line = site.line();
            column = site.column();
        } else if (o.viaConstant() != null) {
            message += " [SQL from " + o.viaConstant() + "]";
        }
        return new Finding(rule.info().name(), rule.info().severity(), file, line, column, message, site.api(),
                site.owner(), sql.text().replaceAll("\\s+", " ").trim(), v.proved(), null);
    }

    private static String brief(String sql) {
        String s = sql.replaceAll("\\s+", " ").trim();
        return s.length() <= 240 ? s : s.substring(0, 239) + "…";
    }

    private static AnalysisResult summarize(List<FileOutcome> outcomes, List<Diagnostic> diagnostics, int files, long started,
                                            AnalysisResult.SchemaSummary schema, List<String> notes) {
        int sites = 0;
        int parsed = 0;
        int notParsed = 0;
        Map<String, Finding> unique = new LinkedHashMap<>();
        for (FileOutcome o : outcomes) {
            sites += o.sites();
            parsed += o.parsed();
            notParsed += o.notParsed();
            // variants of one statement share most findings: report each (rule, position) once
            for (Finding f : o.findings()) unique.putIfAbsent(f.rule() + "|" + f.file() + "|" + f.line() + "|" + f.column(), f);
        }
        List<Finding> findings = new ArrayList<>(unique.values());
        findings.sort(Comparator.comparing((Finding f) -> f.file().toString()).thenComparingInt(Finding::line)
                .thenComparingInt(Finding::column).thenComparing(Finding::rule));
        List<Diagnostic> diags = new ArrayList<>(diagnostics);
        diags.sort(Comparator.comparing((Diagnostic d) -> d.file().toString()).thenComparingInt(Diagnostic::line)
                .thenComparing(Diagnostic::reason));
        return new AnalysisResult(List.copyOf(findings), List.copyOf(diags), files, sites, parsed, notParsed,
                (System.nanoTime() - started) / 1_000_000, schema, List.copyOf(notes),
                SourceCounts.merge(outcomes.stream().map(FileOutcome::sources).toList()));
    }
}
