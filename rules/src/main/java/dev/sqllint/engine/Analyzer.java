package dev.sqllint.engine;

import com.github.javaparser.JavaToken;
import com.github.javaparser.ParseResult;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import dev.sqllint.derived.DerivedQueries;
import dev.sqllint.extract.ExtractionContext;
import dev.sqllint.extract.IgnoreComments;
import dev.sqllint.extract.FileDependencies;
import dev.sqllint.extract.ProjectIndex;
import dev.sqllint.extract.sinks.SqlRelevance;
import dev.sqllint.extract.JavaFile;
import dev.sqllint.extract.JavaSqlExtractor;
import dev.sqllint.extract.MapperNamespaces;
import dev.sqllint.extract.Language;
import dev.sqllint.extract.sinks.SinkCatalog;
import dev.sqllint.extract.SqlSite;
import dev.sqllint.mybatis.DatabaseIds;
import dev.sqllint.mybatis.PropertiesFromJava;
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
import dev.sqllint.source.FileFacts;
import dev.sqllint.source.FileStamp;
import dev.sqllint.source.JavaOutline;
import dev.sqllint.source.JavaSourceReader;
import dev.sqllint.source.SourceFile;
import dev.sqllint.source.SourceFinder;
import dev.sqllint.sql.Dialect;
import dev.sqllint.sql.JpqlToSql;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.ParsedSql;
import dev.sqllint.sql.PlaceholderNormalizer;
import dev.sqllint.sql.SqlParser;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the pipeline: find sources, parse Java, extract SQL sites, normalise and parse each statement
 * variant, apply the rules, and map every violation back to a Java line and column. Bad input of any kind
 * becomes a {@link Diagnostic}; only the analysis of that file or statement is skipped.
 */
public final class Analyzer {

    private final List<Rule> rules;
    private final KeyModel fixedKeys;
    private final MemoryGuard memoryGuard;
    /** Syntax trees of files parsed on demand kept at once (a few MB each at most), and when the heap runs short. */
    private static final int LOADED_FILES = 96;
    private static final int LOADED_FILES_WHEN_SHORT = 8;

    /** All rules; keys from the project's schema sources, naming conventions where they are silent. */
    public Analyzer() {
        this(Rules.all(), null);
    }

    /** The given rules and key model (null: read the project's schema), for tests. */
    public Analyzer(List<Rule> rules, KeyModel keys) {
        this(rules, keys, MemoryGuard.ofHeap());
    }

    private Analyzer(List<Rule> rules, KeyModel keys, MemoryGuard memoryGuard) {
        this.rules = List.copyOf(rules);
        this.fixedKeys = keys;
        this.memoryGuard = memoryGuard;
    }

    /** The same analyzer judging the heap by {@code guard} (tests force a shortage with it). */
    Analyzer withMemoryGuard(MemoryGuard guard) {
        return new Analyzer(rules, fixedKeys, guard);
    }

    /**
     * The configuration an analysis runs with: the requested one, with the database the schema scripts name when
     * nothing else named it (see {@link SchemaLoader#withScriptDialect}).
     */
    public static AnalysisConfig effective(AnalysisConfig requested) {
        return SchemaLoader.withScriptDialect(requested);
    }

