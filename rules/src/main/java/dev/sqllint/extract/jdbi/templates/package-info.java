/**
 * StringTemplate group files ({@code UserDao.sql.stg}) as Jdbi reads them: {@link
 * dev.sqllint.extract.jdbi.templates.GroupFiles} finds and parses them once per run (with their imports),
 * {@link dev.sqllint.extract.jdbi.templates.StringTemplateCalls} renders one template into the statements it
 * can produce, expanding calls of other templates and deciding {@code <if(...)>} tests alike within one
 * statement.
 *
 * <p>Reads: group files under the resource roots. Hands on: {@code SqlText} variants to
 * {@link dev.sqllint.extract.jdbi.JdbiSqlObjects}.
 */
package dev.sqllint.extract.jdbi.templates;
