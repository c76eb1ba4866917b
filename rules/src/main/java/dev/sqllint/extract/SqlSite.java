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
 * @param paging    how the Java pages the query, and the entity graph it fetches with; never null
 * @param loop      when the query runs once per row of another query, the loop and that query; else null. A site with
 *                  a loop and no variants is a call whose SQL is written elsewhere or not at all (a repository method,
 *                  a project method that issues a query): only the loop is judged there
 * @param repositoryCall for a site at a call of a Spring Data derived query method, judged there
 *                  ({@link RepositoryCountCalls}), that method as {@code Repository.countByStatus}; else null
 */
public record SqlSite(Path file, int line, int column, String api, Language language, List<SqlText> variants,
                      String owner, String entity, Suppressions suppressions, String zeroTest, Paging paging,
                      LoopContext loop, String repositoryCall) {

    public SqlSite {
        if (paging == null) paging = Paging.NONE;
    }

    public SqlSite(Path file, int line, int column, String api, Language language, List<SqlText> variants,
                   String owner, String entity, Suppressions suppressions, String zeroTest, Paging paging,
                   LoopContext loop) {
        this(file, line, column, api, language, variants, owner, entity, suppressions, zeroTest, paging, loop, null);
    }

    public SqlSite(Path file, int line, int column, String api, Language language, List<SqlText> variants,
                   String owner, String entity, Suppressions suppressions, String zeroTest, Paging paging) {
        this(file, line, column, api, language, variants, owner, entity, suppressions, zeroTest, paging, (LoopContext) null);
    }

    public SqlSite(Path file, int line, int column, String api, Language language, List<SqlText> variants,
                   String owner, String entity, Suppressions suppressions) {
        this(file, line, column, api, language, variants, owner, entity, suppressions, null, Paging.NONE);
    }

    public SqlSite withEntity(String entityName) {
        return new SqlSite(file, line, column, api, language, variants, owner, entityName, suppressions, zeroTest, paging,
                loop, repositoryCall);
    }

    /** The same site with other variants (a MyBatis script expanded). */
    public SqlSite withVariants(List<SqlText> other) {
        return new SqlSite(file, line, column, api, language, other, owner, entity, suppressions, zeroTest, paging,
                loop, repositoryCall);
    }

    /** The same site, paged as {@code other} says (a Specification, read where the file runs it). */
    public SqlSite withPaging(Paging other) {
        return new SqlSite(file, line, column, api, language, variants, owner, entity, suppressions, zeroTest, other,
                loop, repositoryCall);
    }

    /** A call in a loop over query rows whose SQL the site does not hold: only the loop is judged. */
    public boolean isLoopCall() {
        return loop != null && variants.isEmpty();
    }
}
