/**
 * The fluent query APIs: jOOQ's DSL ({@link dev.sqllint.extract.fluent.JooqChains}) and JPA Criteria queries
 * ({@link dev.sqllint.extract.fluent.CriteriaQueries}), each evaluated statement by statement over a value model
 * ({@code JooqValue}, {@code CriteriaValue}) and rendered as the SQL (jOOQ) or JPQL (Criteria) it stands for.
 * They share one package because they share their machinery: {@code FluentContext} (the project, folding,
 * the schema for {@code onKey()}), {@code FluentEvaluator}, {@code StatementWalk}, and the select being built
 * ({@code JooqQuery}, which Criteria's {@code CriteriaSelect} fills too).
 *
 * <p>Reads: the files the entry point hands over, the project through {@code FluentContext}. Hands on:
 * {@code SqlSite}s, one per statement, every keyword carrying the origin of the Java call that wrote it; and
 * which {@code em.createQuery(cq)} calls a Criteria query claimed (so they are not reported as unresolved JPQL).
 */
package dev.sqllint.extract.fluent;
