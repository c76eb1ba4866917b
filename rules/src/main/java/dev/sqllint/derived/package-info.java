/**
 * Spring Data derived queries: repository methods without a query ({@code findDistinctByTargetGroupsNameIn}),
 * read with Spring Data's method-name grammar ({@link dev.sqllint.derived.PartTree}, {@code PartType}),
 * their property paths resolved through the JPA mapping ({@code PropertyPath}), and written as the SQL Spring
 * Data JPA runs, in Hibernate's shape ({@link dev.sqllint.derived.DerivedSql}).
 *
 * <p>Reads: repository interfaces through {@code extract.ProjectIndex}/{@code TypeNames}, and the
 * {@code schema.JpaModel}. Hands on: one {@code SqlSite} per derived query method, to the extractor
 * ({@link dev.sqllint.derived.DerivedQueries}); a method that is not a derived query is skipped with its reason.
 */
package dev.sqllint.derived;
