/**
 * The analyzer: runs the pipeline for one build ({@link dev.sqllint.engine.Analyzer}) from an
 * {@link dev.sqllint.engine.AnalysisConfig} to an {@link dev.sqllint.engine.AnalysisResult}. It chooses the files
 * to parse ({@code SourceSelection}, with the pre-filter), loads the schema ({@code SchemaLoader}), extracts
 * sites from Java and MyBatis mappers, parses and normalises each variant, runs the selected rules
 * ({@code RuleSelection}), maps every violation back to a source position ({@code Finding}), applies the
 * suppressions ({@code Suppressor}), and keeps results between runs ({@code ResultCache}, {@code OutlineCache},
 * {@code RunKey}) and within the heap ({@code HeapShortage}).
 *
 * <p>Reads: every other package of {@code rules}. Hands on: findings, diagnostics and counts, to
 * {@code report} and the Maven plugin. Bad input never stops it: it becomes a {@code Diagnostic}.
 */
package dev.sqllint.engine;