    public AnalysisResult analyze(AnalysisConfig requested) {
        long started = System.nanoTime();
        FileFactsCache facts = FileFactsCache.open(requested.cacheDir());
        SchemaLoader.Effective effective = SchemaLoader.effective(requested, facts);
        AnalysisConfig config = effective.config();
        Phases phases = new Phases();
        List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());
        List<String> cacheNotes = Collections.synchronizedList(new ArrayList<>());
        List<Path> sourceXml = new ArrayList<>(); // MyBatis mappers beside the code: mapper names and the run key
        List<SourceFile> sources = phases.time(Phases.Phase.FIND_SOURCES, () -> new SourceFinder(config.includes(), config.excludes())
                .find(config.sourceRoots(), (p, why) -> diagnostics.add(new Diagnostic(Diagnostic.Kind.FILE_SKIPPED, p, 0, why)),
                        sourceXml::add));
        Collections.sort(sourceXml);
        JavaSourceReader reader = new JavaSourceReader(config.encoding(), config.maxFileBytes());
        Catalog catalog = new Catalog();
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, config.threads()));
        HeapShortage shortage = new HeapShortage(memoryGuard);
        try (SqlParser sqlParser = new SqlParser(config.statementTimeout(), config.dialect(), phases.sqlParsing())) {
            OutlineCache outlines = phases.time(Phases.Phase.CACHE, () -> OutlineCache.open(config.cacheDir()));
            List<SourceText> texts = inParallel(pool, sources, s -> shortage.run(s.path(),
                    () -> phases.time(Phases.Phase.PRE_FILTER, () -> read(s, reader, catalog, outlines, diagnostics)),
                    why -> skipped(diagnostics, new Diagnostic(Diagnostic.Kind.FILE_SKIPPED, s.path(), 0, why))));
            Supplier<Set<String>> xmlMappers = once(() -> phases.time(Phases.Phase.PRE_FILTER, () -> {
                Set<String> names = MapperNamespaces.under(config.resourceRoots());
                names.addAll(MapperNamespaces.in(sourceXml));
                return names;
            }));
            SourceSelection selection = new SourceSelection(texts, config.preFilter(),
                    () -> MapperNamespaces.simpleNames(xmlMappers.get()), outlines::derived);
            ResultCache cache = phases.time(Phases.Phase.CACHE, () -> openCache(effective, selection, sourceXml, cacheNotes,
                    facts));
            phases.time(Phases.Phase.CACHE, () -> {
                selection.javaSourcesDigest(); // with the run key's digest of the types: kept with the outlines
                outlines.save();
            });
            Optional<RunSummary> unchanged = cache.previousSummary()
                    .filter(summary -> summary.answers(selection.javaSourcesDigest()));
            if (unchanged.isPresent()) {
                // the same run key and every Java file as the last run read it: its outcomes would all come back
                cacheNotes.add("cache: no source, schema or setting changed since the last run: its summary answers");
                phases.time(Phases.Phase.CACHE, () -> {
                    cache.answeredWhole();
                    facts.save();
                });
                int roots = unchanged.get().roots(); // the same files: the same roots
                AnalysisResult.Work work = new AnalysisResult.Work(texts.size(), roots, roots, 0, 0, cache.enabled(),
                        List.copyOf(cacheNotes), List.of(), List.of(), shortage.report(), phases.spent());
                return unchanged.get().result(diagnostics, sources.size(), started, work, AnalysisResult.ReadFor.of(config));
            }
            shortage.onShortage(cache::stop);
            Map<Path, FileOutcome> outcomes = new ConcurrentHashMap<>();
            List<SourceText> misses = new ArrayList<>();
            phases.time(Phases.Phase.CACHE, () -> {
                for (SourceText root : selection.roots()) {
                    Optional<FileOutcome> hit = cache.lookup(root.path(), root.digest(), selection::digestOf);
                    if (hit.isPresent()) outcomes.put(root.path(), hit.get());
                    else misses.add(root);
                }
            });
            Optional<ResultCache.Global> previous = misses.isEmpty()
                    ? cache.previousGlobal().filter(g -> g.holdsFor(selection.javaSourcesDigest())) : Optional.empty();
            Analysed analysed = previous.map(g -> new Analysed(g, 0, 0, List.<Path>of())).orElseGet(() ->
                    analyzeMisses(effective, catalog.sinks(), selection, misses, pool, sqlParser, cache, outcomes, shortage,
                            phases, xmlMappers.get()));
            ResultCache.Global run = analysed.global();
            List<FileOutcome> ordered = new ArrayList<>();
            for (SourceText root : selection.roots()) ordered.add(outcomes.get(root.path()));
            List<String> notes = new ArrayList<>(run.notes());
            DerivedQueries.note(ordered.stream().map(FileOutcome::derived).toList()).ifPresent(notes::add);
            RunSummary summary = RunSummary.of(selection.roots().size(), selection.javaSourcesDigest(),
                    concat(ordered, run.mappers()), run, notes);
            phases.time(Phases.Phase.CACHE, () -> {
                cache.global(run, summary);
                cache.save(cacheNotes::add);
                facts.save();
            });
            AnalysisResult.Work work = new AnalysisResult.Work(texts.size(), selection.roots().size(),
                    selection.roots().size() - misses.size(), analysed.parsedUpFront(), analysed.parsedOnDemand(),
                    cache.enabled(), List.copyOf(cacheNotes), misses.stream().map(SourceText::path).toList(),
                    analysed.parsedFiles(), shortage.report(), phases.spent());
            return summary.result(diagnostics, sources.size(), started, work, AnalysisResult.ReadFor.of(config));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Initialises both parsers' classes (large static tables) before any file is parsed or analysed: a class whose
     * initialiser runs out of heap stays unusable for the rest of the JVM's life, so that must not happen in the
     * middle of a run whose heap is running short. Only when something is to be analysed: a run the cache answers
     * entirely never loads either parser (two seconds of a cold JVM's class loading, 13 % of a warm ThingsBoard run).
     */
    private static void warmUp(SqlParser sqlParser) {
        parse("class A { String s = \"SELECT 1\"; }", false);
        sqlParser.parse(SqlText.of("SELECT a FROM t WHERE b = ?", Origin.at(Path.of("warm-up"), 1, 1)));
    }

    /** The results of the last run, valid only if nothing they depend on beyond their files' reads has changed. */
    private ResultCache openCache(SchemaLoader.Effective effective, SourceSelection selection, List<Path> sourceXml,
                                  List<String> notes, FileFacts facts) {
        AnalysisConfig config = effective.config();
        if (config.cacheDir() == null) return ResultCache.none();
        String keyModel = fixedKeys == null ? "schema" : fixedKeys.getClass().getName();
        String key = RunKey.of(config, rules, keyModel, selection, effective.schemaFiles(), sourceXml, facts);
        return ResultCache.open(config.cacheDir(), key, notes::add);
    }

    /** The run's global part, how many Java files were parsed up front and on demand to compute it, and which. */
    private record Analysed(ResultCache.Global global, int parsedUpFront, int parsedOnDemand, List<Path> parsedFiles) {
    }

    /**
     * Analyses the roots the cache could not answer for: parses them and what every analysis needs up front
     * (mapped and suppressing files), loads the schema, analyses each file recording which files it read, and
     * the MyBatis mappers. Returns the run's global part.
     */
    private Analysed analyzeMisses(SchemaLoader.Effective effective, SinkCatalog catalog, SourceSelection selection,
                                   List<SourceText> misses, ForkJoinPool pool, SqlParser sqlParser, ResultCache cache,
                                   Map<Path, FileOutcome> outcomes, HeapShortage shortage, Phases phases,
                                   Set<String> xmlMappers) {
        AnalysisConfig config = effective.config();
        warmUp(sqlParser);
        // kept parsed all run: the schema and the suppressions need them; every other file is parsed when it is
        // analysed or asked about, and dropped again (bounded memory)
        List<SourceText> kept = selection.upFront(List.of());
        List<Parsed> parsed = inParallel(pool, kept, t -> shortage.run(t.path(), () -> parseJava(t, phases),
                why -> new Parsed(t.path(), null, new Diagnostic(Diagnostic.Kind.FILE_SKIPPED, t.path(), 0, why))));
        Map<Path, Parsed> byPath = new ConcurrentHashMap<>();
        for (Parsed p : parsed) byPath.put(p.path(), p);
        List<JavaFile> javaFiles = parsed.stream().map(Parsed::file).filter(java.util.Objects::nonNull).toList();
        ProjectIndex index = new ProjectIndex(javaFiles, selection.typesOutside(kept), path -> {
            SourceText text = selection.text(path);
            if (text == null) return Optional.empty();
            Parsed p = parseJava(text, phases);
            if (p.file() == null) byPath.put(path, p); // why it failed, for its outcome if it is analysed
            return Optional.ofNullable(p.file());
        }, LOADED_FILES, path -> selection.text(path) == null || !selection.text(path).outline().supertypes().isEmpty());
        shortage.onShortage(() -> index.shrinkTo(LOADED_FILES_WHEN_SHORT));
        List<Diagnostic> global = Collections.synchronizedList(new ArrayList<>());
        List<JavaFile> mappedFiles = filesOf(selection.mapped(), byPath);
        SchemaLoader.Loaded schema = phases.time(Phases.Phase.SCHEMA, () -> SchemaLoader.load(config, mappedFiles,
                (file, line, why) -> global.add(new Diagnostic(Diagnostic.Kind.SCHEMA_SKIPPED, file, line, why)), index,
                effective.facts()));
        java.util.function.Predicate<String> declared = t -> schema.schema().table(t).isPresent();
        KeyModel keys = fixedKeys != null ? fixedKeys
                : new SchemaKeyModel(schema.schema(), new NamingConventions(), config.historyTables());
        JavaSqlExtractor extractor = new JavaSqlExtractor(catalog, index, mappedFiles, schema.jpa(),
                new ExtractionContext(config.resourceRoots(), c -> schema.jpa().entityByClass(c).map(JpaModel.Entity::table),
                        xmlMappers),
                schema.schema());
        shortage.onShortage(extractor::dropMemos);
        // every analysis uses the schema: where the JPA model read constants of other files, each file's results
        // depend on those files too (the mapped files themselves are in the run's key)
        Set<Path> schemaReads = new HashSet<>(schema.jpa().constantFiles());
        selection.mapped().forEach(t -> schemaReads.remove(t.path()));
        Suppressor suppressor = new Suppressor(filesOf(selection.suppressing(), byPath));
        Duration budget = config.fileTimeBudget();
        List<SourceText> upFront = selection.upFront(misses); // what the summary counts as parsed up front
        inParallel(pool, misses, t -> {
            Set<Path> reads = new HashSet<>(schemaReads);
            FileOutcome outcome = shortage.run(t.path(), () -> index.using(t.path(), () -> {
                        JavaFile file = index.load(t.path()).orElse(null);
                        if (file == null) return FileOutcome.failed(failure(byPath.get(t.path()), t.path()));
                        return FileDependencies.recording(reads, () -> analyzeFile(file, extractor, sqlParser, keys,
                                schema.jpa(), suppressor.in(file), budget, config.dialect(), declared, phases));
                    }),
                    why -> FileOutcome.failed(new Diagnostic(Diagnostic.Kind.FILE_SKIPPED, t.path(), 0, why)));
            Map<String, String> readDigests = new HashMap<>();
            for (Path r : reads) {
                String digest = selection.digestOf(r.toString());
                if (digest != null) readDigests.put(r.toString(), digest);
            }
            outcomes.put(t.path(), outcome);
            phases.time(Phases.Phase.CACHE, () -> cache.put(t.path(), t.digest(), readDigests, outcome));
            return outcome;
        });
        MyBatisMappers mappers = phases.time(Phases.Phase.MYBATIS_XML,
                () -> MyBatisMappers.read(config, global, sqlParser, javaSources(selection, index, pool), index));
        List<FileOutcome> mapperOutcomes = inParallel(pool, mappers.files(),
                m -> shortage.run(m.path(), () -> analyzeMapper(m, mappers, sqlParser, keys, schema.jpa(), suppressor, budget,
                        config.dialect(), declared, phases),
                        why -> FileOutcome.failed(new Diagnostic(Diagnostic.Kind.FILE_SKIPPED, m.path(), 0, why))));
        return new Analysed(new ResultCache.Global(schema.summary(), schema.notes(), List.copyOf(global),
                mappers.filesFound(), mapperOutcomes, selection.javaSourcesDigest()), upFront.size(), onDemand(index, upFront),
                parsedFiles(index, upFront));
    }

    /** Every Java file parsed, up front or on demand, in path order. */
    private static List<Path> parsedFiles(ProjectIndex index, List<SourceText> upFront) {
        Set<Path> all = new java.util.TreeSet<>(index.loadedPaths());
        for (SourceText t : upFront) all.add(t.path());
        return List.copyOf(all);
    }

    /** The run's Java files whose text passes a test (read in parallel), parsed through the index. */
    private static PropertiesFromJava.JavaSources javaSources(SourceSelection selection, ProjectIndex index, ForkJoinPool pool) {
        return test -> inParallel(pool, selection.all(), t -> test.test(t.text()) ? t.path() : null).stream()
                .map(index::load).flatMap(Optional::stream).toList();
    }

    /** The files parsed only because an analysis asked about them (not analysed, not kept all run). */
    private static int onDemand(ProjectIndex index, List<SourceText> upFront) {
        Set<Path> planned = new HashSet<>();
        for (SourceText t : upFront) planned.add(t.path());
        int n = 0;
        for (Path p : index.loadedPaths()) if (!planned.contains(p)) n++;
        return n;
    }

    private static Diagnostic failure(Parsed parsed, Path file) {
        return parsed != null && parsed.failure() != null ? parsed.failure()
                : new Diagnostic(Diagnostic.Kind.JAVA_NOT_PARSED, file, 0, "Java does not parse");
    }

    private static List<JavaFile> filesOf(List<SourceText> texts, Map<Path, Parsed> parsed) {
        List<JavaFile> out = new ArrayList<>();
        for (SourceText t : texts) {
            Parsed p = parsed.get(t.path());
            if (p != null && p.file() != null) out.add(p.file());
        }
        return out;
    }

    /** {@code compute}'s value, computed when first asked for. */
    private static <T> Supplier<T> once(Supplier<T> compute) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = compute.get();
                return value;
            }
        };
    }

    /** Maps in parallel, keeping input order and dropping nulls; the output does not depend on the thread count. */
    private static <A, B> List<B> inParallel(ForkJoinPool pool, List<A> in, Function<A, B> f) {
        try {
            return pool.submit(() -> in.parallelStream().map(f).filter(java.util.Objects::nonNull).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("analysis interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) throw error; // OutOfMemoryError: the caller's to handle
            throw new IllegalStateException("analysis failed: " + e.getCause(), e.getCause());
        }
    }

    private static <T> T skipped(List<Diagnostic> diagnostics, Diagnostic why) {
        diagnostics.add(why);
        return null;
    }

    /**
     * Reads a file's bytes; its outline from the last run when the content is the same, else scans it. A file whose
     * {@link FileStamp} says it is as the last run read it is not read now: its digest and outline are the last
     * run's, its text is read if something parses it.
     */
    private static SourceText read(SourceFile source, JavaSourceReader reader, Catalog catalog,
                                   OutlineCache outlines, List<Diagnostic> diagnostics) {
        FileStamp stamp = FileStamp.of(source.path());
        OutlineCache.Entry known = outlines.unchanged(source.path(), stamp);
        if (known != null && reader.withinLimit(stamp.size())) {
            outlines.keep(source.path(), known);
            return new SourceText(source, null, known.digest(), known.outline(), reader);
        }
        JavaSourceReader.Bytes read = reader.readBytes(source);
        if (read.bytes() == null) {
            diagnostics.add(new Diagnostic(Diagnostic.Kind.FILE_SKIPPED, source.path(), 0, read.skipped()));
            return null;
        }
        JavaOutline outline = outlines.get(source.path(), read.digest());
        if (outline == null) outline = JavaOutline.of(reader.decode(read.bytes()), catalog.relevance());
        outlines.put(source.path(), read.digest(), outline, stamp);
        return new SourceText(source, read.bytes(), read.digest(), outline, reader);
    }

    /**
     * The sink catalogue and the pre-filter's signals drawn from it, built when a file is first scanned or analysed:
     * a run the caches answer entirely needs neither.
     */
    private static final class Catalog {
        private SinkCatalog sinks;
        private SqlRelevance relevance;

        synchronized SinkCatalog sinks() {
            if (sinks == null) sinks = SinkCatalog.standard();
            return sinks;
        }

        synchronized SqlRelevance relevance() {
            if (relevance == null) relevance = new SqlRelevance(sinks());
            return relevance;
        }
    }

    /** A parsed file, or why it did not parse. */
    private record Parsed(Path path, JavaFile file, Diagnostic failure) {
    }

    private static Parsed parseJava(SourceText source, Phases phases) {
        return phases.time(Phases.Phase.JAVA_PARSER, () -> parseJava(source));
    }

    private static Parsed parseJava(SourceText source) {
        try {
            String text = source.text();
            ParseResult<CompilationUnit> result = parse(text, false);
            if (!result.isSuccessful() && text.contains("\\u")) {
                // \u0022 as a string's own quotes: javac translates escapes before lexing, JavaParser only when asked
                // (then columns inside a string with escapes are off by five per escape; lines stay right)
                ParseResult<CompilationUnit> translated = parse(text, true);
                if (translated.isSuccessful()) result = translated;
            }
            if (!result.isSuccessful() || result.getResult().isEmpty()) {
                Problem p = result.getProblems().isEmpty() ? null : result.getProblems().get(0);
                Optional<Position> at = p == null ? Optional.empty() : p.getLocation().flatMap(l -> culprit(l.getBegin()));
                String why = p == null ? "does not parse" : p.getMessage().lines().findFirst().orElse("does not parse");
                return new Parsed(source.path(), null, new Diagnostic(Diagnostic.Kind.JAVA_NOT_PARSED, source.path(),
                        at.map(q -> q.line).orElse(0), at.map(q -> q.column).orElse(0), "Java does not parse: " + why));
            }
            return new Parsed(source.path(), new JavaFile(source.path(), result.getResult().get()), null);
        } catch (RuntimeException | StackOverflowError e) {
            return new Parsed(source.path(), null, new Diagnostic(Diagnostic.Kind.JAVA_NOT_PARSED, source.path(), 0,
                    "Java parser failed: " + e.getClass().getSimpleName()));
        }
    }

    /**
     * Where the parser stopped: a problem's location starts at the last token it accepted, so the token it
     * rejected ("Found ...") is the next one that is not white space or a comment.
     */
    private static Optional<Position> culprit(JavaToken lastAccepted) {
        Optional<JavaToken> next = lastAccepted.getNextToken();
        while (next.isPresent() && next.get().getCategory().isWhitespaceOrComment()) next = next.get().getNextToken();
        return next.or(() -> Optional.of(lastAccepted)).flatMap(JavaToken::getRange).map(r -> r.begin);
    }

    private static ParseResult<CompilationUnit> parse(String text, boolean unicodeEscapes) {
        return JavaSyntax.parse(text, unicodeEscapes);
    }

    private FileOutcome analyzeFile(JavaFile file, JavaSqlExtractor extractor, SqlParser sqlParser, KeyModel keys,
                                    JpaModel jpa, Suppressor.InFile suppressions, Duration budget, Dialect dialect,
                                    java.util.function.Predicate<String> declared, Phases phases) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        try {
            SourceCounts.Builder counts = new SourceCounts.Builder();
            List<SqlSite> sites = phases.time(Phases.Phase.EXTRACTION, () -> {
                diagnostics.addAll(UnknownRuleNames.in(file));
                List<SqlSite> found = extractor.sites(file, counts::unresolved);
                return ScriptAnnotations.expand(found, MyBatisMappers.problems(diagnostics), DatabaseIds.of(dialect));
            });
            return analyzeSites(file.path(), sites, sqlParser, keys, jpa, diagnostics, suppressions::mark, counts, budget,
                    extractor.derivedTally(file.path()), dialect, declared, phases);
        } catch (RuntimeException | StackOverflowError e) {
            return FileOutcome.failed(new Diagnostic(Diagnostic.Kind.JAVA_NOT_PARSED, file.path(), 0,
                    "analysis of this file failed: " + e.getClass().getSimpleName() + " " + e.getMessage()));
        }
    }

    /** The statements of one MyBatis XML mapper; its {@code <!-- sqllint:ignore -->} comments suppress. */
    private FileOutcome analyzeMapper(MapperFile mapper, MyBatisMappers mappers, SqlParser sqlParser, KeyModel keys,
                                      JpaModel jpa, Suppressor suppressor, Duration budget, Dialect dialect,
                                      java.util.function.Predicate<String> declared, Phases phases) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        try {
            IgnoreComments comments = mappers.ignoreComments(mapper);
            diagnostics.addAll(UnknownRuleNames.in(mapper.path(), comments));
            Suppressor.InFile suppressions = suppressor.in(mapper.path(), comments);
            List<SqlSite> sites = phases.time(Phases.Phase.MYBATIS_XML, () -> mappers.sites(mapper));
            return analyzeSites(mapper.path(), sites, sqlParser, keys, jpa, diagnostics, suppressions::mark,
                    new SourceCounts.Builder(), budget, FileOutcome.NO_DERIVED, dialect, declared, phases);
        } catch (RuntimeException | StackOverflowError e) {
            return FileOutcome.failed(new Diagnostic(Diagnostic.Kind.FILE_SKIPPED, mapper.path(), 0,
                    "analysis of this mapper failed: " + e.getClass().getSimpleName() + " " + e.getMessage()));
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

    /**
     * Normalises, parses and checks every variant of every site of one file, until the file's time budget runs
     * out (then the rest is skipped with a note: one pathological file must not hold up the build).
     */
    private FileOutcome analyzeSites(Path file, List<SqlSite> sites, SqlParser sqlParser, KeyModel keys, JpaModel jpa,
                                     List<Diagnostic> diagnostics, Marker suppressions, SourceCounts.Builder counts,
                                     Duration budget, DerivedQueries.Tally derived, Dialect dialect,
                                     java.util.function.Predicate<String> declared, Phases phases) {
        // normalising and translating count as extraction; JSqlParser's parses and the rules as themselves
        return phases.time(Phases.Phase.EXTRACTION, () -> analyzeSites(file, sites, sqlParser, keys, jpa, diagnostics,
                suppressions, counts, budget, derived, dialect, declared, (Supplier<List<Finding>> checks) ->
                        phases.time(Phases.Phase.RULES, checks)));
    }

    private FileOutcome analyzeSites(Path file, List<SqlSite> sites, SqlParser sqlParser, KeyModel keys, JpaModel jpa,
                                     List<Diagnostic> diagnostics, Marker suppressions, SourceCounts.Builder counts,
                                     Duration budget, DerivedQueries.Tally derived, Dialect dialect,
                                     java.util.function.Predicate<String> declared,
                                     Function<Supplier<List<Finding>>, List<Finding>> rulesPhase) {
        UsedTables used = new UsedTables(declared);
        List<Finding> findings = new ArrayList<>();
        // calls in loops over query rows whose SQL is written elsewhere: judged for the loop only, and not counted as
        // SQL sites (their SQL is counted where it is written)
        List<SqlSite> loopCalls = sites.stream().filter(SqlSite::isLoopCall).toList();
        if (!loopCalls.isEmpty()) {
            findings.addAll(rulesPhase.apply(() -> loopCallFindings(loopCalls, dialect, suppressions, diagnostics)));
            sites = sites.stream().filter(s -> !s.isLoopCall()).toList();
        }
        sites.forEach(counts::site);
        int parsed = 0;
        int notParsed = 0;
        long deadline = System.nanoTime() + budget.toNanos();
        int done = 0;
        int total = sites.stream().mapToInt(s -> s.variants().size()).sum();
        for (SqlSite site : sites) {
            for (SqlText variant : site.variants()) {
                if (done > 0 && System.nanoTime() > deadline) { // the first always: a budget bounds the rest
                    diagnostics.add(new Diagnostic(Diagnostic.Kind.FILE_SKIPPED, file, site.line(),
                            "the file's time budget (" + budget.toMillis() + " ms) ran out: " + (total - done)
                                    + " of " + total + " statements not analysed"));
                    return new FileOutcome(sites.size(), parsed, notParsed, findings, counts.build(),
                            List.copyOf(diagnostics), derived, used.undeclared());
                }
                done++;
                SqlText sql = PlaceholderNormalizer.normalize(variant, site.entity());
                Language language = site.language();
                if (language == Language.JPQL) sql = JpqlToSql.stripConstructorExpressions(sql);
                SqlParser.Result result = sqlParser.parse(sql);
                ParsedSql written = result.ok() && language == Language.JPQL ? result.parsed() : null;
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
                if (site.language() == Language.SQL) used.add(result.parsed().statement()); // JPQL may leave paths
                SqlText checked = sql;
                Language checkedAs = language;
                SqlParser.Result accepted = result;
                findings.addAll(rulesPhase.apply(() -> {
                    Query query = new Query(accepted.parsed(), checkedAs, keys, dialect, site.zeroTest(),
                            new Query.Jpa(written, site.entity(), site.paging(), site.repositoryCall()), site.loop());
                    List<Finding> out = new ArrayList<>();
                    for (Rule rule : rules) {
                        for (Violation v : safeCheck(rule, query, site, diagnostics)) {
                            out.add(suppressions.mark(toFinding(rule, v, site, checked), site, checked.originAt(v.offset())));
                        }
                    }
                    return out;
                }));
            }
        }
        return new FileOutcome(sites.size(), parsed, notParsed, findings, counts.build(), List.copyOf(diagnostics), derived,
                used.undeclared());
    }

    private List<Finding> loopCallFindings(List<SqlSite> calls, Dialect dialect, Marker suppressions,
                                           List<Diagnostic> diagnostics) {
        List<Finding> out = new ArrayList<>();
        for (SqlSite call : calls) {
            for (Rule rule : rules) {
                List<Violation> found;
                try {
                    found = rule.checkLoopCall(call.loop(), dialect);
                } catch (RuntimeException | StackOverflowError e) {
                    diagnostics.add(new Diagnostic(Diagnostic.Kind.SQL_NOT_PARSED, call.file(), call.line(),
                            rule.info().name() + " could not analyse this call: " + e.getClass().getSimpleName()));
                    continue;
                }
                for (Violation v : found) {
                    Finding f = new Finding(rule.info().name(), v.severity() != null ? v.severity() : rule.info().severity(),
                            call.file(), call.line(), call.column(), v.message(), call.api(), call.owner(),
                            call.loop().inner(), v.proved(), null);
                    out.add(suppressions.mark(f, call, Origin.at(call.file(), call.line(), call.column())));
                }
            }
        }
        return out;
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
        return new Finding(rule.info().name(), v.severity() != null ? v.severity() : rule.info().severity(), file, line,
                column, message, site.api(),
                site.owner(), sql.text().replaceAll("\\s+", " ").trim(), v.proved(), null);
    }

    private static String brief(String sql) {
        String s = sql.replaceAll("\\s+", " ").trim();
        return s.length() <= 240 ? s : s.substring(0, 239) + "…";
    }

}
