/**
 * SQL text and its parsing. {@link dev.sqllint.sql.SqlText} is the text plus the {@link dev.sqllint.sql.Origin}
 * (file, line, column, constant) of every character; {@code PlaceholderNormalizer} rewrites bind-parameter
 * dialects keeping that map; {@link dev.sqllint.sql.SqlParser} runs JSqlParser with a time-out (with
 * {@code DialectRepairs} where it stops on a database's own spelling) and returns failures as values;
 * {@code JpqlToSql} rewrites JPQL through the JPA mapping; {@code SqlTree} and {@code SqlKeywords} let rules
 * walk a statement and point at keywords JSqlParser keeps no position for.
 *
 * <p>Reads: the variants of the extracted sites. Hands on: parsed statements ({@code ParsedSql}) with the
 * offset arithmetic that maps a node back to the source, to the rules.
 */
package dev.sqllint.sql;
