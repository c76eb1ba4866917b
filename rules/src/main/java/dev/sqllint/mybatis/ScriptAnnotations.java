package dev.sqllint.mybatis;

import dev.sqllint.extract.SqlSite;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MyBatis annotations whose SQL is a {@code <script>} ({@code @Select("<script>SELECT ... <if test='x'>...</if></script>")})
 * hold XML with the same dynamic tags as a mapper. Their text is parsed as XML with each character still at
 * its Java position, and expanded by {@link DynamicSql} like a mapper statement, so findings land on the Java
 * line and column of the literal. A script that is not well-formed XML is reported and its site analysed no
 * further (MyBatis would refuse it at start-up too).
 */
public final class ScriptAnnotations {

    private static final String SCRIPT = "<script>";

    private ScriptAnnotations() {
    }

    /** The sites, with every {@code <script>} variant replaced by its expansions. */
    public static List<SqlSite> expand(List<SqlSite> sites, MapperProblems problems) {
        return expand(sites, problems, DatabaseIds.of(dev.sqllint.sql.Dialect.POSTGRESQL));
    }

    /** As above, {@code _databaseId} tests decided for the project's database. */
    public static List<SqlSite> expand(List<SqlSite> sites, MapperProblems problems, DatabaseIds databaseIds) {
        List<SqlSite> out = null;
        for (int i = 0; i < sites.size(); i++) {
            SqlSite site = sites.get(i);
            if (site.variants().stream().noneMatch(ScriptAnnotations::isScript)) {
                if (out != null) out.add(site);
                continue;
            }
            if (out == null) out = new ArrayList<>(sites.subList(0, i));
            out.add(site.withVariants(expand(site, problems, databaseIds)));
        }
        return out == null ? sites : out;
    }

    static boolean isScript(SqlText sql) {
        return sql.text().stripLeading().startsWith(SCRIPT);
    }

    private static List<SqlText> expand(SqlSite site, MapperProblems problems, DatabaseIds databaseIds) {
        Map<String, SqlText> byText = new LinkedHashMap<>();
        for (SqlText variant : site.variants()) {
            if (!isScript(variant)) {
                byText.putIfAbsent(variant.text(), variant);
                continue;
            }
            try {
                XmlDocument doc = PositionedXmlParser.parse(variant.text(), variant::originAt);
                for (SqlText v : DynamicSql.variants(doc.root(), databaseIds)) {
                    SqlText sql = TextSubstitutions.apply(v);
                    if (DynamicSql.hasStaticText(sql) && byText.size() < DynamicSql.MAX_VARIANTS) byText.putIfAbsent(sql.text(), sql);
                }
            } catch (XmlSyntaxException e) {
                problems.report(MapperProblems.Kind.SCRIPT_NOT_READ, site.file(), site.line(),
                        site.api() + ": the <script> is not well-formed XML (" + e.getMessage() + "); statement skipped");
            }
        }
        return new ArrayList<>(byText.values());
    }
}
