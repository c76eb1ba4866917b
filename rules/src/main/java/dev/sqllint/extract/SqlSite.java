package dev.sqllint.extract;

import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.List;

/**
 * A place where the code issues a query: a sink call or a query annotation. It carries one SqlText per
 * variant of the statement (branches of StringBuilder appends, ternaries).
 *
 * @param api       what issues it, e.g. {@code JdbcTemplate.query} or {@code @Query}
 * @param owner     enclosing {@code Class.member}, for messages and (later) baseline keys
 * @param entity    the entity a Spring Data repository manages, for {@code #{#entityName}}, or null
 * @param suppressions what the {@code @SuppressWarnings} of the declarations around the site turn off
 * @param zeroTest  when the Java only tests the query's result against zero, that test as written with its line
 *                  ({@code `count > 0` (line 12)}); else null
 */
public record SqlSite(Path file, int line, int column, String api, Language language, List<SqlText> variants,
                      String owner, String entity, Suppressions suppressions, String zeroTest) {

    public SqlSite(Path file, int line, int column, String api, Language language, List<SqlText> variants,
                   String owner, String entity, Suppressions suppressions) {
        this(file, line, column, api, language, variants, owner, entity, suppressions, null);
    }

    public SqlSite withEntity(String entityName) {
        return new SqlSite(file, line, column, api, language, variants, owner, entityName, suppressions, zeroTest);
    }
}
