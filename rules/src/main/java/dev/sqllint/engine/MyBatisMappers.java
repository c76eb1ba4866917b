package dev.sqllint.engine;

import dev.sqllint.extract.IgnoreComments;
import dev.sqllint.extract.SqlSite;
import dev.sqllint.mybatis.MapperFile;
import dev.sqllint.mybatis.MapperFiles;
import dev.sqllint.mybatis.MapperProblems;
import dev.sqllint.mybatis.MapperStatements;
import dev.sqllint.mybatis.MyBatisConfig;
import dev.sqllint.mybatis.PropertiesFromJava;
import dev.sqllint.extract.ProjectIndex;
import dev.sqllint.sql.SqlParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The run's MyBatis XML mappers: found under the resource and source roots, read, their fragments indexed
 * across all of them, their statements turned into SQL sites. What cannot be read becomes a
 * {@link Diagnostic}: a mapper file skipped, or a statement (or {@code <script>} annotation) with a gap.
 */
final class MyBatisMappers {

    private final List<MapperFile> files;
    private final int found;
    private final MapperStatements statements;

    private MyBatisMappers(List<MapperFile> files, int found, MapperStatements statements) {
        this.files = List.copyOf(files);
        this.found = found;
        this.statements = statements;
    }

    /**
     * Reads the mappers, and the MyBatis configuration beside them, for the project's database, with the properties
     * the project's Java sets for the rest of their {@code ${...}} ({@code java} and {@code index} read them: see
     * {@link PropertiesFromJava}); {@code parser} reads the substitutions nothing defines where they stand.
     */
    static MyBatisMappers read(AnalysisConfig config, List<Diagnostic> diagnostics, SqlParser parser,
                               PropertiesFromJava.JavaSources java, ProjectIndex index) {
        MapperProblems problems = problems(diagnostics);
        List<Path> roots = new ArrayList<>(config.resourceRoots());
        roots.addAll(config.sourceRoots());
        List<Path> paths = MapperFiles.find(roots, config.excludes(), problems);
        List<MapperFile> read = new ArrayList<>();
        for (Path p : paths) MapperFiles.read(p, config.maxFileBytes(), problems).ifPresent(read::add);
        MyBatisConfig mybatis = read.isEmpty() ? MyBatisConfig.none(config.dialect())
                : MyBatisConfig.read(MapperFiles.findConfigurations(roots, config.excludes(), problems), config.resourceRoots(),
                        config.dialect(), config.maxFileBytes(), problems);
        Set<String> undefined = new TreeSet<>();
        for (MapperFile file : read) undefined.addAll(file.substitutionNames());
        undefined.removeAll(mybatis.properties().keySet());
        mybatis = mybatis.with(PropertiesFromJava.read(undefined, java, index, config.dialect()));
        return new MyBatisMappers(read, paths.size(), new MapperStatements(read, problems, mybatis, parser));
    }

    /** The mappers read (a malformed one is not among them). */
    List<MapperFile> files() {
        return files;
    }

    /** How many mapper files were found, read or not: they count as files scanned. */
    int filesFound() {
        return found;
    }

    List<SqlSite> sites(MapperFile file) {
        return statements.sites(file);
    }

    IgnoreComments ignoreComments(MapperFile file) {
        return file.ignoreComments();
    }

    /** A malformed mapper is a skipped file; a statement with a gap is, like SQL that does not parse, a statement note. */
    static MapperProblems problems(List<Diagnostic> diagnostics) {
        return (kind, file, line, reason) -> diagnostics.add(new Diagnostic(
                kind == MapperProblems.Kind.FILE_SKIPPED ? Diagnostic.Kind.FILE_SKIPPED : Diagnostic.Kind.SQL_NOT_PARSED,
                file, line, reason));
    }
}
