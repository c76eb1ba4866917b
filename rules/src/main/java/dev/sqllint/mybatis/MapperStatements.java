package dev.sqllint.mybatis;

import dev.sqllint.extract.Language;
import dev.sqllint.extract.SqlSite;
import dev.sqllint.extract.Suppressions;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL sites of MyBatis XML mappers: one per {@code <select>}, {@code <insert>}, {@code <update>} and
 * {@code <delete>}, at its start tag, owned by {@code namespace.id}, with the variants of its dynamic SQL.
 * Fragments are looked up across every mapper given, so a {@code refid="other.namespace.id"} resolves.
 */
public final class MapperStatements {

    private static final String[] STATEMENTS = {"select", "insert", "update", "delete"};

    private final SqlFragments fragments;
    private final MapperProblems problems;

    public MapperStatements(List<MapperFile> files, MapperProblems problems) {
        this.fragments = new SqlFragments(files);
        this.problems = problems;
    }

    public List<SqlSite> sites(MapperFile file) {
        List<SqlSite> out = new ArrayList<>();
        for (XmlElement statement : file.root().elements(STATEMENTS)) {
            String id = statement.attribute("id");
            String databaseId = statement.attribute("databaseId");
            String api = "mapper.xml <" + statement.name() + " id=\"" + id + "\""
                    + (databaseId == null ? "" : " databaseId=\"" + databaseId + "\"") + ">";
            XmlElement resolved = new IncludeResolver(fragments, file, api, problems).resolve(statement);
            List<SqlText> variants = DynamicSql.variants(resolved).stream().filter(DynamicSql::hasStaticText)
                    .map(TextSubstitutions::apply).toList();
            if (variants.isEmpty()) continue;
            out.add(new SqlSite(file.path(), statement.origin().line(), statement.origin().column(), api, Language.SQL,
                    variants, id == null ? file.namespace() : file.qualify(id), null, Suppressions.NONE));
        }
        return out;
    }
}
