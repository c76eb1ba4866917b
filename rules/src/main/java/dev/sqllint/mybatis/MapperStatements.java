package dev.sqllint.mybatis;

import dev.sqllint.extract.Language;
import dev.sqllint.extract.SqlSite;
import dev.sqllint.extract.Suppressions;
import dev.sqllint.sql.Dialect;
import dev.sqllint.sql.SqlParser;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQL sites of MyBatis XML mappers: one per {@code <select>}, {@code <insert>}, {@code <update>} and
 * {@code <delete>}, at its start tag, owned by {@code namespace.id}, with the variants of its dynamic SQL.
 * Fragments are looked up across every mapper given, so a {@code refid="other.namespace.id"} resolves.
 *
 * <p>As MyBatis loads them for the project's database: a statement whose {@code databaseId} names another
 * database is not loaded, nor one without a {@code databaseId} when a statement of the same id has ours. The
 * configuration's properties are substituted, and each {@code ${name}} left is read where it stands (see
 * {@link UnknownSubstitutions}, which parses when a parser is given).
 */
public final class MapperStatements {

    private static final String[] STATEMENTS = {"select", "insert", "update", "delete"};

    private final SqlFragments fragments;
    private final MapperProblems problems;
    private final MyBatisConfig config;
    private final SqlParser parser;

    public MapperStatements(List<MapperFile> files, MapperProblems problems) {
        this(files, problems, MyBatisConfig.none(Dialect.POSTGRESQL), null);
    }

    /** {@code parser} null: unknown substitutions that are not glued to a name stay identifiers. */
    public MapperStatements(List<MapperFile> files, MapperProblems problems, MyBatisConfig config, SqlParser parser) {
        this.fragments = new SqlFragments(files);
        this.problems = problems;
        this.config = config;
        this.parser = parser;
    }

    public List<SqlSite> sites(MapperFile file) {
        List<SqlSite> out = new ArrayList<>();
        List<XmlElement> statements = file.root().elements(STATEMENTS);
        Set<String> oursById = new HashSet<>();
        for (XmlElement statement : statements) {
            if (config.databaseIds().ours(statement.attribute("databaseId"))) oursById.add(statement.attribute("id"));
        }
        for (XmlElement statement : statements) {
            String id = statement.attribute("id");
            String databaseId = statement.attribute("databaseId");
            if (databaseId == null ? oursById.contains(id) : !config.databaseIds().ours(databaseId)) continue;
            String api = "mapper.xml <" + statement.name() + " id=\"" + id + "\""
                    + (databaseId == null ? "" : " databaseId=\"" + databaseId + "\"") + ">";
            XmlElement resolved = new IncludeResolver(fragments, file, api, problems, config.properties()).resolve(statement);
            List<SqlText> variants = DynamicSql.variants(resolved, config.databaseIds()).stream().filter(DynamicSql::hasStaticText)
                    .map(TextSubstitutions::apply).map(v -> UnknownSubstitutions.resolve(v, parser)).toList();
            if (variants.isEmpty()) continue;
            out.add(new SqlSite(file.path(), statement.origin().line(), statement.origin().column(), api, Language.SQL,
                    variants, id == null ? file.namespace() : file.qualify(id), null, Suppressions.NONE));
        }
        return out;
    }
}
