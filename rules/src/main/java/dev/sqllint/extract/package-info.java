/**
 * The extract stage: parsed Java files in, {@link dev.sqllint.extract.SqlSite}s out (one per place the code
 * issues a query, each with its folded {@code SqlText} variants), plus the {@link dev.sqllint.extract.UnresolvedSite}s
 * whose SQL could not be read.
 *
 * <p>{@link dev.sqllint.extract.JavaSqlExtractor} is the entry point. It reads sink calls
 * ({@code SinkCalls}, {@code SqlArguments}), constructors that take SQL ({@code ConstructorSites}), query
 * annotations, MyBatis providers and Hibernate's {@code @Formula}/{@code @Where} fragments itself, and hands the
 * other source families to the sub-packages:
 * <ul>
 *   <li>{@link dev.sqllint.extract.java}: folding a Java expression into the SQL texts it can hold (constants,
 *       concatenation, builders, locals along each path, helper methods);</li>
 *   <li>{@link dev.sqllint.extract.fluent}: jOOQ chains and JPA Criteria queries, translated into SQL/JPQL;</li>
 *   <li>{@link dev.sqllint.extract.jdbi}: Jdbi SQL objects, their {@code .sql} resources and template engines;</li>
 *   <li>{@link dev.sqllint.extract.sinks}: the catalogue of sink methods and annotations, and the cheap
 *       tests of text and files (looks like SQL, starts a statement, the pre-filter).</li>
 * </ul>
 *
 * <p>The types the rest of the pipeline uses live here: {@code JavaFile}, {@code ProjectIndex} and
 * {@code TypeNames} (what the sources declare, read by the schema and derived-query stages too),
 * {@code FileDependencies} (the incremental cache's keys), {@code SqlSite}, {@code UnresolvedSite},
 * {@code SourceKind}, {@code Language}, and the suppressions written in the code ({@code IgnoreComment(s)} for
 * {@code // sqllint:ignore}, {@code Suppressions} and {@code SuppressionScopes} for {@code @SuppressWarnings}),
 * which the engine applies to the findings.
 */
package dev.sqllint.extract;
